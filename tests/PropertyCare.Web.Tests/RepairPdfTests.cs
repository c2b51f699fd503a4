using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>The work order (维修派工单) and the daily callback report (回访日报表) printed by the real Chromium,
/// checked with pdfinfo and pdftotext.</summary>
[Collection("web")]
public sealed class RepairPdfTests(WebAppFixture app)
{
    private const string Company = "蓉城物业服务有限公司";
    private const string Project = "翠湖花园";
    private const string Tech = "tech-1";

    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    /// <summary>Prints the component, returns pdftotext's text and pdfinfo's report.</summary>
    private async Task<(string Text, string Info)> PrintAsync<TComponent>(string parameter, object value, PdfPageSetup setup)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<TComponent>(
            new Dictionary<string, object?> { [parameter] = value }, setup);
        var file = Path.Combine(Path.GetTempPath(), $"pc-repair-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try { return (Run("pdftotext", $"-layout {file} -"), Run("pdfinfo", file)); }
        finally { File.Delete(file); }
    }

    private static DateTime Utc(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static RepairDetail Detail(RepairOrder order, LinkedOrder? reworkOf = null) => new(order, "3栋2单元1502", "13800138000", false,
        Project, Company, [], [], reworkOf, [], "Asia/Shanghai");

    private static RepairOrder Registered(string number) => RepairOrder.Register(number,
        new RepairIntake(1, null, "水电", "厨房水龙头漏水，需要更换阀芯", RepairUrgency.Urgent, RepairChannel.Phone,
            PreferredTime: "周六上午", ContactName: "李秀英", ContactPhone: "13800138000"),
        ownerId: 1, receivedAt: Utc(10, 1, 5), dueAt: Utc(11, 1, 5), "desk-1", "客服 小陈");

    [Fact]
    public async Task The_completed_work_order_prints_in_chinese_on_one_a4_page()
    {
        var order = Registered("BX-20260310-0007");
        order.Dispatch(Tech, "王建国", Utc(10, 1, 30));
        order.Accept(Tech);
        order.Arrive(Tech, Utc(10, 2, 40));
        order.Complete(Tech, Utc(10, 3, 15), "更换厨房水龙头阀芯，试水无渗漏", "陶瓷阀芯 1 个", FeeKind.Paid, 35m);

        var (text, info) = await PrintAsync<WorkOrderSheet>("Detail", Detail(order), new PdfPageSetup(Company, Project, "维修派工单"));

        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Contains("595.", info); // A4 portrait width in points
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("维修派工单", flat);
        Assert.Contains("BX-20260310-0007", text);
        Assert.Contains("厨房水龙头漏水，需要更换阀芯", flat);
        Assert.Contains("王建国", text);
        Assert.Contains("3栋2单元1502", text);
        Assert.Contains("李秀英", text);
        Assert.Contains("13800138000", text);
        // UTC shown in Asia/Shanghai: received 01:05Z → 09:05, arrived 02:40Z → 10:40, completed 03:15Z → 11:15.
        Assert.Contains("2026-03-1009:05", flat);
        Assert.Contains("2026-03-1010:40", flat);
        Assert.Contains("2026-03-1011:15", flat);
        Assert.Contains("更换厨房水龙头阀芯，试水无渗漏", flat);
        Assert.Contains("陶瓷阀芯1个", flat);
        Assert.Contains("□免费■有偿□保修", flat);
        Assert.Contains("35.00", text);
        foreach (var level in new[] { "□非常满意", "□满意", "□一般", "□不太满意", "□很不满意" }) Assert.Contains(level, flat);
        Assert.Contains("技工签字", flat);
        Assert.Contains("业主签字确认", flat);
        Assert.DoesNotContain("返工单", flat);
        Assert.Contains(Company, text);
        Assert.Contains("第1页/共1页", flat);
    }

    [Fact]
    public async Task A_dispatched_rework_order_names_its_original_and_leaves_the_work_part_blank()
    {
        var order = Registered("BX-20260312-0003");
        order.Dispatch(Tech, "王建国", Utc(12, 2, 0));

        var (text, info) = await PrintAsync<WorkOrderSheet>("Detail",
            Detail(order, new LinkedOrder(41, "BX-20260310-0007", RepairStatus.Rework)), new PdfPageSetup(Company, Project, "维修派工单"));

        Assert.Matches(@"Pages:\s+1\b", info);
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("返工单，原工单号BX-20260310-0007", flat);
        Assert.Contains("BX-20260312-0003", text);
        Assert.Contains("□免费□有偿□保修", flat); // nothing ticked: the technician ticks by hand
        Assert.DoesNotContain("■", flat);
        Assert.Contains("2026-03-1210:00", flat); // 派工时间 in Asia/Shanghai
    }

    private static DailyCallbackReport TwoRows()
    {
        DailyCallbackRow[] rows =
        [
            new("张伟", 7, 5, 4, 3, 1, 0, 4, 0, 3, 1, 2, 1, 1, 0, 0),
            new("刘德明", 6, 4, 3, 2, 0, 1, 2, 1, 3, 0, 1, 1, 0, 1, 0),
        ];
        return new DailyCallbackReport(Company, Project, new DateOnly(2026, 3, 12), 9, 7, CallbackRules.Rate(7, 9), rows,
            DailyCallbackRow.Sum("合计", rows), [new CallerRow("客服 小陈", 11, 7, 3, 1)], "客服 小陈", new DateTime(2026, 3, 12, 18, 30, 0));
    }

    /// <summary>The numbers on the line of the PDF that starts with <paramref name="name"/>.</summary>
    private static string[] Line(string text, string name)
    {
        var line = text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(name, StringComparison.Ordinal));
        return Regex.Split(line[name.Length..].Trim(), @"\s+");
    }

    private static string[] Numbers(DailyCallbackRow r) => new[] { r.Dispatched, r.Completed, r.CalledBack, r.AttitudeGood, r.AttitudeFair,
        r.AttitudePoor, r.Cleaned, r.NotCleaned, r.FeeCorrect, r.FeeWrong, r.VerySatisfied, r.Satisfied, r.Neutral, r.Dissatisfied, r.VeryDissatisfied }
        .Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_daily_callback_report_prints_each_technician_and_the_totals_on_one_page(bool landscape)
    {
        var report = TwoRows();
        var (text, info) = await PrintAsync<DailyCallbackReportSheet>("Report", report,
            new PdfPageSetup(Company, Project, "回访日报表", Landscape: landscape));

        Assert.Matches(@"Pages:\s+1\b", info);
        var size = Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        var (w, h) = (double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture));
        // A4 is 595 × 842 pt; Chromium writes 595.92 × 842.88, turned round for landscape.
        Assert.InRange(landscape ? h : w, 594, 597);
        Assert.InRange(landscape ? w : h, 841, 844);
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("回访日报表", flat);
        Assert.Contains("2026-03-12", text);
        Assert.Contains("当日应回访：9", flat);
        Assert.Contains("已回访：7", flat);
        Assert.Contains("回访率：77.8%", flat);
        foreach (var row in report.Rows) Assert.Equal(Numbers(row), Line(text, row.Name));
        Assert.Equal(Numbers(report.Total), Line(text, "合计"));
        Assert.Equal(["13", "9", "7", "5", "1", "1", "6", "1", "6", "1", "3", "2", "1", "1", "0"], Numbers(report.Total));
        Assert.Contains("客服小陈11731", flat);
        Assert.Contains("制表人：客服小陈", flat);
        Assert.Contains("制表日期：2026-03-1218:30", flat);
        Assert.DoesNotContain("当日无数据", flat);
    }

    [Fact]
    public async Task An_empty_daily_report_says_there_is_no_data()
    {
        var report = new DailyCallbackReport(Company, Project, new DateOnly(2026, 3, 13), 0, 0, CallbackRules.Rate(0, 0), [],
            DailyCallbackRow.Sum("合计", []), [], "客服 小陈", new DateTime(2026, 3, 13, 18, 0, 0));
        var (text, info) = await PrintAsync<DailyCallbackReportSheet>("Report", report,
            new PdfPageSetup(Company, Project, "回访日报表", Landscape: true));

        Assert.Matches(@"Pages:\s+1\b", info);
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("回访日报表", flat);
        Assert.Contains("当日无数据", flat);
        Assert.DoesNotContain("合计", flat);
    }
}
