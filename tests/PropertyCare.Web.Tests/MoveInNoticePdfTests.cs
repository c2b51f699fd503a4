using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>入伙通知书 printed by the real Chromium, read back with pdftotext and pdfinfo: one A4 page in Chinese with the
/// owner, the unit, the slot, every document to bring, and fees left to the desk (no invented figures).</summary>
[Collection("web")]
public sealed class MoveInNoticePdfTests(WebAppFixture app)
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
    public async Task The_notice_prints_the_owner_unit_slot_and_documents_on_one_a4_page()
    {
        var notice = new MoveInNotice(7, "蓉城物业服务有限公司", "翠湖花园", "一期交房（第一批）", "成都翠湖置业有限公司", "3栋-2单元-1502", "李秀英",
            new DateOnly(2026, 11, 26), new TimeOnly(9, 0), new TimeOnly(11, 30), AppointmentStatus.Booked, [.. MoveInProcedure.DefaultDocuments],
            new DateOnly(2026, 11, 23));
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<MoveInNoticeSheet>(
            new Dictionary<string, object?> { ["Notice"] = notice }, new PdfPageSetup(notice.CompanyName, notice.ProjectName, "入伙通知书"));
        var file = Path.Combine(Path.GetTempPath(), $"pc-notice-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        string text, info;
        try { (text, info) = (Run("pdftotext", $"-layout {file} -"), Run("pdfinfo", file)); }
        finally { File.Delete(file); }

        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Contains("595.", info); // A4 portrait width in points
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("入伙通知书", flat);
        Assert.Contains("尊敬的李秀英业主", flat);
        Assert.Contains("3栋-2单元-1502", flat);
        Assert.Contains("2026-11-26（星期四）09:00–11:30", flat);
        Assert.Contains("成都翠湖置业有限公司", flat);
        foreach (var (name, _) in MoveInProcedure.DefaultDocuments) Assert.Contains(name, flat);
        Assert.Contains("委托书及受托人身份证件（代办时）如适用", flat);
        Assert.Contains("费用由客服中心现场说明", flat);
        Assert.DoesNotMatch(@"\d\s*元|¥", flat); // no amounts: the model has no fee schedule
        Assert.Contains("2026年11月23日", flat);
    }
}
