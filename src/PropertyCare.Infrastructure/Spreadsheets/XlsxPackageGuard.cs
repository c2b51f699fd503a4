using System.IO.Compression;
using PropertyCare.Domain.Common;

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
            if (zip.Entries.Count > limits.MaxZipEntries) throw Refused(
                new($"文件包含的部件过多（超过 {limits.MaxZipEntries} 个），不像是正常的导入表格",
                    $"The file has too many parts (more than {limits.MaxZipEntries}); it does not look like an import sheet"));
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
            if (total > limits.MaxUncompressedBytes) throw TooBigUnpacked(limits);
            if (size > RatioCheckedFrom && size > Math.Max(entry.CompressedLength, 1) * limits.MaxCompressionRatio)
                throw Refused(new($"文件解压后超过压缩大小的 {limits.MaxCompressionRatio} 倍，压缩比异常（疑似压缩炸弹），已拒绝",
                    $"The file would be unpacked to more than {limits.MaxCompressionRatio} times its packed size (a likely zip bomb) and was refused"));
            if (isPackagePart && size > limits.MaxPackagePartBytes) throw TooLongToken();
            tokens.Feed(buffer.AsSpan(0, n));
        }
        return total;
    }

    internal static SpreadsheetRefusedException TooBigUnpacked(SpreadsheetLimits limits)
    {
        var mb = limits.MaxUncompressedBytes / (1024 * 1024);
        return Refused(new($"文件解压后超过 {mb} MB，不像是正常的导入表格（疑似压缩炸弹）；请只保留需要导入的数据后再试",
            $"The file is larger than {mb} MB unpacked, more than an import sheet needs (a likely zip bomb); keep only the data to import and retry"));
    }

    internal static SpreadsheetRefusedException TooLongToken() =>
        Refused(new("文件中有异常长的内容，不像是 Excel 保存的表格；请用 Excel 重新保存后再导入",
            "The file contains an abnormally long item and does not look like a sheet saved by Excel; save it again in Excel and retry"));

    private static SpreadsheetRefusedException Refused(Text reason) => new(reason);
}
