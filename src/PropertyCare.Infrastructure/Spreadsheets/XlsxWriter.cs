using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Writes a one-sheet .xlsx: bold frozen header, every cell text. Hand-written on
/// DocumentFormat.OpenXml because ClosedXML and MiniExcel do not restore from this environment's feed.</summary>
public static class XlsxWriter
{
    // Style indexes into the cellXfs written by Styles().
    private const uint BodyStyle = 1;
    private const uint HeaderStyle = 2;

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string sheetName = "Sheet1")
    {
        var body = rows.ToList();
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();

            var sheetData = new SheetData();
            sheetData.Append(MakeRow(1, header, HeaderStyle));
            for (var i = 0; i < body.Count; i++) sheetData.Append(MakeRow((uint)i + 2, body[i], BodyStyle));

            var worksheet = workbook.AddNewPart<WorksheetPart>();
            // Child order is fixed by the schema: sheetViews, cols, sheetData.
            worksheet.Worksheet = new Worksheet(FrozenHeader(), Columns(header, body), sheetData);

            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(worksheet),
                SheetId = 1,
                Name = sheetName,
            }));
            workbook.Workbook.Save();
        }
        return ms.ToArray();
    }

    private static Row MakeRow(uint number, IReadOnlyList<string> values, uint style)
    {
        var row = new Row { RowIndex = number };
        for (var c = 0; c < values.Count; c++)
        {
            var value = Clean(values[c]);
            if (value.Length == 0) continue; // sparse, as Excel writes it
            // Inline strings, never numbers or formulas: an ID number stays 18 digits, a phone keeps its
            // leading 0, and a value starting with "=" is text, not something Excel would run.
            row.Append(new Cell
            {
                CellReference = ColumnName(c) + number,
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    { TabSelected = true, WorkbookViewId = 0U });

    /// <summary>Widths from the longest value (CJK characters count double), and the text format on
    /// whole columns so numbers typed into a downloaded template stay text too.</summary>
    private static Columns Columns(IReadOnlyList<string> header, List<IReadOnlyList<string>> body)
    {
        var columns = new Columns();
        var count = Math.Max(header.Count, body.Count == 0 ? 0 : body.Max(r => r.Count));
        for (var c = 0; c < count; c++)
        {
            var width = DisplayWidth(c < header.Count ? header[c] : "");
            foreach (var row in body.Take(1000))
                if (c < row.Count) width = Math.Max(width, DisplayWidth(row[c]));
            columns.Append(new Column
            {
                Min = (uint)c + 1,
                Max = (uint)c + 1,
                Width = Math.Clamp(width + 2, 8, 60),
                CustomWidth = true,
                Style = BodyStyle,
            });
        }
        return columns;
    }

    private static int DisplayWidth(string s) => s.Sum(ch => ch >= 0x2E80 ? 2 : 1);

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Control characters are not allowed in XML; a pasted value with one would make the file unreadable.</summary>
    private static string Clean(string? s) =>
        string.IsNullOrEmpty(s) ? "" : new string(s.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r').ToArray());

    private static Stylesheet Styles()
    {
        const uint textFormat = 49; // built-in "@"
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11D }, new FontName { Val = "等线" }),
                new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "等线" }))
            { Count = 2U },
            // Excel requires these two fills first.
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                new CellFormat { NumberFormatId = textFormat, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = textFormat, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true, ApplyFont = true })
            { Count = 3U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
