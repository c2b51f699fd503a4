using System.Diagnostics;

namespace PropertyCare.E2E.Tests;

[Collection("app")]
public sealed class PrintTests(AppServer app)
{
    [Fact]
    public async Task Staff_downloads_the_owner_information_sheet_as_a_chinese_pdf()
    {
        var (ownerId, name) = app.Query("SELECT Id, Name FROM Owners WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => (r.GetInt32(0), r.GetString(1)));
        var page = await app.SignInAsync("staff");
        await page.GotoAsync($"/p/1/owners/{ownerId}/sheet");
        await page.WaitForSelectorAsync("text=业主信息登记表", new() { Timeout = 15_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=download-pdf]"), new() { Timeout = 60_000 });
        var file = Path.Combine(Path.GetTempPath(), $"pc-e2e-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", $"{file} -") { RedirectStandardOutput = true })!;
            var text = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.Contains("业主信息登记表", text);
            Assert.Contains(name, text);
        }
        finally { File.Delete(file); }
        // The print is logged like an export (保密管理).
        Assert.Equal(1, app.Query($"SELECT COUNT(*) FROM SensitiveAccesses WHERE EntityId = {ownerId} AND Field LIKE 'print%'", r => r.GetInt32(0)));
        await page.Context.CloseAsync();
    }
}
