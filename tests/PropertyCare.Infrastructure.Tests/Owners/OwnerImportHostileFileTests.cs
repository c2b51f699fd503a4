using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Owners.Import;
using PropertyCare.Infrastructure.Tests.Spreadsheets;
using PropertyCare.Infrastructure.Tests.Support;
using static PropertyCare.Infrastructure.Tests.Spreadsheets.HostileFiles;

namespace PropertyCare.Infrastructure.Tests.Owners;

/// <summary>The attack of issue 9, finding 3: a manager uploads a small file built to make the server allocate
/// gigabytes. Each file is refused with a bilingual file error, like any other unreadable file, and the refusal
/// itself allocates less than 50 MB.</summary>
[Collection(HostileFileCollection.Name)]
public class OwnerImportHostileFileTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Allocations are an upper bound of how much the process's memory can grow because of the call.</summary>
    private const long MemoryBudget = 50L * 1024 * 1024;
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private OwnerImportService Service()
    {
        var tenant = _db.Tenant(_db.A1, Roles.ProjectManager);
        return new OwnerImportService(_db.Factory(tenant), tenant);
    }

    /// <summary>Counts what the current thread allocates during the call. A refusal does no I/O that could
    /// yield (the upload is in memory and nothing reaches the database), and the task is checked to be complete
    /// on return, so no part of the work ran on another thread unseen.</summary>
    private async Task<ImportPreview> PreviewMeasured(Stream file, string fileName)
    {
        var service = Service();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = service.PreviewAsync(file, fileName, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(task.IsCompleted, "the refusal ran on this thread, so the measurement saw all of it");
        output.WriteLine($"{fileName}: {file.Length / 1024.0:F1} KB uploaded, {allocated / 1024.0 / 1024:F1} MB allocated while refusing");
        Assert.True(allocated < MemoryBudget, $"refusing the file allocated {allocated / 1024 / 1024} MB");
        return await task;
    }

    private Task<ImportPreview> PreviewMeasured(byte[] file, string fileName = "业主.xlsx") =>
        PreviewMeasured(new MemoryStream(file), fileName);

    private static void AssertRefused(ImportPreview preview, string zh, string en)
    {
        var error = Assert.Single(preview.FileErrors);
        Assert.Contains(zh, error.Zh);
        Assert.Contains(en, error.En);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task The_1_6_KB_xlsx_with_a_row_numbered_250000000_is_refused_without_filling_rows()
    {
        var file = Xlsx(HeaderRow + """<row r="250000000"><c r="A250000000" t="inlineStr"><is><t>1栋</t></is></c></row>""");
        Assert.InRange(file.Length, 1000, 2000); // the size of the file in the report

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "250000000", "250000000");
        AssertRefused(preview, "行号无效", "invalid");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("2147483649")] // above 2^31: an int cast makes it negative
    [InlineData("4294967297")] // above 2^32: does not even fit the uint the schema declares
    [InlineData("1e3")]
    public async Task A_row_number_that_is_negative_zero_or_above_int_range_is_refused(string rowNumber)
    {
        var file = Xlsx(HeaderRow + $"""<row r="{rowNumber}"><c t="inlineStr"><is><t>1栋</t></is></c></row>""");

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "行号无效", "invalid");
    }

    [Fact]
    public async Task Data_below_the_5001st_row_is_refused_by_its_row_number_not_by_counting()
    {
        var file = Xlsx(HeaderRow + """<row r="2"><c r="A2" t="inlineStr"><is><t>1栋</t></is></c></row><row r="1000000"><c r="A1000000" t="inlineStr"><is><t>1栋</t></is></c></row>""");

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "超过 5000 行", "More than 5000 data rows");
    }

    [Fact]
    public async Task A_cell_in_column_XFD_is_refused_without_padding_the_row()
    {
        // 5,000 rows each with one cell in the last column: the old reader padded every row to 16,384 cells.
        var file = Xlsx(w =>
        {
            w.Write(HeaderRow);
            for (var r = 2; r <= 5001; r++) w.Write($"""<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>""");
        });

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "XFD", "XFD");
        AssertRefused(preview, "100 列", "100 columns");
    }

    [Fact]
    public async Task A_row_of_thousands_of_cells_without_references_is_refused()
    {
        var file = Xlsx(w =>
        {
            w.Write(HeaderRow + """<row r="2">""");
            Repeat(w, """<c t="inlineStr"><is><t>x</t></is></c>""", 16384);
            w.Write("</row>");
        });

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "100 列", "100 columns");
    }

    [Fact]
    public async Task A_zip_bomb_in_the_sheet_is_refused_before_it_is_parsed()
    {
        // ~500 MB of empty rows deflate to well under 1 MB.
        var chunk = string.Concat(Enumerable.Repeat("<row/>", 10_000));
        var file = Xlsx(w => { w.Write(HeaderRow); Repeat(w, chunk, 8_400); }, level: CompressionLevel.SmallestSize);
        Assert.InRange(file.Length, 1, 2 * 1024 * 1024);

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "解压", "unpacked");
    }

    [Fact]
    public async Task A_zip_bomb_in_the_shared_strings_is_refused()
    {
        var chunk = string.Concat(Enumerable.Repeat("<si><t>x</t></si>", 4_000));
        var file = Xlsx(w => w.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""), w => Repeat(w, chunk, 5_000), CompressionLevel.SmallestSize);
        Assert.InRange(file.Length, 1, 2 * 1024 * 1024);

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "解压", "unpacked");
    }

    [Fact]
    public async Task A_huge_shared_string_table_is_refused()
    {
        // 300,000 distinct entries (so the zip's ratio check does not catch it first): ~8 MB unpacked, each
        // entry a string on the server.
        var file = Xlsx(w => w.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
            w => { for (var i = 0; i < 300_000; i++) w.Write($"<si><t>{i * 7919L:x}</t></si>"); });

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "共享字符串", "shared string");
    }

    [Fact]
    public async Task Shared_strings_with_too_many_characters_are_refused()
    {
        // 200 entries of 30,000 random letters: 6 million characters, within every other limit.
        var random = new Random(9);
        var file = Xlsx(w => w.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
            w =>
            {
                for (var i = 0; i < 200; i++)
                    w.Write($"<si><t>{new string(Enumerable.Range(0, 30_000).Select(_ => (char)('a' + random.Next(26))).ToArray())}</t></si>");
            });

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "共享字符串", "shared string");
    }

    [Fact]
    public async Task A_single_huge_attribute_is_refused()
    {
        // One start tag of 20 MB: an XML parser would have to hold it whole.
        var file = Xlsx(w => { w.Write(HeaderRow + """<row r="2" x="""); Repeat(w, new string('a', 1000), 20_000); w.Write("\"/>"); });

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "异常长", "abnormally long");
    }

    [Fact]
    public async Task A_zip_claiming_2_to_the_40_entries_is_refused_as_unreadable_without_trusting_the_claim()
    {
        var file = Zip64Lies.ClaimEntries(Xlsx(HeaderRow + """<row r="2"><c r="A2" t="inlineStr"><is><t>1栋</t></is></c></row>"""), 1UL << 40);

        var preview = await PreviewMeasured(file);

        AssertRefused(preview, "无法读取文件", "cannot be read");
    }

    [Fact]
    public async Task A_50_MB_csv_is_refused_after_reading_no_more_than_the_limit()
    {
        var upload = new GeneratedCsvStream(50L * 1024 * 1024, "楼栋,房号\n", "1栋,1202\n");

        var preview = await PreviewMeasured(upload, "业主.csv");

        AssertRefused(preview, "超过 5 MB", "larger than 5 MB");
        Assert.InRange(upload.Position, 1, 6 * 1024 * 1024);
    }

    [Fact]
    public async Task A_csv_with_one_giant_field_is_refused()
    {
        var csv = "楼栋,房号\n1栋,\"" + new string('x', 4 * 1024 * 1024) + "\"\n";

        var preview = await PreviewMeasured(Encoding.UTF8.GetBytes(csv), "业主.csv");

        AssertRefused(preview, "过长", "too long");
    }

    [Fact]
    public async Task A_csv_field_longer_than_an_excel_cell_is_refused()
    {
        var csv = "楼栋,房号\n1栋," + new string('x', 40_000) + "\n";

        var preview = await PreviewMeasured(Encoding.UTF8.GetBytes(csv), "业主.csv");

        AssertRefused(preview, "32767", "32767");
    }

    [Fact]
    public async Task A_csv_row_of_thousands_of_fields_is_refused()
    {
        var csv = "楼栋,房号\n" + string.Join(',', Enumerable.Repeat("x", 5000)) + "\n";

        var preview = await PreviewMeasured(Encoding.UTF8.GetBytes(csv), "业主.csv");

        AssertRefused(preview, "100 列", "100 columns");
    }

    [Fact]
    public async Task A_csv_of_blank_lines_with_data_far_below_is_refused_by_its_row_number()
    {
        var csv = "楼栋,房号\n" + new string('\n', 1_000_000) + "1栋,1202\n";

        var preview = await PreviewMeasured(Encoding.UTF8.GetBytes(csv), "业主.csv");

        AssertRefused(preview, "超过 5000 行", "More than 5000 data rows");
    }
}

/// <summary>Run alone, after the parallel tests: building the bombs takes seconds of CPU that would slow the
/// timing-sensitive scheduler tests, and nothing else allocates on the thread while a refusal is measured.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileFileCollection
{
    public const string Name = "hostile files";
}
