using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PropertyCare.Infrastructure.Spreadsheets;
using Xunit.Abstractions;

namespace PropertyCare.Infrastructure.Tests.Spreadsheets;

public class SpreadsheetTests(ITestOutputHelper output)
{
    [Fact]
    public void Written_xlsx_reads_back_cell_for_cell()
    {
        string[] header = ["楼栋", "房号", "证件号码", "备注"];
        List<IReadOnlyList<string>> rows =
        [
            ["1栋", "0101", "11010519491231002X", "  leading spaces"],
            ["", "", "", ""],
            ["2栋", "", "=SUM(A1)", "第三行"],
        ];
        var bytes = XlsxWriter.Write(header, rows);

        var read = XlsxReader.ReadFirstSheet(new MemoryStream(bytes));

        Assert.Equal(4, read.Count);
        Assert.Equal(header, read[0]);
        Assert.Equal(rows[0], read[1]);
        Assert.Empty(read[2]); // a blank row keeps its place, so row numbers stay right
        Assert.Equal(["2栋", "", "=SUM(A1)", "第三行"], read[3]);
    }

    [Fact]
    public void Reader_handles_shared_strings_sparse_cells_numbers_and_dates()
    {
        var bytes = HandMadeWorkbook();

        var read = XlsxReader.ReadFirstSheet(new MemoryStream(bytes));

        Assert.Equal(3, read.Count);
        Assert.Equal(["楼栋", "inline", "89.5"], read[0]);
        Assert.Empty(read[1]);
        // D3 built-in date, E3 custom "yyyy/m/d", F3 a plain number, G3 shared string with a pinyin guide.
        Assert.Equal(["", "", "", "2020-01-01", "2021-03-15", "13800138000", "张伟"], read[2]);
    }

    [Fact]
    public void Data_below_the_row_limit_is_refused_and_data_up_to_it_is_read()
    {
        var rows = Enumerable.Range(1, 11).Select(i => (IReadOnlyList<string>)[i.ToString()]).ToList();
        var limits = new SpreadsheetLimits { MaxDataRows = 10 };

        var refused = Assert.Throws<SpreadsheetRefusedException>(() =>
            XlsxReader.ReadFirstSheet(new MemoryStream(XlsxWriter.Write(["n"], rows)), limits));
        Assert.Contains("第 12 行", refused.Reason.Zh);
        Assert.Contains("row 12", refused.Reason.En);

        var read = XlsxReader.ReadFirstSheet(new MemoryStream(XlsxWriter.Write(["n"], rows.Take(10))), limits);
        Assert.Equal(11, read.Count);
    }

    [Fact]
    public void Empty_rows_and_cells_beyond_the_limits_are_ignored_not_padded()
    {
        // Formatting Excel keeps on rows and cells far out: nothing to import, so nothing to refuse or allocate.
        var file = HostileFiles.Xlsx(HostileFiles.HeaderRow
            + """<row r="3" s="1" customFormat="1"><c r="A3" t="inlineStr"><is><t>1栋</t></is></c><c r="XFD3" s="1"/></row>"""
            + """<row><c t="inlineStr"><is><t>after 3</t></is></c></row>"""
            + """<row r="2"><c r="B2" t="inlineStr"><is><t>0101</t></is></c></row>"""
            + """<row r="1048576" s="1" customFormat="1"/>""");

        var read = XlsxReader.ReadFirstSheet(new MemoryStream(file));

        Assert.Equal(4, read.Count);
        Assert.Equal(["楼栋", "房号"], read[0]);
        Assert.Equal(["", "0101"], read[1]); // out of order: placed by its reference
        Assert.Equal(["1栋"], read[2]);
        Assert.Equal(["after 3"], read[3]); // no reference: the row after the previous one
    }

    /// <summary>The limits must not refuse what they protect: a full import — 5,000 rows, 20 columns, every cell
    /// filled with the kind of text an owner list has — reads in both formats, and costs a bounded amount.</summary>
    [Fact]
    public void A_full_5000_row_import_file_is_within_every_limit()
    {
        var header = Enumerable.Range(1, 20).Select(c => $"列{c}").ToList();
        var rows = Enumerable.Range(1, 5000).Select(r => (IReadOnlyList<string>)Enumerable.Range(1, 20)
            .Select(c => c switch { 1 => $"{r % 40 + 1}栋", 2 => $"{r:D4}", 3 => $"1101051980{r:D6}{r % 10}X", _ => $"业主{r}-备注{c}" }).ToList()).ToList();
        var xlsx = XlsxWriter.Write(header, rows);
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend(header).Select(r => string.Join(',', r))));
        var limits = SpreadsheetLimits.Default;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var fromXlsx = XlsxReader.ReadFirstSheet(new MemoryStream(xlsx), limits);
        var xlsxAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var fromCsv = CsvSheetReader.Read(new MemoryStream(csv), limits);

        output.WriteLine($"xlsx {xlsx.Length / 1024} KB, csv {csv.Length / 1024} KB; reading the xlsx allocated {xlsxAllocated / 1024 / 1024} MB");
        Assert.Equal(5001, fromXlsx.Count);
        Assert.Equal(fromXlsx, fromCsv);
        Assert.InRange(xlsx.Length, 1, limits.MaxFileBytes);
        Assert.InRange(csv.Length, 1, limits.MaxFileBytes);
        Assert.True(xlsxAllocated < 200L * 1024 * 1024, $"reading allocated {xlsxAllocated / 1024 / 1024} MB");
    }

    [Theory]
    [InlineData("<![CDATA[", "]]>")]
    [InlineData("<!--", "-->")]
    public void A_cdata_or_comment_too_long_to_parse_is_refused_even_with_tags_inside(string open, string close)
    {
        // '<' inside a CDATA section or comment does not end it: the scanner follows it to its terminator.
        var file = HostileFiles.Xlsx(w =>
        {
            w.Write(HeaderRowWithText(open));
            HostileFiles.Repeat(w, new string('a', 1000) + "<b>", 20_000);
            w.Write(close + "</t></is></c></row>");
        });

        var refused = Assert.Throws<SpreadsheetRefusedException>(() => XlsxReader.ReadFirstSheet(new MemoryStream(file)));

        Assert.Contains("异常长", refused.Reason.Zh);
        Assert.Contains("abnormally long", refused.Reason.En);
    }

    private static string HeaderRowWithText(string start) => HostileFiles.HeaderRow + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + start;

    [Fact]
    public void A_cdata_cell_is_read_and_one_longer_than_an_excel_cell_is_refused()
    {
        var ok = HostileFiles.Xlsx(HeaderRowWithText("<![CDATA[1<2]]>") + "</t></is></c></row>");
        Assert.Equal(["1<2"], XlsxReader.ReadFirstSheet(new MemoryStream(ok))[1]);

        var tooLong = HostileFiles.Xlsx(HeaderRowWithText("<![CDATA[" + new string('x', 40_000) + "]]>") + "</t></is></c></row>");
        var refused = Assert.Throws<SpreadsheetRefusedException>(() => XlsxReader.ReadFirstSheet(new MemoryStream(tooLong)));
        Assert.Contains("第 2 行", refused.Reason.Zh);
        Assert.Contains("32767", refused.Reason.En);
    }

    [Fact]
    public void An_upload_stream_longer_than_the_limit_is_refused_by_both_readers()
    {
        var limits = new SpreadsheetLimits { MaxFileBytes = 1024 * 1024 };
        var upload = () => new GeneratedCsvStream(10L * 1024 * 1024, "楼栋,房号\n", "1栋,1202\n");

        var csv = Assert.Throws<SpreadsheetRefusedException>(() => CsvSheetReader.Read(upload(), limits));
        var xlsx = Assert.Throws<SpreadsheetRefusedException>(() => XlsxReader.ReadFirstSheet(upload(), limits));

        Assert.All([csv, xlsx], e => Assert.Contains("超过 1 MB", e.Reason.Zh));
        Assert.All([csv, xlsx], e => Assert.Contains("larger than 1 MB", e.Reason.En));
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8bom")]
    [InlineData("gbk")]
    public void Csv_is_read_in_utf8_with_or_without_bom_and_in_gbk(string encoding)
    {
        const string text = "楼栋,房号,业主姓名\r\n1栋,\"12,02\",张伟\r\n\r\n2栋,301,李娜\r\n\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = encoding switch
        {
            "utf8" => new UTF8Encoding(false).GetBytes(text),
            "utf8bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.GetEncoding("GBK").GetBytes(text),
        };

        var rows = CsvSheetReader.Read(new MemoryStream(bytes));

        Assert.Equal(4, rows.Count);
        Assert.Equal(["楼栋", "房号", "业主姓名"], rows[0]);
        Assert.Equal(["1栋", "12,02", "张伟"], rows[1]);
        Assert.Empty(rows[2]);
        Assert.Equal(["2栋", "301", "李娜"], rows[3]);
    }

    [Theory]
    [InlineData("0.00", false)]
    [InlineData("#,##0\"元\"", false)]
    [InlineData("@", false)]
    [InlineData("General", false)]
    [InlineData("yyyy/m/d", true)]
    [InlineData("[$-804]yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("h:mm", true)]
    public void Custom_date_formats_are_recognised(string code, bool isDate) =>
        Assert.Equal(isDate, XlsxDateStyles.IsDateFormatCode(code));

    private static byte[] HandMadeWorkbook()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("楼栋")),
                new SharedStringItem(new Run(new Text("张")), new Run(new Text("伟")), new PhoneticRun(new Text("zhang wei")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 }));
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 176U, FormatCode = "yyyy/m/d" }) { Count = 1U },
                new Fonts(new Font()) { Count = 1U },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1U },
                new Borders(new Border()) { Count = 1U },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0U },
                    new CellFormat { NumberFormatId = 14U, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 176U, ApplyNumberFormat = true })
                { Count = 3U });
            var ws = wb.AddNewPart<WorksheetPart>();
            ws.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    new Cell { CellReference = "B1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("inline")) },
                    new Cell { CellReference = "C1", CellValue = new CellValue("89.499999999999986") })
                { RowIndex = 1U },
                new Row(
                    new Cell { CellReference = "D3", StyleIndex = 1U, CellValue = new CellValue("43831") },
                    new Cell { CellReference = "E3", StyleIndex = 2U, CellValue = new CellValue("44270") },
                    new Cell { CellReference = "F3", CellValue = new CellValue("13800138000") },
                    new Cell { CellReference = "G3", DataType = CellValues.SharedString, CellValue = new CellValue("1") })
                { RowIndex = 3U }));
            // A second sheet listed after the first: only the first tab is read.
            var other = wb.AddNewPart<WorksheetPart>();
            other.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("other")) })));
            wb.Workbook.AppendChild(new Sheets(
                new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1U, Name = "数据" },
                new Sheet { Id = wb.GetIdOfPart(other), SheetId = 2U, Name = "说明" }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }
}
