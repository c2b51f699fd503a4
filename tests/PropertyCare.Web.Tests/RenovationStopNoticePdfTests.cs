using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>停工通知 printed by the real Chromium and read back with pdftotext: one A4 page with the unit, owner, contractor,
/// the violation and its deadline, the photo count and the allowed working hours.</summary>
[Collection("web")]
public sealed class RenovationStopNoticePdfTests(WebAppFixture app)
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
    public async Task The_notice_prints_the_unit_parties_violation_deadline_photos_and_hours()
    {
        var notice = new StopNotice("翠湖花园", "ZX-20261120-0003", "3栋-2单元-1502", "李秀英", "好家装饰有限公司", "王师傅", "13900139000", "XK-0003",
            new DateTime(2026, 11, 25, 16, 30, 0), "电梯保护未整改", "公共区域保护", "电梯轿厢未铺保护板", new DateOnly(2026, 11, 24), 2,
            WorkingHoursRule.Describe(RenovationSettings.Defaults(1)));
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<StopWorkNoticeSheet>(
            new Dictionary<string, object?> { ["Notice"] = notice }, new PdfPageSetup("", notice.ProjectName, "停工通知"));
        var file = Path.Combine(Path.GetTempPath(), $"pc-stop-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        string text, info;
        try { (text, info) = (Run("pdftotext", $"-layout {file} -"), Run("pdfinfo", file)); }
        finally { File.Delete(file); }

        Assert.Matches(@"Pages:\s+1\b", info);
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("停工通知", flat);
        Assert.Contains("3栋-2单元-1502", flat);
        Assert.Contains("李秀英", flat);
        Assert.Contains("好家装饰有限公司（负责人王师傅）", flat);
        Assert.Contains("公共区域保护", flat);
        Assert.Contains("电梯轿厢未铺保护板", flat);
        Assert.Contains("整改期限2026-11-24", flat);
        Assert.Contains("2张", flat);
        Assert.Contains("每日08:00–12:00、14:00–18:00；休息日及法定节假日禁止噪音施工", flat);
        Assert.Contains("2026年11月25日16:30起停止施工", flat);
    }
}
