using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Writes one sheet of text cells with a bold, frozen header. Written on OpenXml by hand because
/// the higher-level libraries are unusable here (ClosedXML 0.95 only, EPPlus not free, MiniExcel absent).</summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, header, style: 1));
            uint r = 2;
            foreach (var row in rows) data.Append(Row(r++, row, style: 0));
            var columns = new Columns(header.Select((h, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Max(12, h.Length * 2.2 + 4), CustomWidth = true }));
            var frozen = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
            ws.Worksheet = new Worksheet(frozen, columns, data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName }));
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<string> values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + index,
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(values[i] ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            });
        return row;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
