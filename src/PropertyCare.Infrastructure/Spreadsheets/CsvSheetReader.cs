using System.Globalization;
using System.Text;
using CsvHelper;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Reads a CSV into rows of strings, the same shape as <see cref="XlsxReader"/>.</summary>
public static class CsvSheetReader
{
    static CsvSheetReader()
    {
        // GB18030/GBK are not built into .NET; Chinese Excel saves "CSV (逗号分隔)" in GBK.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Rows in file order (<c>rows[i]</c> is row i + 1 as Excel would number it), blank lines kept
    /// as empty arrays so row numbers stay right; trailing blank lines dropped. Stops once more than
    /// <paramref name="maxNonEmptyRows"/> non-empty rows were seen.</summary>
    public static List<string[]> Read(Stream stream, int maxNonEmptyRows = int.MaxValue)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var encoding = DetectEncoding(bytes, out var preambleLength);
        var text = encoding.GetString(bytes, preambleLength, bytes.Length - preambleLength);
        // Excel's "Unicode text" export is UTF-16 and tab-separated.
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = encoding is UnicodeEncoding ? '\t' : ',',
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        var rows = new List<string[]>();
        var pendingBlank = 0;
        var nonEmpty = 0;
        // CsvHelper 34 is a new API: a forward-only CsvReader built from options, no CsvConfiguration/CsvParser.
        using var reader = CsvReader.Create(new StringReader(text), options);
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++) record[i] = reader.GetString(i) ?? "";
            if (record.All(string.IsNullOrWhiteSpace)) { pendingBlank++; continue; }
            for (; pendingBlank > 0; pendingBlank--) rows.Add([]);
            rows.Add(record);
            if (++nonEmpty > maxNonEmptyRows) break;
        }
        return rows;
    }

    /// <summary>BOM first; otherwise bytes that decode as strict UTF-8 are UTF-8 (GBK text practically never
    /// does), and everything else is GB18030, a superset of GBK and GB2312.</summary>
    public static Encoding DetectEncoding(byte[] bytes, out int preambleLength)
    {
        preambleLength = 0;
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) { preambleLength = 3; return new UTF8Encoding(false); }
        if (bytes is [0xFF, 0xFE, ..]) { preambleLength = 2; return new UnicodeEncoding(false, false); }
        if (bytes is [0xFE, 0xFF, ..]) { preambleLength = 2; return new UnicodeEncoding(true, false); }
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }
}
