using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>交付验收单, 钥匙交接单 and 入伙手续办理单 printed by the real Chromium and read back with pdftotext: the unit, the
/// owner with a masked phone, the defects with their repair numbers, the meters and the keys appear.</summary>
[Collection("web")]
public sealed class MoveInPdfTests(WebAppFixture app)
{
    private const string Company = "蓉城物业服务有限公司";
    private const string Project = "翠湖花园";

    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    private async Task<(string Flat, string Info, string Images)> PrintAsync<TComponent>(Dictionary<string, object?> parameters, string title)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<TComponent>(parameters, new PdfPageSetup(Company, Project, title));
        var file = Path.Combine(Path.GetTempPath(), $"pc-movein-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try { return (Regex.Replace(Run("pdftotext", $"-layout {file} -"), @"\s+", ""), Run("pdfinfo", file), Run("pdfimages", $"-list {file}")); }
        finally { File.Delete(file); }
    }

    private static DeliveryInspectionDetail Inspection()
    {
        var i = DeliveryInspection.Start(1, 2, 3, null, DeliveryInspection.DefaultRooms, DeliveryInspection.DefaultItems);
        foreach (var l in i.Lines) i.Record(l.Room, l.Item, CheckResult.Passed, null);
        i.Record("客厅", "墙面", CheckResult.Failed, "东墙裂缝约30cm");
        i.Record("卫生间", "给排水", CheckResult.Failed, "地漏排水缓慢");
        i.Record("阳台", "燃气", CheckResult.NotApplicable, null);
        i.ReadMeters(new MeterReadings(12.5m, 308m, null));
        i.Sign(SignatureKind.Tablet, 9);
        i.Complete(new DateTime(2026, 11, 28, 2, 30, 0, DateTimeKind.Utc));
        DeliveryDefectView[] defects =
        [
            new("客厅", "墙面", "东墙裂缝约30cm", 41, "BX-20261128-0001", RepairStatus.Registered),
            new("卫生间", "给排水", "地漏排水缓慢", 42, "BX-20261128-0002", RepairStatus.Dispatched),
        ];
        return new DeliveryInspectionDetail(7, 1, "一期交付", 2, "3栋-2单元-1502", 3, "李秀英", "138****8000", null, i.Status, i.Lines, defects, i.Meters,
            null, SignatureKind.Tablet, 9, [], i.CompletedAt, 5);
    }

    [Fact]
    public async Task The_delivery_inspection_form_prints_the_grid_defects_meters_and_the_embedded_signature()
    {
        var png = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "signature.png")));
        var (flat, info, images) = await PrintAsync<DeliveryInspectionSheet>(new()
        {
            ["Detail"] = Inspection(), ["ProjectName"] = Project, ["TimeZone"] = "Asia/Shanghai", ["SignatureImage"] = $"data:image/png;base64,{png}",
        }, "交付验收单");

        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Contains("交付验收单", flat);
        Assert.Contains("3栋-2单元-1502", flat);
        Assert.Contains("李秀英", flat);
        Assert.Contains("138****8000", flat);
        Assert.DoesNotContain("13800138000", flat);
        Assert.Contains("客厅-墙面东墙裂缝约30cmBX-20261128-0001", flat);
        Assert.Contains("卫生间-给排水地漏排水缓慢BX-20261128-0002", flat);
        Assert.Contains("水表12.5电表308燃气表无", flat);
        Assert.Contains("2026-11-2810:30", flat); // completed 02:30Z in Asia/Shanghai
        Assert.Contains("业主签字", flat);
        // 49 lines: 46 passed, 2 failed, 1 not applicable — plus one of each mark in the legend above the grid.
        Assert.Equal(46 + 1, flat.Count(c => c == '✓'));
        Assert.Equal(2 + 1, flat.Count(c => c == '✗'));
        // The signature is an image on the page, not text.
        Assert.Contains(" image ", images);
    }

    private static MoveInProcedureDetail Procedure()
    {
        var p = MoveInProcedure.Start(1, 2, 3, MoveInProcedure.DefaultDocuments);
        foreach (var d in p.Documents.Where(d => d.Required)) p.TickDocument(d.Name, true);
        p.RecordFee("物业服务费（首期）", 1890.5m, "SJ-2026-0018");
        p.RecordFee("装修保证金", 2000m, "SJ-2026-0019");
        p.HandOverKeys([new("入户门钥匙", 3), new("单元门禁卡", 2), new("信箱钥匙", 1)], "李秀英");
        return new MoveInProcedureDetail(5, 1, "一期交付", 2, "3栋-2单元-1502", UnitState.Occupied, 3, "李秀英", "138****8000", ProcedureStatus.Completed,
            p.Documents, p.Fees, p.Keys, p.KeysReceivedBy, UnitState.Occupied, new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc), InspectionStatus.Completed,
            new OwnerFileStatus(3, "李秀英", true, true, true, true, 4), 9);
    }

    [Fact]
    public async Task The_key_handover_form_lists_each_key_type_with_its_count_and_who_received_them()
    {
        var (flat, info, _) = await PrintAsync<KeyHandoverSheet>(new() { ["Detail"] = Procedure(), ["ProjectName"] = Project, ["TimeZone"] = "Asia/Shanghai" }, "钥匙交接单");
        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Contains("钥匙交接单", flat);
        Assert.Contains("3栋-2单元-1502", flat);
        Assert.Contains("李秀英（138****8000）", flat);
        Assert.Contains("1入户门钥匙3把/张", flat);
        Assert.Contains("2单元门禁卡2把/张", flat);
        Assert.Contains("3信箱钥匙1把/张", flat);
        Assert.Contains("合计6把/张", flat);
        Assert.Contains("领取人李秀英", flat);
        Assert.Contains("领取人签字", flat);
    }

    [Fact]
    public async Task The_move_in_form_lists_documents_fees_with_receipts_keys_and_the_delivered_state()
    {
        var (flat, info, _) = await PrintAsync<MoveInProcedureSheet>(new() { ["Detail"] = Procedure(), ["ProjectName"] = Project, ["TimeZone"] = "Asia/Shanghai" }, "入伙手续办理单");
        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Contains("入伙手续办理单", flat);
        Assert.Contains("3栋-2单元-1502", flat);
        Assert.Contains("138****8000", flat);
        Assert.Contains("交付后状态已入住", flat);
        Assert.Contains("■业主身份证件已收", flat);
        Assert.Contains("□委托书及受托人身份证件（代办时）（如适用）", flat);
        Assert.Contains("物业服务费（首期）1890.50SJ-2026-0018", flat);
        Assert.Contains("装修保证金2000.00SJ-2026-0019", flat);
        Assert.Contains("合计3890.50", flat);
        Assert.Contains("入户门钥匙3把/张", flat);
        Assert.Contains("2026-11-2811:00", flat);
    }
}
