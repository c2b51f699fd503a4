using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Kpis;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>Issue 15 Part C: a monthly report snapshot printed by the real Chromium and read back with pdftotext — the
/// title, the report's lines, the KPIs with weight and definition, the score and its band, the projects.</summary>
[Collection("web")]
public sealed class QualityReportPdfTests(WebAppFixture app)
{
    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    [Fact]
    public async Task The_monthly_snapshot_prints_its_figures_kpis_score_and_projects()
    {
        // Project A's November of the infrastructure fixture (KpiWorld), as counted there.
        var figures = new PeriodFigures
        {
            OrdersReceived = 5, OrdersCompleted = 3, OrdersClosed = 1, FeedbackMeasured = 4, FeedbackOnTime = 2, CallbacksDue = 3, CallbacksDone = 2,
            SatisfactionCounts = [0, 1, 0, 1, 0], Unsatisfied = 1, AuditsRecorded = 3, AuditsUntrue = 1, Owners = 3, OwnersComplete = 1, PhonesFlaggedWrong = 1, Units = 3,
            SurveyScored = 5, SurveySatisfied = 3,
            Complaints = new ComplaintFigures(3, 2, 2, 2, 2, 2, 2, 1, 2, 2, 1, 0),
            ComplaintsByKind = new() { [ComplaintKind.Complaint] = 2, [ComplaintKind.Consultation] = 1 },
            ComplaintsByStatus = new() { [ComplaintStatus.Closed] = 2, [ComplaintStatus.Dispatched] = 1 },
        };
        var weights = KpiWeightSet.Defaults();
        var content = new QualityReportContent("全公司 月报表 2026-11-01 至 2026-11-30", figures,
            figures.Measures().Select(m => new SnapshotKpi(m.Kind, m.Part, m.Whole, weights[m.Kind])).ToList(), figures.Score(weights),
            [new SnapshotProject(1, "翠湖花园", figures, figures.Score(weights))]);
        var view = new QualityReportView(new QualityReportRow(7, null, null, ReportKind.Monthly, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
            new DateTime(2026, 12, 1, 0, 0, 5)), QualityReportContent.Parse(content.Serialize()));
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<QualityReportSheet>(
            new Dictionary<string, object?> { ["View"] = view }, new PdfPageSetup("", "全公司", "品质月报表"));
        var file = Path.Combine(Path.GetTempPath(), $"pc-quality-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        string text;
        try { text = Run("pdftotext", $"-layout {file} -"); }
        finally { File.Delete(file); }

        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("全公司月报表2026-11-01至2026-11-30", flat);
        Assert.Contains("得分：44.7（不合格（75分以下））", flat);
        Assert.Contains("报修受理5", flat);
        Assert.Contains("回访率66.7%（2/3）", flat);
        Assert.Contains("满意50.0%（1/2）", flat);
        Assert.Contains("不满意已解决0/1", flat);
        Assert.Contains("总部抽访（其中不实）3（1）", flat);
        Assert.Contains("号码待核实（数据错误）1", flat);
        Assert.Contains("状态：已关闭2", flat);
        Assert.Contains("反馈及时率50.0%（2/4）11", flat);
        Assert.Contains("有效投诉次数666.67/千户（2/3）6", flat);
        Assert.Contains(Regex.Replace(KpiDefinitions.For(KpiKind.DataCompleteness).Definition.Zh, @"\s+", ""), flat);
        Assert.Contains("翠湖花园5", flat);
    }
}
