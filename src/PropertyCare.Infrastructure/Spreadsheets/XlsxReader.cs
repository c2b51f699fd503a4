using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Reads the first worksheet of an .xlsx as rows of display strings.
/// Hand-written on DocumentFormat.OpenXml because ClosedXML and MiniExcel do not restore from this
/// environment's package feed.</summary>
public static class XlsxReader
{
    /// <summary>Rows in sheet order; <c>rows[i]</c> is Excel row i + 1, so callers can quote row numbers
    /// the user sees. Blank rows in between are empty arrays; trailing blank rows are dropped.
    /// Stops once more than <paramref name="maxNonEmptyRows"/> non-empty rows were seen (the extra one is
    /// returned, so the caller can tell "too many" from "exactly the limit").</summary>
    public static List<string[]> ReadFirstSheet(Stream stream, int maxNonEmptyRows = int.MaxValue)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        // "First" is the first tab the user sees, which is the workbook's sheet order, not part order.
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (sheet?.Id?.Value is not { } relId || workbook.GetPartById(relId) is not WorksheetPart worksheet) return [];

        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
            .Select(RichText).ToArray() ?? [];
        var dateStyles = DateStyleIndexes(workbook.WorkbookStylesPart?.Stylesheet);
        var date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;

        var rows = new List<string[]>();
        var nonEmpty = 0;
        var nextRowNumber = 1;
        // A streaming reader, so a sheet with styling down to row 1,048,576 does not become a huge DOM.
        using var reader = OpenXmlReader.Create(worksheet);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            // LoadCurrentElement already moved the reader past the row: a Read() here would skip the next one.
            more = !reader.EOF;
            var rowNumber = row.RowIndex?.Value is { } ri ? (int)ri : nextRowNumber;
            nextRowNumber = rowNumber + 1;
            var cells = ReadCells(row, shared, dateStyles, date1904);
            if (cells.Length == 0) continue;
            while (rows.Count < rowNumber - 1) rows.Add([]);
            if (rows.Count >= rowNumber) rows[rowNumber - 1] = cells; // out-of-order row: trust its reference
            else rows.Add(cells);
            if (++nonEmpty > maxNonEmptyRows) break;
        }
        return rows;
    }

    private static string[] ReadCells(Row row, string[] shared, HashSet<uint> dateStyles, bool date1904)
    {
        var cells = new List<string>();
        var nextColumn = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            // Cells are sparse: an empty cell is simply absent, so position comes from the reference (C5).
            var column = cell.CellReference?.Value is { } r ? ColumnIndex(r) : nextColumn;
            nextColumn = column + 1;
            var text = CellText(cell, shared, dateStyles, date1904);
            if (text.Length == 0) continue;
            while (cells.Count <= column) cells.Add("");
            cells[column] = text;
        }
        return cells.ToArray();
    }

    /// <summary>"AB12" → 27 (zero-based column).</summary>
    internal static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') n = n * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') n = n * 26 + (ch - 'a' + 1);
            else break;
        }
        return Math.Max(n - 1, 0);
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles, bool date1904)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? RichText(inline) : cell.CellValue?.Text ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type is not null && type != CellValues.Number) return raw; // formula strings, errors, ISO dates
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && FormatDate(number, date1904) is { } date)
            return date;
        // Excel shows 15 significant digits; the XML may hold binary noise like 89.499999999999986.
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static string? FormatDate(double serial, bool date1904)
    {
        if (date1904) serial += 1462;
        if (serial < 0 || serial > 2958465) return null; // outside what Excel can show as a date
        var dt = DateTime.FromOADate(serial);
        if (serial < 1) return dt.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>The text of a shared or inline string. Phonetic runs (rPh) are skipped: they hold pinyin/kana
    /// guides that Excel does not show, and InnerText would glue them onto the name.</summary>
    private static string RichText(OpenXmlElement item) =>
        string.Concat(item.ChildElements.Select(e => e switch
        {
            Text t => t.Text,
            Run r => r.Text?.Text ?? "",
            _ => "",
        }));

    // Built-in date/time formats: 14–22 and 45–47 everywhere, 27–36 and 50–58 are the CJK-locale
    // date formats (yyyy年m月d日 and friends) that Chinese Excel uses.
    private static readonly HashSet<uint> BuiltInDateFormats =
        [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    private static HashSet<uint> DateStyleIndexes(Stylesheet? styles)
    {
        var result = new HashSet<uint>();
        if (styles?.CellFormats == null) return result;
        var customDates = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormatCode(f.FormatCode?.Value ?? ""))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var xf in styles.CellFormats.Elements<CellFormat>())
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            if (BuiltInDateFormats.Contains(id) || customDates.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    /// <summary>A custom format is a date if, outside quoted literals, escapes and [..] sections, it uses
    /// a date/time letter. Number formats ("0.00", "#,##0\"元\"", "@") have none.</summary>
    internal static bool IsDateFormatCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    i = code.IndexOf('"', i + 1);
                    if (i < 0) return false;
                    break;
                case '[':
                    i = code.IndexOf(']', i + 1);
                    if (i < 0) return false;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is a literal, padding or fill
                    break;
                default:
                    if ("yYmMdDhHsS".Contains(c)) return true;
                    break;
            }
        }
        return false;
    }
}
