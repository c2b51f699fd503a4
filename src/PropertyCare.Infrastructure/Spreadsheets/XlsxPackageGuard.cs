using System.IO.Compression;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Looks at an .xlsx zip before any XML library parses it: every part is inflated once through a counting
/// loop with one small buffer — the sizes the zip declares are not trusted — and the file is refused when it
/// unpacks to too much (a zip bomb), packs too tightly, has too many parts, or holds an XML token too long to parse
/// in bounded memory. Costs one pass of decompression, at most <see cref="SpreadsheetLimits.MaxUncompressedBytes"/>.</summary>
public static class XlsxPackageGuard
{
    private const long RatioCheckedFrom = 1024 * 1024;

    public static void Check(Stream seekable, SpreadsheetLimits limits)
    {
        var start = seekable.Position;
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries) throw SpreadsheetRefusals.TooManyParts(limits);
            var buffer = new byte[64 * 1024];
            long total = 0;
            foreach (var entry in zip.Entries)
                total = CheckEntry(entry, buffer, total, limits);
        }
        catch (NotSupportedException)
        {
            // An encrypted part or an unknown compression method: unreadable, like any other broken file.
            throw new InvalidDataException("Unsupported zip entry.");
        }
        seekable.Position = start;
    }

    private static long CheckEntry(ZipArchiveEntry entry, byte[] buffer, long total, SpreadsheetLimits limits)
    {
        var name = entry.FullName;
        // Read whole by the package library as soon as the file is opened.
        var isPackagePart = name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || name == "[Content_Types].xml";
        long size = 0;
        // Every part, not only the *.xml ones: which part is the sheet is decided by relationships, not by name.
        // Binary parts (images) have a '<' byte every few hundred bytes by chance, far within the limit.
        var tokens = new XmlTokenScanner(limits.MaxXmlTokenBytes);
        using var stream = entry.Open();
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            size += n;
            total += n;
            if (total > limits.MaxUncompressedBytes) throw SpreadsheetRefusals.TooBigUnpacked(limits);
            if (size > RatioCheckedFrom && size > Math.Max(entry.CompressedLength, 1) * limits.MaxCompressionRatio)
                throw SpreadsheetRefusals.PackedTooTightly(limits);
            if (isPackagePart && size > limits.MaxPackagePartBytes) throw SpreadsheetRefusals.TooLongToken();
            tokens.Feed(buffer.AsSpan(0, n));
        }
        return total;
    }
}
