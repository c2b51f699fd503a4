using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Issue 13, the application part of the journey as people do it: the demo owner, on a phone, withdraws the
/// application waiting for its deposit and applies again (prohibited items cannot be ticked; the form refuses a blank
/// contractor) → the desk checks the file is complete → the manager approves with conditions → the owner sees the
/// deposit to pay and what to do next.</summary>
[Collection("app")]
public class RenovationApplyJourneyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Owner_applies_on_a_phone_desk_checks_manager_approves_owner_sees_the_deposit_due()
    {
        var ownerId = app.Query("SELECT OwnerId FROM AspNetUsers WHERE UserName = 'owner'", r => r.GetInt32(0));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        // 1. The owner, on a phone, withdraws the application waiting for its deposit (a reason is asked for).
        var owner = await app.SignInAsync("owner", viewport: Phone);
        await owner.GotoAsync("/my/renovations");
        await owner.ClickAsync("[data-test=my-renovation]", new() { Timeout = 15_000 });
        await Assertions.Expect(owner.Locator("[data-test=next-step]")).ToContainTextAsync("已批准", Soon);
        await owner.ClickAsync("[data-test=withdraw]");
        await owner.FillAsync("[data-test=withdraw-reason]", "换一家施工单位");
        await owner.GetByRole(AriaRole.Dialog).Locator("[data-test=withdraw]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-test=next-step]")).ToContainTextAsync("已撤回", Soon);

        // 2. …and applies again: the prohibited items cannot be ticked; a blank form names what is missing and saves nothing.
        await owner.GotoAsync("/my/renovations/new");
        await owner.WaitForSelectorAsync("[data-test=submit-renovation]", Visible);
        Assert.True(await owner.Locator("[data-test='scope-移动燃气管道']").IsDisabledAsync() ||
                    await owner.Locator("[data-test='scope-移动燃气管道'] input").IsDisabledAsync());
        var before = app.Query("SELECT COUNT(*) FROM RenovationApplications", r => r.GetInt32(0));
        await owner.ClickAsync("[data-test=submit-renovation]");
        await Assertions.Expect(owner.Locator(".mud-input-error").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(before, app.Query("SELECT COUNT(*) FROM RenovationApplications", r => r.GetInt32(0)));
        await owner.FillAsync("[data-test=contractor-company]", "成都安居装饰工程有限公司");
        await owner.FillAsync("[data-test=contractor-licence]", "91510100MA6X7Y8Z9A");
        await owner.FillAsync("[data-test=contractor-person]", "黄师傅");
        await owner.FillAsync("[data-test=contractor-phone]", "13688889999");
        await owner.ClickAsync("[data-test='scope-墙面涂刷/贴砖']");
        await owner.ClickAsync("[data-test='scope-水电改造']");
        await owner.Locator("input[data-test=planned-start], [data-test=planned-start] input").First.FillAsync(today.AddDays(3).ToString("yyyy-MM-dd"));
        await owner.Locator("input[data-test=planned-start], [data-test=planned-start] input").First.PressAsync("Tab");
        await owner.Locator("input[data-test=planned-end], [data-test=planned-end] input").First.FillAsync(today.AddDays(40).ToString("yyyy-MM-dd"));
        await owner.Locator("input[data-test=planned-end], [data-test=planned-end] input").First.PressAsync("Tab");
        await owner.SetInputFilesAsync("[data-test=documents] input[type=file]", new FilePayload { Name = "水电图.png", MimeType = "image/png", Buffer = Png });
        await owner.WaitForSelectorAsync("[data-test=photo-picked]", Visible);
        await owner.ClickAsync("[data-test=submit-renovation]");
        await owner.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/my/renovations/\d+$"), new() { Timeout = 15_000 });
        var id = int.Parse(owner.Url.Split('/')[^1]);
        await Assertions.Expect(owner.Locator("[data-test=next-step]")).ToContainTextAsync("等待客服审核", Soon);
        Assert.Equal(ownerId, app.Query($"SELECT OwnerId FROM RenovationApplications WHERE Id = {id}", r => r.GetInt32(0)));
        Assert.Equal(1, app.Query($"SELECT COUNT(*) FROM Attachments WHERE Kind = 6 AND RecordId = {id}", r => r.GetInt32(0)));

        // 3. The desk checks the file is complete (a confirmation first).
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync($"/p/1/renovations/{id}");
        await staff.ClickAsync("[data-test=desk-pass]", new() { Timeout = 15_000 });
        await staff.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "提交审核", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=renovation-status]")).ToContainTextAsync("待审核", Soon);
        Assert.Equal(0, await staff.Locator("[data-test=review]").CountAsync()); // the desk does not approve

        // 4. The manager approves with conditions; the deposit and fees are fixed from the settings and the unit's area.
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync($"/p/1/renovations/{id}");
        await manager.ClickAsync("[data-test=review]", new() { Timeout = 15_000 });
        await manager.ClickAsync("[data-test=decision-ApprovedWithConditions]");
        await manager.ClickAsync("[data-test=review-submit]");
        await Assertions.Expect(manager.Locator("[data-test=review-dialog]")).ToContainTextAsync("请填写审批条件", Soon);
        await manager.FillAsync("[data-test=review-text]", "水电改造须隐蔽工程验收后封闭");
        await manager.ClickAsync("[data-test=review-submit]");
        await Assertions.Expect(manager.Locator("[data-test=renovation-status]")).ToContainTextAsync("已批准待办证", Soon);
        Assert.Equal(3, app.Query($"SELECT Status FROM RenovationApplications WHERE Id = {id}", r => r.GetInt32(0)));
        Assert.True(app.Query($"SELECT COUNT(*) FROM OutboxMessages WHERE DedupKey LIKE 'reno-review-{id}-%'", r => r.GetInt32(0)) >= 1);

        // 5. The owner sees the decision, the conditions and the deposit to pay.
        await owner.ReloadAsync();
        await Assertions.Expect(owner.Locator("[data-test=next-step]")).ToContainTextAsync("保证金", Soon);
        await Assertions.Expect(owner.Locator("[data-test=review-decision-text]")).ToContainTextAsync("水电改造须隐蔽工程验收后封闭", Soon);
        foreach (var p in new[] { owner, staff, manager }) await p.Context.CloseAsync();
    }
}
