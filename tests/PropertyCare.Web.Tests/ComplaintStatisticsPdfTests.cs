using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>客户投诉统计表 printed by the real Chromium and read back with pdftotext: the period, each figure with its value
/// and definition, the breakdowns, the signature line — on one A4 page.</summary>
[Collection("web")]
public sealed class ComplaintStatisticsPdfTests(WebAppFixture app)
{
    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    private static List<ComplaintCount> Rows(params (string Zh, int N)[] rows) => rows.Select(r => new ComplaintCount(new Text(r.Zh, r.Zh), r.N)).ToList();

    [Fact]
    public async Task The_sheet_prints_the_period_figures_definitions_and_breakdowns()
    {
        // The November fixture of the infrastructure tests, as counted there.
        var stats = new ComplaintStatistics("翠湖花园", new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 11),
            new ComplaintFigures(Received: 10, Complaints: 7, ValidComplaints: 3, Handled: 5, HandledOnTime: 4, CallbackDue: 5, CalledBack: 3,
                Satisfied: 1, Repeats: 2, Dispatched: 6, Redispatched: 1, Praise: 1),
            Rows(("投诉", 7), ("咨询", 1), ("建议", 1), ("举报", 0), ("表扬", 1)),
            Rows(("维修服务", 3), ("保洁卫生", 1), ("设施设备", 1)),
            Rows(("工程部", 3), ("未派单", 3)),
            Rows(("有效投诉", 3), ("待改进投诉", 1), ("无效投诉", 1), ("未定性", 2)),
            Rows(("待分派", 2), ("已关闭", 4)),
            Rows(("来电", 6), ("网站/业主端", 1)));
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<ComplaintStatisticsSheet>(
            new Dictionary<string, object?> { ["Stats"] = stats }, new PdfPageSetup("", stats.ProjectName, "客户投诉统计表"));
        var file = Path.Combine(Path.GetTempPath(), $"pc-complaint-stats-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        string text, info;
        try { (text, info) = (Run("pdftotext", $"-layout {file} -"), Run("pdfinfo", file)); }
        finally { File.Delete(file); }

        Assert.True(Regex.IsMatch(info, @"Pages:\s+1\b"), info);
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("客户投诉统计表", flat);
        Assert.Contains("项目：翠湖花园", flat);
        Assert.Contains("2026年11月（2026-11-01至2026-11-30）", flat);
        Assert.Contains("投诉处理及时率80.0%（4/5）", flat);
        Assert.Contains("投诉解决满意率33.3%（1/3）", flat);
        Assert.Contains("重复投诉率28.6%（2/7）", flat);
        Assert.Contains("重派率16.7%（1/6）", flat);
        Assert.Contains("有效投诉次数3", flat);
        Assert.Contains(Regex.Replace(ComplaintFigures.SatisfactionDef.Definition.Zh, @"\s+", ""), flat);
        Assert.Contains("按类别", flat);
        Assert.Contains("维修服务3", flat);
        Assert.Contains("未定性2", flat);
        Assert.Contains("审核：", flat);
    }
}
