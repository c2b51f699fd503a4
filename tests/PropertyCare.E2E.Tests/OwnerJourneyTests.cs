using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

[Collection("app")]
public class OwnerJourneyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };

    [Fact]
    public async Task Staff_finds_owner_by_room_edits_phone_and_sees_it_in_history()
    {
        // A unit of project 1 (the staff member's project) with exactly one owner, who owns only it.
        var (building, room, ownerId, oldPhone) = app.Query(
            """
            SELECT b.Name, u.Room, o.Id, o.Phone FROM Units u JOIN Buildings b ON b.Id = u.BuildingId
            JOIN UnitOwnerships x ON x.UnitId = u.Id JOIN Owners o ON o.Id = x.OwnerId
            WHERE u.ProjectId = 1 AND b.Name = '3栋' AND length(u.Room) = 4
              AND (SELECT COUNT(*) FROM UnitOwnerships y WHERE y.UnitId = u.Id) = 1
              AND (SELECT COUNT(*) FROM UnitOwnerships y WHERE y.OwnerId = o.Id) = 1
            ORDER BY u.Id LIMIT 1
            """, r => (r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3)));
        var page = await app.SignInAsync("staff");
        // Staff land on 工作台; the owner list is one click away (the nav link) or, here, its address.
        await page.GotoAsync("/p/1/owners");
        await page.WaitForSelectorAsync("[data-test=owner-search]", Visible);
        await page.SelectOptionAsync("[data-test=owner-building]", new SelectOptionValue { Label = building });
        await page.FillAsync("[data-test=owner-search]", room);
        await page.ClickAsync("[data-test=owner-search-go]");
        await page.WaitForSelectorAsync("[data-test=pager-info] >> text=共 1 条", Visible);
        await page.ClickAsync("[data-test=owner-link]");
        await page.WaitForURLAsync($"**/p/1/owners/{ownerId}");

        await page.ClickAsync("[data-test=edit-owner]", new() { Timeout = 15_000 });
        var newPhone = oldPhone.StartsWith("139") ? "13812345678" : "13912345678";
        await page.FillAsync("[data-test=owner-phone]", newPhone);
        await page.ClickAsync("[data-test=save-owner]");
        await page.WaitForSelectorAsync("[data-test=edit-owner]", Visible);
        await page.ClickAsync("[data-test=tab-history]");
        // History shows the change masked: who changed the phone, old → new.
        var row = page.Locator("[data-test=history-row]").First;
        await Assertions.Expect(row).ToContainTextAsync(newPhone[..3] + "****" + newPhone[^4..], new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("客服 王芳");
        Assert.Equal(newPhone, app.Query($"SELECT Phone FROM Owners WHERE Id = {ownerId}", r => r.GetString(0)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_of_another_project_cannot_open_the_owner_by_url()
    {
        var ownerOfProject1 = app.Query("SELECT Id FROM Owners WHERE ProjectId = 1 LIMIT 1", r => r.GetInt32(0));
        var page = await app.SignInAsync("staff2");
        // The project in the URL is not theirs …
        await page.GotoAsync($"/p/1/owners/{ownerOfProject1}");
        await page.WaitForSelectorAsync("[data-test=not-found]", Visible);
        // … and their own project in the URL with the other project's owner id finds nothing either.
        await page.GotoAsync($"/p/2/owners/{ownerOfProject1}");
        await page.WaitForSelectorAsync("[data-test=not-found]", Visible);
        Assert.Equal(0, await page.Locator("[data-test=edit-owner]").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Owner_sees_only_own_units_on_a_phone_sized_screen()
    {
        var ownerId = app.Query("SELECT OwnerId FROM AspNetUsers WHERE UserName = 'owner'", r => r.GetInt32(0));
        var own = app.Query($"SELECT COUNT(*) FROM UnitOwnerships WHERE OwnerId = {ownerId}", r => r.GetInt32(0));
        var page = await app.SignInAsync("owner", viewport: new() { Width = 390, Height = 844 });
        await page.WaitForSelectorAsync("[data-test=my-unit]", Visible);
        Assert.Equal(own, await page.Locator("[data-test=my-unit]").CountAsync());
        // Staff pages are not for owners, even by URL.
        await page.GotoAsync("/p/1/owners");
        await page.WaitForSelectorAsync("text=您没有访问此页面的权限", Visible);
        Assert.Equal(0, await page.Locator("[data-test=owner-table]").CountAsync());
        await page.Context.CloseAsync();
    }
}
