using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>装修许可证 and 装修出入证 printed by the real Chromium and read back with pdftotext: number, unit, owner,
/// contractor, scope, period, conditions, hours with the rest-day rule, the deposit; one pass per worker, ID masked.</summary>
[Collection("web")]
public sealed class RenovationPermitPdfTests(WebAppFixture app)
{
    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    private async Task<(string Flat, string Info)> PrintAsync<TComponent>(PermitPrint permit, string title) where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<TComponent>(new Dictionary<string, object?> { ["Permit"] = permit },
            new PdfPageSetup("蓉城物业服务有限公司", "翠湖花园", title));
        var file = Path.Combine(Path.GetTempPath(), $"pc-permit-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try { return (Regex.Replace(Run("pdftotext", $"-layout {file} -"), @"\s+", ""), Run("pdfinfo", file)); }
        finally { File.Delete(file); }
    }

    private static PermitPrint Permit(bool restRule = true) => new("蓉城物业服务有限公司", "翠湖花园", "XK-20261123-0007", "ZX-20261123-0007", "3栋-2单元-1502", "李秀英",
        "成都鑫家装饰工程有限公司", "91510100MA6C1X2Y3Z", "王建国", "139****5678",
        [new ScopeLine { Name = "墙面涂刷/贴砖" }, new ScopeLine { Name = "水电改造", NeedsReview = true }],
        new DateOnly(2026, 11, 26), new DateOnly(2027, 1, 24), "水电改造须隐蔽验收后封闭", "08:00–12:00、14:00–18:00", restRule, 3000m,
        [("装修垃圾清运费", 268.5m)], new DateTime(2026, 11, 25, 14, 0, 0),
        [new WorkerView(1, "赵大勇", "5101**********1234", "137****1111", "泥瓦工", false, 0), new WorkerView(2, "孙小明", "5101**********567X", "138****2222", "电工", false, 0)]);

    [Fact]
    public async Task The_permit_prints_number_unit_owner_contractor_scope_period_conditions_hours_and_deposit()
    {
        var (flat, info) = await PrintAsync<RenovationPermitSheet>(Permit(), "装修许可证");
        Assert.Matches(@"Pages:\s+1\b", info);
        foreach (var s in new[] { "装修许可证", "XK-20261123-0007", "3栋-2单元-1502", "李秀英", "成都鑫家装饰工程有限公司", "王建国139****5678", "墙面涂刷/贴砖、水电改造",
                     "2026-11-26至2027-01-24", "水电改造须隐蔽验收后封闭", "工作日08:00–12:00、14:00–18:00", "休息日及法定节假日禁止", "¥3,000.00", "装修垃圾清运费¥268.50" })
            Assert.Contains(s, flat);
        Assert.DoesNotContain("13912345678", flat);
        var (withoutRule, _) = await PrintAsync<RenovationPermitSheet>(Permit(restRule: false), "装修许可证");
        Assert.DoesNotContain("休息日及法定节假日禁止", withoutRule);
    }

    [Fact]
    public async Task The_passes_print_one_per_worker_with_the_id_masked()
    {
        var (flat, _) = await PrintAsync<RenovationPassesSheet>(Permit(), "装修出入证");
        Assert.Equal(2, Regex.Matches(flat, "姓名：").Count); // one pass each
        Assert.Contains("姓名：赵大勇", flat);
        Assert.Contains("身份证号：5101**********1234", flat);
        Assert.Contains("姓名：孙小明", flat);
        Assert.Contains("有效期：2026-11-26至2027-01-24", flat);
        Assert.Contains("许可证：XK-20261123-0007", flat);
    }
}
