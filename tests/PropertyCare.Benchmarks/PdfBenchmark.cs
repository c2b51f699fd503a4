using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PropertyCare.Infrastructure.Pdf;

/// <summary>Milliseconds to print with the warm Chromium: a one-page form, and a 20-page report (a long
/// table whose header repeats on every page).</summary>
internal static class PdfBenchmark
{
    public static async Task RunAsync()
    {
        await using var pdf = new PdfRenderer(new ConfigurationBuilder().Build(), NullLogger<PdfRenderer>.Instance);
        if (!pdf.IsAvailable) { Console.WriteLine("pdf: Chromium not found, skipped"); return; }
        var setup = new PdfPageSetup("蓉城物业服务有限公司", "翠湖花园", "基准");
        var form = Document(Rows(12));
        var report = Document(Rows(655));
        var sw = Stopwatch.StartNew();
        var first = await pdf.RenderAsync(form, setup);
        Console.WriteLine($"pdf: cold start + first form {sw.ElapsedMilliseconds} ms ({first.Length / 1024} KiB)");
        // Returned: the pages of the PDF, so a report that came out as one page cannot pass as a 20-page figure.
        Console.WriteLine(Timing.Header + " (pages)");
        await Timing.MeasureAsync("pdf: one-page form (warm)", 30, async () => Pages(await pdf.RenderAsync(form, setup)), Timing.Exactly(1), "one page");
        await Timing.MeasureAsync("pdf: 20-page report (warm)", 5, async () => Pages(await pdf.RenderAsync(report, setup)), Timing.AtLeast(18), "about 20 pages");
    }

    /// <summary>Page objects in the PDF ("/Type /Page" but not the "/Type /Pages" tree nodes).</summary>
    private static int Pages(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        return text.Split("/Type /Page").Length - text.Split("/Type /Pages").Length;
    }

    private static string Rows(int n) => string.Concat(Enumerable.Range(1, n).Select(i =>
        $"<tr><td>{i}</td><td>3栋-2单元-{1200 + i % 99}</td><td>王芳</td><td>水电</td><td>卫生间漏水，已更换阀门</td><td>满意</td></tr>"));

    private static string Document(string rows) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:10pt}" +
        "table{width:100%;border-collapse:collapse}td,th{border:1px solid #000;padding:1mm}thead{display:table-header-group}</style></head><body>" +
        "<h1>回访日报表</h1><table><thead><tr><th>序号</th><th>房屋</th><th>客服</th><th>类别</th><th>内容</th><th>满意度</th></tr></thead><tbody>" +
        rows + "</tbody></table></body></html>";
}
