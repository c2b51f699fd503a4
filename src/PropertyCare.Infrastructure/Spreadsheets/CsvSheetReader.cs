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
    /// as empty arrays so row numbers stay right; trailing blank lines dropped. Bounded like the .xlsx reader: at
    /// most MaxFileBytes are read from the stream, data only down to row MaxDataRows + 1 and across MaxColumns
    /// columns, no field longer than an Excel cell and no record longer than MaxCsvRecordChars — beyond any of
    /// these the file is refused with <see cref="SpreadsheetRefusedException"/>.</summary>
    public static List<string[]> Read(Stream stream, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        var bytes = BoundedRead.AllBytes(stream, limits.MaxFileBytes);
        var encoding = DetectEncoding(bytes, out var preambleLength);
        // Excel's "Unicode text" export is UTF-16 and tab-separated.
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = encoding is UnicodeEncoding ? '\t' : ',',
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            // An unclosed quote or a giant field would otherwise grow the record buffer to the whole file.
            MaxRecordSize = limits.MaxCsvRecordChars,
        };
        var rows = new List<string[]>();
        var pendingBlank = 0;
        // Decoded as it is read, so the file is never held a second time as one string.
        using var text = new StreamReader(new MemoryStream(bytes, preambleLength, bytes.Length - preambleLength), encoding, false);
        // CsvHelper 34 is a new API: a forward-only CsvReader built from options, no CsvConfiguration/CsvParser.
        using var reader = CsvReader.Create(text, options);
        while (Next(reader, rows.Count + pendingBlank + 1, limits))
        {
            var rowNumber = rows.Count + pendingBlank + 1;
            var record = Record(reader, rowNumber, limits);
            if (record.Length == 0) { pendingBlank++; continue; }
            if (rowNumber > limits.MaxDataRows + 1) throw SpreadsheetRefusals.TooManyRows(limits, rowNumber);
            for (; pendingBlank > 0; pendingBlank--) rows.Add([]);
            rows.Add(record);
        }
        return rows;
    }

    private static bool Next(CsvReader reader, long rowNumber, SpreadsheetLimits limits)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException)
        {
            // With malformed data recovered, the only format error left is a record over MaxRecordSize.
            throw SpreadsheetRefusals.CsvRecordTooLong(limits, rowNumber);
        }
    }

    /// <summary>The fields up to the last non-empty one (empty if the line is blank); a value right of
    /// MaxColumns or longer than an Excel cell refuses the file.</summary>
    private static string[] Record(CsvReader reader, long rowNumber, SpreadsheetLimits limits)
    {
        var width = 0;
        for (var i = reader.FieldCount - 1; i >= 0 && width == 0; i--)
            if (!string.IsNullOrWhiteSpace(reader.GetString(i))) width = i + 1;
        if (width == 0) return [];
        if (width > limits.MaxColumns) throw SpreadsheetRefusals.TooManyColumns(limits, rowNumber, width - 1);
        var record = new string[width];
        for (var i = 0; i < width; i++)
        {
            record[i] = reader.GetString(i) ?? "";
            if (record[i].Length > limits.MaxCellChars) throw SpreadsheetRefusals.CellTooLong(limits, rowNumber);
        }
        return record;
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
