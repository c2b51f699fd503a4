using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>收据 of a collection and of a refund, printed by the real Chromium and read back with pdftotext: receipt
/// number, payer, unit, item, amount in figures and in capitals, method, operator and time.</summary>
[Collection("web")]
public sealed class DepositReceiptPdfTests(WebAppFixture app)
{
    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    private async Task<(string Flat, string Info)> PrintAsync(DepositReceipt r)
    {
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<DepositReceiptSheet>(
            new Dictionary<string, object?> { ["Receipt"] = r, ["ProjectName"] = "翠湖花园" }, new PdfPageSetup("蓉城物业服务有限公司", "翠湖花园", "收据"));
        var file = Path.Combine(Path.GetTempPath(), $"pc-receipt-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try { return (Regex.Replace(Run("pdftotext", $"-layout {file} -"), @"\s+", ""), Run("pdfinfo", file)); }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_collection_receipt_prints_the_amount_in_figures_and_capitals()
    {
        var (flat, info) = await PrintAsync(new DepositReceipt(5, "翠湖花园", "SJ-20261123-0007", LedgerEntryKind.Collected, "张伟", "3栋-2单元-1502", "ZX-20261120-0003",
            "装修保证金", 3000m, ChineseCapitals.Of(3000m), PaymentMethod.WeChatPay, "客服小李", new DateTime(2026, 11, 23, 10, 5, 0), null));
        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Contains("收据", flat);
        Assert.Contains("SJ-20261123-0007", flat);
        Assert.Contains("交款人张伟", flat);
        Assert.Contains("3栋-2单元-1502", flat);
        Assert.Contains("装修保证金", flat);
        Assert.Contains("¥3,000.00", flat);
        Assert.Contains("人民币叁仟元整", flat);
        Assert.Contains("微信支付", flat);
        Assert.Contains("客服小李", flat);
        Assert.Contains("2026-11-2310:05", flat);
    }

    [Fact]
    public async Task A_refund_receipt_names_the_owner_as_the_one_paid()
    {
        var (flat, _) = await PrintAsync(new DepositReceipt(9, "翠湖花园", "SJ-20270301-0001", LedgerEntryKind.Refunded, "张伟", "3栋-2单元-1502", "ZX-20261120-0003",
            "装修保证金清退", 2549.5m, ChineseCapitals.Of(2549.5m), PaymentMethod.BankTransfer, "经理老周", new DateTime(2027, 3, 1, 9, 0, 0), "保证金清退"));
        Assert.Contains("装修保证金清退收据", flat);
        Assert.Contains("收款人张伟", flat);
        Assert.Contains("¥2,549.50", flat);
        Assert.Contains("人民币贰仟伍佰肆拾玖元伍角整", flat);
        Assert.Contains("银行转账", flat);
        Assert.Contains("经理老周", flat);
    }
}
