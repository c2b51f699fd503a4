using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Attack scenario 2, the desk's part: the service desk opens an owner's portal account and resets it,
/// and tries to learn the owner's password or code so as to become the owner — from the screen, from the
/// 发件箱, at the door. It cannot. The owner, holding the phone, sets the password and signs in.
/// The owner's phone is the demo outbox: in Development it writes code messages to the app log (nothing else
/// shows them, and the stored text is erased once sent), so the journey reads the code there.</summary>
[Collection("app")]
public sealed partial class OwnerAccountAttackTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    [GeneratedRegex(@"验证码：(\d{6})")]
    private static partial Regex CodeRegex();

    /// <summary>The newest code SMS to <paramref name="masked"/> after <paramref name="from"/> in the log (the
    /// dispatcher sends every few seconds).</summary>
    private async Task<string> PhoneReceivesAsync(string masked, int from)
    {
        for (var i = 0; i < 60; i++)
        {
            var lines = app.Log[from..].Split('\n').Where(l => l.Contains(masked) && l.Contains("Demo outbox")).ToList();
            if (lines.Count > 0 && CodeRegex().Match(lines[^1]) is { Success: true } m) return m.Groups[1].Value;
            await Task.Delay(500);
        }
        throw new TimeoutException("no code SMS in the log:\n" + app.Log[from..]);
    }

    /// <summary>Says yes to the confirmation, checking what it asks.</summary>
    private static async Task ConfirmAsync(IPage page, string asks)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync(asks, Soon);
        await dialog.GetByRole(AriaRole.Button).Filter(new() { HasNotText = "返回" }).Last.ClickAsync();
    }

    [Fact]
    public async Task The_desk_opens_and_resets_an_owner_account_but_only_the_owner_with_the_phone_can_set_the_password()
    {
        // An owner of project 1 with a mobile number and no account yet.
        var (ownerId, mobile) = app.Query(
            """
            SELECT o.Id, o.Phone FROM Owners o WHERE o.ProjectId = 1 AND length(o.Phone) = 11 AND o.Phone LIKE '1%'
              AND o.Id NOT IN (SELECT OwnerId FROM AspNetUsers WHERE OwnerId IS NOT NULL)
              AND o.Id IN (SELECT OwnerId FROM UnitOwnerships)
            ORDER BY o.Id DESC LIMIT 1
            """, r => (r.GetInt32(0), r.GetString(1)));
        var masked = mobile[..3] + "****" + mobile[^4..];

        // The desk opens the account: it is told where the code went, never a password or the code.
        var desk = await app.SignInAsync("staff");
        await desk.GotoAsync($"/p/1/owners/{ownerId}");
        await desk.ClickAsync("[data-test=open-account]", new() { Timeout = 15_000 });
        var logFrom = app.Log.Length;
        await ConfirmAsync(desk, "开通");
        await desk.WaitForSelectorAsync("[data-test=code-sent], [data-test=owner-temp-password]", Visible);
        Assert.True(await desk.Locator("[data-test=owner-temp-password]").CountAsync() == 0, "the desk is shown the owner's password");
        await Assertions.Expect(desk.Locator("[data-test=code-sent]")).ToContainTextAsync($"验证码已发送至 {masked}（24 小时内有效）", Soon);
        var activation = await PhoneReceivesAsync(masked, logFrom);
        Assert.DoesNotContain(activation, await desk.ContentAsync());

        // The 发件箱 (the manager's page) lists the SMS without its text; the stored text is gone once sent.
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/outbox");
        await manager.WaitForSelectorAsync("[data-test=outbox-confidential]", Visible);
        Assert.DoesNotContain(activation, await manager.ContentAsync());
        Assert.Equal(0L, app.Query($"SELECT COUNT(*) FROM OutboxMessages WHERE Body LIKE '%{activation}%'", r => r.GetInt64(0)));
        Assert.Equal(1L, app.Query($"SELECT COUNT(*) FROM OutboxMessages WHERE Recipient = '{mobile}' AND Confidential = 1 AND Body = ''", r => r.GetInt64(0)));

        // The owner, on the phone, sets the password at the door and signs in.
        const string ownersPassword = "Owner#2026mine";
        var phone = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var door = await phone.NewPageAsync();
        await door.GotoAsync("/account/login");
        await door.ClickAsync("[data-test=to-code]");
        await door.WaitForURLAsync("**/account/code");
        await door.FillAsync("#mobile", mobile);
        await door.FillAsync("#code", activation);
        await door.FillAsync("#password", ownersPassword);
        await door.FillAsync("#confirm", ownersPassword);
        await door.ClickAsync("[data-test=redeem]");
        await door.WaitForSelectorAsync("[data-test=code-done]", Visible);
        await phone.CloseAsync();
        var owner = await app.SignInAsync(mobile, ownersPassword);
        await owner.WaitForSelectorAsync("[data-test=my-unit]", Visible);
        await owner.Context.CloseAsync();

        // The desk tries to become the owner: a reset sends a new code — to the owner's phone only.
        await desk.ReloadAsync();
        await desk.ClickAsync("[data-test=send-reset-code]", new() { Timeout = 15_000 });
        logFrom = app.Log.Length;
        await ConfirmAsync(desk, "验证码");
        await Assertions.Expect(desk.Locator("[data-test=code-sent]")).ToContainTextAsync(masked, Soon);
        var reset = await PhoneReceivesAsync(masked, logFrom);
        Assert.DoesNotContain(reset, await desk.ContentAsync());
        await manager.ReloadAsync();
        await manager.WaitForSelectorAsync("[data-test=outbox-confidential]", Visible);
        Assert.DoesNotContain(reset, await manager.ContentAsync());

        // … and guesses at the door: five wrong codes, each answered "invalid or expired" like an unknown number;
        // after them even the right code no longer works. Not possible.
        var attacker = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var guess = await attacker.NewPageAsync();
        foreach (var attempt in new[] { "000000", "123456", "111111", "888888", "654321" }.Where(g => g != reset).Take(5).Append(reset))
        {
            await guess.GotoAsync("/account/code");
            await guess.FillAsync("#mobile", mobile);
            await guess.FillAsync("#code", attempt);
            await guess.FillAsync("#password", "Desk#2026mine");
            await guess.FillAsync("#confirm", "Desk#2026mine");
            await guess.ClickAsync("[data-test=redeem]");
            await Assertions.Expect(guess.Locator("[data-test=code-error]")).ToContainTextAsync("验证码无效或已过期", Soon);
        }
        await attacker.CloseAsync();
        await desk.Context.CloseAsync();
        await manager.Context.CloseAsync();

        // The owner's own password still works; the desk's never did.
        var back = await app.SignInAsync(mobile, ownersPassword);
        await back.Context.CloseAsync();
        var refused = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var login = await refused.NewPageAsync();
        await login.GotoAsync("/account/login");
        await login.FillAsync("#username", mobile);
        await login.FillAsync("#password", "Desk#2026mine");
        await login.ClickAsync("button[type=submit]");
        await login.WaitForSelectorAsync("[data-test=login-error]", Visible);
        await refused.CloseAsync();
    }
}
