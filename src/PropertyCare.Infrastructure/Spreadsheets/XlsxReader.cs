using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using PropertyCare.Domain.Common;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Reads the first worksheet of an .xlsx as rows of display strings.
/// DocumentFormat.OpenXml only finds the parts (ClosedXML and MiniExcel do not restore from this environment's
/// package feed); the parts themselves are read with a plain streaming <see cref="XmlReader"/>, never as a DOM, so
/// what the reader holds is bounded by <see cref="SpreadsheetLimits"/> and not by what the file claims: the zip is
/// checked first (<see cref="XlsxPackageGuard"/>), rows and columns are placed by their reference only within the
/// limits, and shared strings are counted as they stream in.</summary>
public static class XlsxReader
{
    /// <summary>Excel's last row (1,048,576) and column (XFD = 16,384): a reference beyond is not from a sheet.</summary>
    private const long ExcelMaxRow = 1_048_576;
    private const int ExcelMaxColumn = 16_384;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entity expansion ("billion laughs")
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Rows in sheet order; <c>rows[i]</c> is Excel row i + 1, so callers can quote row numbers the user
    /// sees. Blank rows in between are empty arrays; trailing blank rows are dropped. A file beyond any limit is
    /// refused with <see cref="SpreadsheetRefusedException"/>: data below row MaxDataRows + 1 or right of column
    /// MaxColumns, an invalid row number, an oversized cell or shared-string table, or a zip that unpacks to too
    /// much. Empty rows and cells beyond the limits (formatting Excel keeps) are ignored.</summary>
    public static List<string[]> ReadFirstSheet(Stream stream, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        // The zip reader needs to seek; an upload stream cannot.
        if (!stream.CanSeek) stream = new MemoryStream(BoundedRead.AllBytes(stream, limits.MaxFileBytes));
        else if (stream.Length - stream.Position > limits.MaxFileBytes) throw BoundedRead.TooLarge(limits.MaxFileBytes);
        XlsxPackageGuard.Check(stream, limits);

        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbookPart = doc.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var (firstSheetId, date1904) = ReadWorkbook(workbookPart);
        // "First" is the first tab the user sees, which is the workbook's sheet order, not part order.
        if (firstSheetId == null || workbookPart.GetPartById(firstSheetId) is not WorksheetPart worksheet) return [];

        var shared = workbookPart.SharedStringTablePart is { } sst ? ReadSharedStrings(sst, limits) : [];
        var dateStyles = workbookPart.WorkbookStylesPart is { } styles ? DateStyleIndexes(styles) : [];
        return new SheetReader(limits, shared, dateStyles, date1904).Read(worksheet);
    }

    private static XmlReader Open(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);

    /// <summary>The relationship id of the first &lt;sheet&gt; and whether dates count from 1904.</summary>
    private static (string? FirstSheetId, bool Date1904) ReadWorkbook(WorkbookPart part)
    {
        string? first = null;
        var date1904 = false;
        using var xml = Open(part);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            // <workbook><workbookPr/> and <workbook><sheets><sheet/>: depth, so nothing in extensions is taken for them.
            if (xml.LocalName == "workbookPr" && xml.Depth == 1) date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet" && xml.Depth == 2 && first == null) first = RelationshipId(xml);
        }
        return (first, date1904);
    }

    /// <summary>r:id, in the transitional or the strict relationships namespace.</summary>
    private static string? RelationshipId(XmlReader xml)
    {
        while (xml.MoveToNextAttribute())
            if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
            {
                var id = xml.Value;
                xml.MoveToElement();
                return id;
            }
        xml.MoveToElement();
        return null;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart part, SpreadsheetLimits limits)
    {
        var result = new List<string>();
        var scratch = new StringBuilder();
        long chars = 0;
        using var xml = Open(part);
        xml.MoveToContent(); // <sst>
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                xml.Read();
                continue;
            }
            if (result.Count >= limits.MaxSharedStrings) throw SharedStringsTooBig(limits);
            var text = RichText(xml, limits, null, scratch);
            chars += text.Length;
            if (chars > limits.MaxSharedStringChars) throw SharedStringsTooBig(limits);
            result.Add(text);
        }
        return result;
    }

    private static SpreadsheetRefusedException SharedStringsTooBig(SpreadsheetLimits l) => new(new(
        $"文件的共享字符串表过大（超过 {l.MaxSharedStrings} 条或 {l.MaxSharedStringChars} 个字符），不像是正常的导入表格；请只保留需要导入的工作表后再试",
        $"The file's shared string table is too large (more than {l.MaxSharedStrings} entries or {l.MaxSharedStringChars} characters) for an import sheet; keep only the sheet to import and retry"));

    /// <summary>The text of a shared (&lt;si&gt;) or inline (&lt;is&gt;) string, the reader on its start element and
    /// left after its end. Phonetic runs (rPh) are skipped: they hold pinyin/kana guides that Excel does not show.</summary>
    private static string RichText(XmlReader xml, SpreadsheetLimits limits, long? rowNumber, StringBuilder scratch)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        var text = scratch.Clear(); // one builder for all strings of a part: a new one each would double the garbage
        xml.Read();
        while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") xml.Skip();
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t") BoundedText(xml, text, limits, rowNumber);
            else xml.Read();
        }
        xml.Read();
        return text.ToString();
    }

    /// <summary>Appends the text of the element the reader is on (a &lt;t&gt; or &lt;v&gt;) in chunks, refusing
    /// once the cell passes Excel's cell limit — so a long text or CDATA is never held whole.</summary>
    internal static void BoundedText(XmlReader xml, StringBuilder into, SpreadsheetLimits limits, long? rowNumber)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        // Pooled: this runs for every cell and shared string, and a fresh buffer each time would be most of
        // what reading allocates.
        var chunk = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            xml.Read();
            while (!xml.EOF && !(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement))
            {
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    if (xml.CanReadValueChunk)
                    {
                        int n;
                        while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        {
                            if (into.Length + n > limits.MaxCellChars) throw CellTooLong(limits, rowNumber);
                            into.Append(chunk, 0, n);
                        }
                    }
                    else
                    {
                        if (into.Length + xml.Value.Length > limits.MaxCellChars) throw CellTooLong(limits, rowNumber);
                        into.Append(xml.Value);
                    }
                }
                xml.Read();
            }
            xml.Read();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }

    internal static SpreadsheetRefusedException CellTooLong(SpreadsheetLimits l, long? rowNumber) => new(new(
        $"{(rowNumber is { } r ? $"第 {r} 行" : "文件中")}有单元格内容过长：超过 {l.MaxCellChars} 个字符（Excel 单元格最多 {l.MaxCellChars} 个字符）",
        $"{(rowNumber is { } n ? $"Row {n}" : "The file")} has a cell that is too long: more than {l.MaxCellChars} characters (an Excel cell holds at most {l.MaxCellChars})"));

    /// <summary>Streams &lt;sheetData&gt;, one row and one cell at a time, into rows bounded by the limits.</summary>
    private sealed class SheetReader(SpreadsheetLimits limits, List<string> shared, HashSet<int> dateStyles, bool date1904)
    {
        private readonly List<string[]> _rows = [];
        // One buffer for the cells of the row being read; a row's array is made only for its used width.
        private readonly string?[] _cells = new string?[limits.MaxColumns];
        private readonly StringBuilder _scratch = new();

        public List<string[]> Read(WorksheetPart worksheet)
        {
            using var xml = Open(worksheet);
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
                if (rowNumber > ExcelMaxRow) throw InvalidRowNumber(rowNumber.ToString(CultureInfo.InvariantCulture));
                nextRow = rowNumber + 1;
                var width = ReadRow(xml, rowNumber);
                if (width == 0) continue; // empty, wherever it is: styling Excel keeps, nothing to place
                if (rowNumber > limits.MaxDataRows + 1) throw TooManyRows(limits, rowNumber);
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
                if (column >= limits.MaxColumns) throw TooManyColumns(limits, rowNumber, column);
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
                    BoundedText(xml, _scratch.Clear(), limits, rowNumber);
                    raw = _scratch.ToString();
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is") inline = RichText(xml, limits, rowNumber, _scratch);
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
            if (dateStyles.Contains(style) && FormatDate(number, date1904) is { } date) return date;
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
                if (n > ExcelMaxColumn) throw InvalidColumn(reference, rowNumber);
            }
            return Math.Max(n - 1, 0);
        }

        /// <summary>The r attribute of a row: 1 to 1,048,576. Parsed as a long and checked, never cast — a number
        /// above 2^31 must not turn negative, nor one above 2^32 wrap around.</summary>
        private static long RowNumber(string r) =>
            long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ExcelMaxRow
                ? n
                : throw InvalidRowNumber(r);
    }

    private static SpreadsheetRefusedException InvalidRowNumber(string r)
    {
        var shown = r.Length > 20 ? r[..20] + "…" : r;
        return new(new($"文件中的行号无效：“{shown}”（Excel 行号为 1 到 {ExcelMaxRow}），请用 Excel 重新保存后再导入",
            $"The file has an invalid row number “{shown}” (Excel rows are 1 to {ExcelMaxRow}); save it again in Excel and retry"));
    }

    private static SpreadsheetRefusedException InvalidColumn(string reference, long rowNumber)
    {
        var shown = reference.Length > 20 ? reference[..20] + "…" : reference;
        return new(new($"第 {rowNumber} 行的单元格位置无效：“{shown}”，请用 Excel 重新保存后再导入",
            $"Row {rowNumber} has an invalid cell reference “{shown}”; save it again in Excel and retry"));
    }

    internal static SpreadsheetRefusedException TooManyRows(SpreadsheetLimits l, long rowNumber) => new(new(
        $"数据行超过 {l.MaxDataRows} 行（第 {rowNumber} 行有数据，数据最多到第 {l.MaxDataRows + 1} 行），请分批导入",
        $"More than {l.MaxDataRows} data rows (row {rowNumber} has data; data may go down to row {l.MaxDataRows + 1}); split the file"));

    internal static SpreadsheetRefusedException TooManyColumns(SpreadsheetLimits l, long rowNumber, int column) => new(new(
        $"第 {rowNumber} 行在 {XlsxWriter.ColumnName(column)} 列有数据，导入表最多 {l.MaxColumns} 列（到 {XlsxWriter.ColumnName(l.MaxColumns - 1)} 列）",
        $"Row {rowNumber} has data in column {XlsxWriter.ColumnName(column)}; an import sheet has at most {l.MaxColumns} columns (up to {XlsxWriter.ColumnName(l.MaxColumns - 1)})"));

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

    // Built-in date/time formats: 14–22 and 45–47 everywhere, 27–36 and 50–58 are the CJK-locale
    // date formats (yyyy年m月d日 and friends) that Chinese Excel uses.
    private static readonly HashSet<int> BuiltInDateFormats =
        [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    /// <summary>Excel keeps at most ~64,000 cell formats and a few hundred custom number formats; more are
    /// ignored (shown as numbers) rather than held.</summary>
    private const int MaxStyles = 65_536;

    /// <summary>Indexes of the cell formats (cellXfs/xf, in order) that show a date, streamed from styles.xml.
    /// Only the top-level numFmts and cellXfs count (depth 2 = styleSheet/list/item): differential formats
    /// (dxfs/dxf/numFmt) and cellStyleXfs are something else.</summary>
    private static HashSet<int> DateStyleIndexes(WorkbookStylesPart part)
    {
        var customDates = new HashSet<int>();
        var result = new HashSet<int>();
        var index = 0;
        var inCellXfs = false;
        using var xml = Open(part);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs" && xml.Depth == 1) inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when xml.Depth == 2 && customDates.Count < MaxStyles:
                    if (int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        && IsDateFormatCode(xml.GetAttribute("formatCode") ?? ""))
                        customDates.Add(id);
                    break;
                case "cellXfs" when xml.Depth == 1:
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs && xml.Depth == 2 && index < MaxStyles:
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (BuiltInDateFormats.Contains(format) || customDates.Contains(format)) result.Add(index);
                    index++;
                    break;
            }
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
