using System.Text;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

[Collection("app")]
public sealed class ImportAndLanguageTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };

    private static string Csv(params string[] rows) =>
        "楼栋,单元,楼层,房号,建筑面积,户型,房屋状态,业主姓名,证件类型,证件号码,手机号码\n" + string.Join("\n", rows) + "\n";

    private static FilePayload File(string name, string content) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) };

    [Fact]
    public async Task Manager_imports_owners_only_after_the_errors_are_fixed()
    {
        var page = await app.SignInAsync("manager");
        await page.GotoAsync("/p/1/owners/import");
        // The file input is MudFileUpload's hidden input behind the "选择文件" button.
        await page.WaitForSelectorAsync("[data-test=import-choose]", Visible);

        // A file with one bad phone: the preview names the row and the column, and nothing is written.
        await page.SetInputFilesAsync("[data-test=import-file]", File("bad.csv", Csv(
            "E2E栋,1,3,301,88.5,三室两厅,已入住,赵一鸣,居民身份证,11010519491231002X,13800001111",
            "E2E栋,1,3,302,88.5,三室两厅,已入住,钱二丫,居民身份证,110105194912310021,1380000")));
        var error = page.Locator("[data-test=row-error]").First;
        await Assertions.Expect(error).ToContainTextAsync("手机号码", new() { Timeout = 15_000 });
        Assert.Equal(0, app.Query("SELECT COUNT(*) FROM Buildings WHERE Name = 'E2E栋'", r => r.GetInt32(0)));

        // The corrected file imports after confirmation.
        await page.SetInputFilesAsync("[data-test=import-file]", File("good.csv", Csv(
            "E2E栋,1,3,301,88.5,三室两厅,已入住,赵一鸣,居民身份证,11010519491231002X,13800001111",
            "E2E栋,1,3,302,88.5,三室两厅,已入住,钱二丫,居民身份证,510104198001011236,13800002222")));
        await Assertions.Expect(page.Locator("[data-test=import-totals]")).ToContainTextAsync("错误 0 行", new() { Timeout = 15_000 });
        await page.ClickAsync("[data-test=import-commit]");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("[data-test=import-done]", Visible);
        Assert.Equal(2, app.Query("SELECT COUNT(*) FROM Units u JOIN Buildings b ON b.Id = u.BuildingId WHERE b.Name = 'E2E栋' AND u.ProjectId = 1", r => r.GetInt32(0)));
        Assert.Equal(1, app.Query("SELECT COUNT(*) FROM Owners WHERE Name = '钱二丫' AND ProjectId = 1", r => r.GetInt32(0)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_to_English_changes_the_ui_and_is_remembered_at_the_next_sign_in()
    {
        // tech is shared with the other journeys of this app: whatever happens here, tech speaks Chinese again after.
        const string culture = "SELECT PreferredCulture FROM AspNetUsers WHERE UserName = 'tech'";
        var before = app.Query(culture, r => r.GetString(0));
        Assert.Equal("zh-CN", before);
        try { await SwitchTechToEnglishAsync(); }
        finally { app.Execute($"UPDATE AspNetUsers SET PreferredCulture = '{before}' WHERE UserName = 'tech'"); }
        Assert.Equal("zh-CN", app.Query(culture, r => r.GetString(0)));
    }

    private async Task SwitchTechToEnglishAsync()
    {
        // The technician lands on their own worklist.
        var page = await app.SignInAsync("tech");
        await page.WaitForSelectorAsync("text=我的工单", Visible);
        await page.ClickAsync("a.pc-lang");
        await page.WaitForSelectorAsync("h1 >> text=My work orders", Visible);
        await page.Context.CloseAsync();

        // A new browser (no cookie): the user's saved choice applies at sign-in.
        var again = await app.SignInAsync("tech");
        await again.WaitForSelectorAsync("h1 >> text=My work orders", Visible);
        Assert.Equal("en-US", app.Query("SELECT PreferredCulture FROM AspNetUsers WHERE UserName = 'tech'", r => r.GetString(0)));
        await again.Context.CloseAsync();
    }
}
