using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Streams &lt;sheetData&gt;, one row and one cell at a time, into rows bounded by the limits.</summary>
internal sealed class XlsxSheetReader(SpreadsheetLimits limits, List<string> shared, HashSet<int> dateStyles, bool date1904)
{
    /// <summary>Excel's last row (1,048,576) and column (XFD = 16,384): a reference beyond is not from a sheet.</summary>
    public const long ExcelMaxRow = 1_048_576;
    private const int ExcelMaxColumn = 16_384;

    private readonly List<string[]> _rows = [];
    // One buffer for the cells of the row being read; a row's array is made only for its used width.
    private readonly string?[] _cells = new string?[limits.MaxColumns];
    private readonly StringBuilder _scratch = new();

    public List<string[]> Read(WorksheetPart worksheet)
    {
        using var xml = XlsxReader.Open(worksheet);
        long nextRow = 1;
        while (!xml.EOF)
        {
            // <worksheet><sheetData><row>: rows are at depth 2; a "row" elsewhere (extensions) is not data.
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row" || xml.Depth != 2)
            {
                xml.Read();
                continue;
            }
            var rowNumber = xml.GetAttribute("r") is { } r ? RowNumber(r) : nextRow;
            if (rowNumber > ExcelMaxRow) throw SpreadsheetRefusals.InvalidRowNumber(rowNumber.ToString(CultureInfo.InvariantCulture));
            nextRow = rowNumber + 1;
            var width = ReadRow(xml, rowNumber);
            if (width == 0) continue; // empty, wherever it is: styling Excel keeps, nothing to place
            if (rowNumber > limits.MaxDataRows + 1) throw SpreadsheetRefusals.TooManyRows(limits, rowNumber);
            var row = new string[width];
            for (var i = 0; i < width; i++) row[i] = _cells[i] ?? "";
            Array.Clear(_cells, 0, width);
            var index = (int)rowNumber - 1; // bounded by MaxDataRows + 1 just above
            while (_rows.Count < index) _rows.Add([]);
            if (_rows.Count > index) _rows[index] = row; // out-of-order row: trust its reference
            else _rows.Add(row);
        }
        return _rows;
    }

    /// <summary>Reads the cells of the row into <see cref="_cells"/>; returns the used width (0 if empty).</summary>
    private int ReadRow(XmlReader xml, long rowNumber)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return 0;
        }
        var depth = xml.Depth;
        var width = 0;
        var nextColumn = 0;
        xml.Read();
        while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                xml.Read();
                continue;
            }
            // Cells are sparse: an empty cell is simply absent, so position comes from the reference (C5).
            var column = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference, rowNumber) : nextColumn;
            nextColumn = column + 1;
            var text = ReadCell(xml, rowNumber);
            if (text.Length == 0) continue;
            if (column >= limits.MaxColumns) throw SpreadsheetRefusals.TooManyColumns(limits, rowNumber, column);
            _cells[column] = text;
            width = Math.Max(width, column + 1);
        }
        xml.Read();
        return width;
    }

    private string ReadCell(XmlReader xml, long rowNumber)
    {
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        string? raw = null, inline = null;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                XlsxText.BoundedText(xml, _scratch.Clear(), limits, rowNumber);
                raw = _scratch.ToString();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is") inline = XlsxText.RichText(xml, limits, rowNumber, _scratch);
            else if (xml.NodeType == XmlNodeType.Element) xml.Skip(); // <f> formulas and anything else
            else xml.Read();
        }
        xml.Read();
        return CellText(type, style, raw ?? "", inline);
    }

    private string CellText(string? type, int style, string raw, string? inline)
    {
        switch (type)
        {
            case "inlineStr": return inline ?? raw;
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
            case "b": return raw == "1" ? "TRUE" : "FALSE";
            case null or "n": break;
            default: return raw; // formula strings, errors, ISO dates
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (dateStyles.Contains(style) && XlsxDateStyles.FormatDate(number, date1904) is { } date) return date;
        // Excel shows 15 significant digits; the XML may hold binary noise like 89.499999999999986.
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>"AB12" → 27 (zero-based column). A reference beyond XFD is no Excel column.</summary>
    private static int ColumnIndex(string reference, long rowNumber)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') n = n * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') n = n * 26 + (ch - 'a' + 1);
            else break;
            if (n > ExcelMaxColumn) throw SpreadsheetRefusals.InvalidColumn(reference, rowNumber);
        }
        return Math.Max(n - 1, 0);
    }

    /// <summary>The r attribute of a row: 1 to 1,048,576. Parsed as a long and checked, never cast — a number
    /// above 2^31 must not turn negative, nor one above 2^32 wrap around.</summary>
    private static long RowNumber(string r) =>
        long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ExcelMaxRow
            ? n
            : throw SpreadsheetRefusals.InvalidRowNumber(r);
}
