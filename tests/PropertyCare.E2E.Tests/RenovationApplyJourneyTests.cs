using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Issue 13's journey as people do it, from the application to the settled deposit: the demo owner, on a phone,
/// withdraws the application waiting for its deposit and applies again (prohibited items cannot be ticked; the form
/// refuses a blank contractor) → the desk checks the file is complete → the manager approves with conditions → the
/// owner sees the deposit to pay → the desk collects deposit and fee with receipts, registers a worker and issues the
/// permit (the unit becomes 装修中) → a patrol on a phone finds a violation → rectified, re-checked → acceptance passes
/// (the unit is back) → the app's clock is moved past the observation period → the desk requests the refund, which the
/// desk cannot approve itself → the manager approves it → balance 0, 已结案, and the owner sees all of it.</summary>
[Collection("app")]
public class RenovationApplyJourneyTests(AppServer app) : IAsyncLifetime
{
    // The journey moves the app's clock past the observation period; the other tests share the app, so it goes back.
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.ResetClockAsync();

    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Owner_applies_on_a_phone_and_the_deposit_comes_back_after_works_patrol_acceptance_and_a_four_eyes_refund()
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
        // The contractor's licence as a PDF: a text file named .pdf is refused with the reason, the real PDF is kept unscaled.
        await owner.SetInputFilesAsync("[data-test=documents] input[type=file]", new FilePayload { Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = "不是PDF"u8.ToArray() });
        await Assertions.Expect(owner.Locator("[data-test=photo-error]")).ToContainTextAsync("营业执照.pdf", Soon);
        await owner.SetInputFilesAsync("[data-test=documents] input[type=file]", new FilePayload { Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(owner.Locator("[data-test=photo-picked]")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await owner.ClickAsync("[data-test=submit-renovation]");
        await owner.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/my/renovations/\d+$"), new() { Timeout = 15_000 });
        var id = int.Parse(owner.Url.Split('/')[^1]);
        await Assertions.Expect(owner.Locator("[data-test=next-step]")).ToContainTextAsync("等待客服审核", Soon);
        Assert.Equal(ownerId, app.Query($"SELECT OwnerId FROM RenovationApplications WHERE Id = {id}", r => r.GetInt32(0)));
        Assert.Equal(2, app.Query($"SELECT COUNT(*) FROM Attachments WHERE Kind = 6 AND RecordId = {id}", r => r.GetInt32(0)));
        Assert.Equal(Pdf.Length, app.Query($"SELECT Size FROM Attachments WHERE Kind = 6 AND RecordId = {id} AND ContentType = 'application/pdf'", r => r.GetInt32(0)));

        // 3. The desk checks the file is complete (a confirmation first).
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync($"/p/1/renovations/{id}");
        await Assertions.Expect(staff.Locator("[data-test=file-pdf]")).ToContainTextAsync("营业执照.pdf", Soon); // a download link, not a thumbnail
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
        var unitId = app.Query($"SELECT UnitId FROM RenovationApplications WHERE Id = {id}", r => r.GetInt32(0));
        var stateBefore = app.Query($"SELECT State FROM Units WHERE Id = {unitId}", r => r.GetInt32(0));

        // 6. The desk collects the deposit, then the fee — each confirmed, each with its own receipt.
        await staff.GotoAsync($"/p/1/renovations/{id}/deposit");
        await staff.WaitForSelectorAsync("[data-test=collect-submit]", Visible);
        await staff.ClickAsync("[data-test=collect-submit]");
        await staff.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "确认收款", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=entry-row]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await staff.ClickAsync("[data-test=collect-item]");
        await staff.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "装修垃圾清运费" }).ClickAsync();
        await staff.ClickAsync("[data-test=collect-submit]");
        await staff.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "确认收款", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=entry-row]")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        Assert.Equal(2, app.Query($"SELECT COUNT(DISTINCT ReceiptNumber) FROM DepositLedger WHERE ApplicationId = {id}", r => r.GetInt32(0)));
        // The receipt of the deposit: number, the amount in figures and in Chinese capitals.
        var receiptHref = await staff.Locator("[data-test=receipt-link]").First.GetAttributeAsync("href");
        await staff.GotoAsync(receiptHref!);
        await Assertions.Expect(staff.Locator("[data-test=receipt-sheet]")).ToContainTextAsync("收据", Soon);
        await Assertions.Expect(staff.Locator("[data-test=receipt-sheet]")).ToContainTextAsync("人民币 叁仟元整", Soon);

        // 7. A worker is registered for the pass, and the permit is issued: the unit becomes 装修中.
        await staff.GotoAsync($"/p/1/renovations/{id}");
        await staff.ClickAsync("[data-test=add-worker]", new() { Timeout = 15_000 });
        await staff.FillAsync("[data-test=worker-name]", "钱师傅");
        await staff.FillAsync("[data-test=worker-id]", "11010519491231002X");
        await staff.FillAsync("[data-test=worker-phone]", "13912345678");
        await staff.ClickAsync("[data-test=worker-submit]");
        await Assertions.Expect(staff.Locator("[data-test=worker-row]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(staff.Locator("[data-test=worker-row]")).Not.ToContainTextAsync("11010519491231002X");  // masked
        await staff.ClickAsync("[data-test=issue-permit]");
        await staff.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "办理", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=renovation-status]")).ToContainTextAsync("施工中", Soon);
        Assert.Equal(2, app.Query($"SELECT State FROM Units WHERE Id = {unitId}", r => r.GetInt32(0)));  // 装修中

        // 8. A patrol on a phone finds a violation with a photo; it is put right and the re-check passes.
        var patrol = await app.SignInAsync("staff", viewport: Phone);
        await patrol.GotoAsync($"/p/1/renovations/{id}/works");
        await patrol.WaitForSelectorAsync("[data-test=patrol-submit]", Visible);
        foreach (var item in PatrolItems.Where(i => i != "公共区域保护"))
            await patrol.ClickAsync($"[data-test=patrol-form] [data-item={item}] [data-test=check-pass]");
        await patrol.ClickAsync("[data-test=patrol-form] [data-item=公共区域保护] [data-test=check-fail]");
        await patrol.FillAsync("[data-test=patrol-form] [data-item=公共区域保护] textarea", "楼道未做保护");
        await patrol.ClickAsync("[data-test=add-violation]");
        await patrol.FillAsync("[data-test=new-violation] textarea", "装修材料堆放在消防通道");
        await patrol.SetInputFilesAsync("[data-test=violation-photos-0] input[type=file]", new FilePayload { Name = "通道.png", MimeType = "image/png", Buffer = Png });
        await patrol.WaitForSelectorAsync("[data-test=new-violation] [data-test=photo-picked]", Visible);
        await patrol.ClickAsync("[data-test=patrol-submit]");
        await Assertions.Expect(patrol.Locator("[data-test=violation-status]")).ToContainTextAsync("待整改", Soon);
        await patrol.WaitForSelectorAsync("[data-test=acceptance-blocked]", Visible);
        await patrol.ClickAsync("[data-test=mark-rectified]");
        await Assertions.Expect(patrol.Locator("[data-test=violation-status]")).ToContainTextAsync("待复查", Soon);
        await patrol.ClickAsync("[data-test=recheck-pass]");
        await patrol.GetByRole(AriaRole.Button, new() { Name = "确认关闭" }).ClickAsync();
        await Assertions.Expect(patrol.Locator("[data-test=violation-status]")).ToContainTextAsync("已整改", Soon);

        // 9. Acceptance passes: the unit is back to what it was, the observation period starts.
        await patrol.WaitForSelectorAsync("[data-test=acceptance-submit]", Visible);
        foreach (var item in AcceptanceItems)
            await patrol.ClickAsync($"[data-test=acceptance-form] [data-item={item}] [data-test=check-pass]");
        await patrol.ClickAsync("[data-test=acceptance-submit]");
        await patrol.GetByRole(AriaRole.Button, new() { Name = "确认验收合格" }).ClickAsync();
        await Assertions.Expect(patrol.Locator("[data-test=works-status]")).ToContainTextAsync("验收通过", Soon);
        Assert.Equal(stateBefore, app.Query($"SELECT State FROM Units WHERE Id = {unitId}", r => r.GetInt32(0)));

        // 10. Not yet: the refund waits for the observation period (the page says why).
        await staff.GotoAsync($"/p/1/renovations/{id}/deposit");
        await Assertions.Expect(staff.Locator("[data-test=refund-blockers]")).ToContainTextAsync("观察期", Soon);
        Assert.Equal(0, await staff.Locator("[data-test=refund-request]").CountAsync());

        // 11. 91 days later the desk requests the refund — and cannot approve it itself (four eyes).
        await app.AdvanceClockAsync(TimeSpan.FromDays(46));  // the test clock moves at most 60 days a step
        await app.AdvanceClockAsync(TimeSpan.FromDays(45));
        await staff.ReloadAsync();
        await staff.ClickAsync("[data-test=refund-request]", new() { Timeout = 15_000 });
        await staff.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "提交申请", Exact = true }).ClickAsync();
        await staff.WaitForSelectorAsync("[data-test=refund-pending]", Visible);
        Assert.Equal(0, await staff.Locator("[data-test=refund-approve]").CountAsync());

        // 12. The manager approves: the whole balance is refunded with a receipt, the application is closed.
        await manager.GotoAsync($"/p/1/renovations/{id}/deposit");
        await manager.ClickAsync("[data-test=refund-approve]", new() { Timeout = 15_000 });
        await manager.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "批准清退", Exact = true }).ClickAsync();
        await manager.WaitForSelectorAsync("[data-test=refund-done]", Visible);
        await Assertions.Expect(manager.Locator("[data-test=balance]")).ToContainTextAsync("¥0.00", Soon);
        Assert.Equal(8, app.Query($"SELECT Status FROM RenovationApplications WHERE Id = {id}", r => r.GetInt32(0)));  // 已结案
        Assert.Equal(1, app.Query($"SELECT COUNT(*) FROM DepositLedger WHERE ApplicationId = {id} AND Kind = 2 AND ReceiptNumber IS NOT NULL", r => r.GetInt32(0)));

        // 13. The owner sees it all on the phone: closed, the works and their acceptance, paid and refunded, balance 0.
        await owner.GotoAsync($"/my/renovations/{id}");
        await Assertions.Expect(owner.Locator("[data-test=next-step]")).ToContainTextAsync("结案", Soon);
        await Assertions.Expect(owner.Locator("[data-test=my-works]")).ToContainTextAsync("验收", Soon);
        await Assertions.Expect(owner.Locator("[data-test=my-deposit-balance]")).ToContainTextAsync("¥0.00", Soon);
        await Assertions.Expect(owner.Locator("[data-test=my-deposit-refunded]")).Not.ToContainTextAsync("¥0.00", Soon);
        foreach (var p in new[] { owner, staff, manager, patrol }) await p.Context.CloseAsync();
    }

    private static readonly string[] PatrolItems = ["结构安全", "消防安全", "防水", "电线敷设", "施工时间", "噪音", "垃圾清运", "公共区域保护"];
    private static readonly string[] AcceptanceItems = ["结构安全", "防水闭水", "电气线路", "给排水", "燃气设施", "消防设施", "外立面及门窗", "公共区域恢复", "垃圾清运"];
}
