using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>个人信息保护 in the running app: a reveal names the session's address in the 保密日志, and the owner portal
/// shows someone else's number only masked.</summary>
[Collection("app")]
public class PrivacyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_reveal_is_logged_with_the_address_of_the_session_that_made_it_and_the_access_log_shows_it()
    {
        var ownerId = app.Query("SELECT Id FROM Owners WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var phone = app.Query($"SELECT Phone FROM Owners WHERE Id = {ownerId}", r => r.GetString(0));
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync($"/p/1/owners/{ownerId}");
        await staff.ClickAsync("[data-test=reveal-phone]");
        await Assertions.Expect(staff.Locator("[data-test=phone]")).ToContainTextAsync(phone, Soon);

        // The address is the one the circuit connected from, captured when it started (there is no request later).
        var logged = app.Query($"""
            SELECT a.ClientIp FROM SensitiveAccesses a JOIN AspNetUsers u ON u.Id = a.UserId
            WHERE u.UserName = 'staff' AND a.EntityId = {ownerId} AND a.Field = 'OwnerPhone' ORDER BY a.Id DESC LIMIT 1
            """, r => r.IsDBNull(0) ? null : r.GetString(0));
        Assert.Equal("127.0.0.1", logged);

        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/access-log");
        await manager.WaitForSelectorAsync("[data-test=access-log]", Visible);
        var row = manager.Locator("[data-test=access-row]", new() { HasText = "OwnerPhone" }).First;
        await Assertions.Expect(row.Locator("[data-test=access-ip]")).ToHaveTextAsync("127.0.0.1", new() { Timeout = 15_000 });
        await staff.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task The_portal_shows_a_desk_entered_contacts_number_masked()
    {
        var owner = await app.SignInAsync("owner");
        await owner.GotoAsync("/my/repairs/new");
        await owner.ClickAsync("[data-test=category-水电]");
        await Assertions.Expect(owner.Locator("[data-test=category-水电]")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = 15_000 });
        await owner.FillAsync("[data-test=description]", "阳台水管渗水，租户在家");
        await owner.ClickAsync("[data-test=submit-request]");
        await owner.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/my/repairs/\d+$"), new() { Timeout = 15_000 });
        var orderId = int.Parse(owner.Url.Split('/')[^1]);

        // The desk then notes the tenant as the contact, as it does when the tenant called in.
        Assert.Equal(1, app.Execute($"UPDATE RepairOrders SET ContactName = '租户王先生', ContactPhone = '13755556666' WHERE Id = {orderId}"));

        await owner.ReloadAsync();
        var contact = owner.Locator("[data-test=contact]");
        await Assertions.Expect(contact).ToContainTextAsync("租户王先生 137****6666", Soon);
        Assert.DoesNotContain("13755556666", await owner.ContentAsync());
        await owner.Context.CloseAsync();
    }
}
