using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Journey (2) of issue 12, as the people do it: the manager has the cycle job make next month's tasks (the app's
/// clock is moved into the next cycle, not waited for), a desk member inspects the demo owner's vacant flat on a phone
/// and finds a leak → a repair order is registered and linked, the task is done → the owner, on a phone, sees the
/// inspection with its finding and repair number in the portal.</summary>
[Collection("app")]
public class VacantJourneyTests(AppServer app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.ResetClockAsync();

    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Cycle_job_makes_tasks_desk_inspects_with_a_finding_repair_order_follows_owner_sees_it_on_a_phone()
    {
        var unitId = app.Query("SELECT UnitId FROM UnitOwnerships WHERE OwnerId = (SELECT OwnerId FROM AspNetUsers WHERE UserName = 'owner') ORDER BY IsPrimary DESC, Id LIMIT 1", r => r.GetInt32(0));
        var tasksBefore = app.Query("SELECT COUNT(*) FROM VacantInspectionTasks WHERE ProjectId = 1", r => r.GetInt32(0));
        var vacant = app.Query("SELECT COUNT(*) FROM Units WHERE ProjectId = 1 AND State = 1", r => r.GetInt32(0));

        // 1. Next cycle: the manager runs the job; every vacant unit gets one task, and a second run adds none.
        await app.AdvanceClockAsync(TimeSpan.FromDays(35));
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync("/p/1/vacant");
        await manager.ClickAsync("[data-test=run-cycle]", new() { Timeout = 15_000 });
        await manager.WaitForSelectorAsync($"text=新生成 {vacant} 个任务", Visible);
        Assert.Equal(tasksBefore + vacant, app.Query("SELECT COUNT(*) FROM VacantInspectionTasks WHERE ProjectId = 1", r => r.GetInt32(0)));
        await manager.ClickAsync("[data-test=run-cycle]");
        await manager.WaitForSelectorAsync("text=新生成 0 个任务", Visible);
        var taskId = app.Query($"SELECT Id FROM VacantInspectionTasks WHERE UnitId = {unitId} AND Status = 0", r => r.GetInt32(0));

        // 2. The desk member, on a phone, inspects: one item fails with a note, the others pass; a photo.
        var staff = await app.SignInAsync("staff", viewport: Phone);
        await staff.GotoAsync($"/p/1/vacant/inspect/{unitId}?task={taskId}");
        await staff.WaitForSelectorAsync("[data-test=inspect-submit]", Visible);
        // Submitting blank names every unanswered item and saves nothing.
        await staff.ClickAsync("[data-test=inspect-submit]");
        await Assertions.Expect(staff.Locator("[data-test=check-error]")).ToHaveCountAsync(7, new() { Timeout = 15_000 });
        foreach (var item in new[] { "门窗关闭", "水电气总阀关闭", "无损坏", "室内清洁", "无虫害", "钥匙齐全" })
            await staff.ClickAsync($"[data-item={item}] [data-test=check-pass]");
        await staff.ClickAsync("[data-item=无渗漏水] [data-test=check-fail]");
        await staff.FillAsync("[data-item=无渗漏水] textarea", "厨房水槽下方管道渗水");
        await staff.SetInputFilesAsync("[data-test=inspect-photos] input[type=file]", new FilePayload { Name = "渗水.png", MimeType = "image/png", Buffer = Png });
        await staff.WaitForSelectorAsync("[data-test=photo-picked]", Visible);
        await staff.ClickAsync("[data-test=inspect-submit]");
        await staff.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/vacant/inspections/\d+$"), new() { Timeout = 15_000 });
        var inspectionId = int.Parse(staff.Url.Split('/')[^1]);
        await Assertions.Expect(staff.Locator("[data-test=finding]")).ToContainTextAsync("厨房水槽下方管道渗水", Soon);
        var number = (await staff.Locator("[data-test=finding-repair]").InnerTextAsync()).Trim();
        Assert.StartsWith("BX-", number);
        await staff.WaitForSelectorAsync("[data-test=file-thumb] img", Visible);

        // 3. The repair order exists for the unit and follows the repair workflow; the task is done.
        Assert.Equal(unitId, app.Query($"SELECT UnitId FROM RepairOrders WHERE Number = '{number}'", r => r.GetInt32(0)));
        Assert.Equal("空置房巡查", app.Query($"SELECT Category FROM RepairOrders WHERE Number = '{number}'", r => r.GetString(0)));
        Assert.Equal(1, app.Query($"SELECT Status FROM VacantInspectionTasks WHERE Id = {taskId}", r => r.GetInt32(0)));
        await staff.ClickAsync("[data-test=finding-repair]");
        await Assertions.Expect(staff.Locator("[data-test=repair-status]")).ToContainTextAsync("已登记", Soon);

        // 4. The owner, on a phone, sees the inspection, its finding and the repair number.
        var owner = await app.SignInAsync("owner", viewport: Phone);
        await owner.GotoAsync("/my/inspections");
        await owner.ClickAsync($"a[href='/my/inspections/{inspectionId}']", new() { Timeout = 15_000 });
        await Assertions.Expect(owner.Locator("[data-test=finding]")).ToContainTextAsync("厨房水槽下方管道渗水", Soon);
        await Assertions.Expect(owner.Locator("[data-test=finding-repair]")).ToContainTextAsync(number, Soon);
        await owner.WaitForSelectorAsync("[data-test=file-thumb] img", Visible);
        foreach (var p in new[] { manager, staff, owner }) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_projects_inspection_custody_and_file_by_URL_are_not_found_and_the_owner_sees_only_their_own()
    {
        // A record of project 1 opened inside project 2 (the manager works in both) shows "not found".
        var inspectionId = app.Query("SELECT Id FROM VacantUnitInspections WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var custodyId = app.Query("SELECT Id FROM KeyCustodies WHERE ProjectId = 1 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var scanId = app.Query("SELECT Id FROM Attachments WHERE ProjectId = 1 AND Kind = 4 ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        var manager = await app.SignInAsync("manager");
        await manager.GotoAsync($"/p/2/vacant/inspections/{inspectionId}");
        await manager.WaitForSelectorAsync("[data-test=not-found]", Visible);
        await manager.GotoAsync($"/p/2/vacant/keys/{custodyId}");
        await manager.WaitForSelectorAsync("[data-test=not-found]", Visible);
        Assert.Equal(404, (await manager.APIRequest.GetAsync($"/p/2/files/{scanId}")).Status);
        Assert.Equal(200, (await manager.APIRequest.GetAsync($"/p/1/files/{scanId}")).Status);

        // The owner: the key authorisation is never theirs to read, and another unit's inspection is not found.
        var owner = await app.SignInAsync("owner", viewport: Phone);
        Assert.Equal(404, (await owner.APIRequest.GetAsync($"/p/1/files/{scanId}")).Status);
        var others = app.Query("SELECT Id FROM VacantUnitInspections WHERE ProjectId = 1 AND UnitId NOT IN (SELECT UnitId FROM UnitOwnerships WHERE OwnerId = (SELECT OwnerId FROM AspNetUsers WHERE UserName = 'owner')) ORDER BY Id LIMIT 1", r => r.GetInt32(0));
        await owner.GotoAsync($"/my/inspections/{others}");
        await owner.WaitForSelectorAsync("[data-test=not-found]", Visible);
        await manager.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }
}

/// <summary>Key custody at the desk: the overdue loan is red on the list, and the steps on a custody — take back, lend
/// through the dialog, return to the owner — each asked to confirm where it is final, logged in the loan table.</summary>
[Collection("app")]
public class KeyCustodyJourneyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task Desk_sees_the_overdue_loan_in_red_takes_keys_back_lends_them_and_returns_them_to_the_owner()
    {
        // The demo holds two custodies: the first out and overdue, the second out on time.
        var onTime = app.Query("SELECT Id FROM KeyCustodies WHERE ProjectId = 1 ORDER BY Id DESC LIMIT 1", r => r.GetInt32(0));
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync("/p/1/vacant/keys");
        await staff.WaitForSelectorAsync("[data-test=key-row] [data-test=key-overdue]", Visible);
        await staff.GotoAsync("/p/1/home");
        await staff.WaitForSelectorAsync("[data-test=home-key-overdue]", Visible);

        await staff.GotoAsync($"/p/1/vacant/keys/{onTime}");
        await Assertions.Expect(staff.Locator("[data-test=custody-status]")).ToContainTextAsync("借出", Soon);
        await staff.ClickAsync("[data-test=take-back]");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认收回" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=custody-status]")).ToContainTextAsync("在库", Soon);

        await staff.ClickAsync("[data-test=lend-open]");
        await staff.FillAsync("[data-test=lend-borrower] input, input[data-test=lend-borrower]", "维修 张强");
        await staff.FillAsync("[data-test=lend-purpose] input, input[data-test=lend-purpose]", "检修燃气表");
        await staff.ClickAsync("[data-test=lend-submit]");
        await Assertions.Expect(staff.Locator("[data-test=custody-status]")).ToContainTextAsync("借出", Soon);
        await Assertions.Expect(staff.Locator("[data-test=loan-row]")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Assertions.Expect(staff.Locator("[data-test=loan-row]").First).ToContainTextAsync("客服 王芳", Soon);

        await staff.ClickAsync("[data-test=take-back]");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认收回" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=custody-status]")).ToContainTextAsync("在库", Soon);
        // Returning to the owner is final: going back changes nothing, confirming ends the custody.
        await staff.ClickAsync("[data-test=return-owner]");
        await staff.GetByRole(AriaRole.Button, new() { Name = "返回" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=custody-status]")).ToContainTextAsync("在库", Soon);
        await staff.ClickAsync("[data-test=return-owner]");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认归还" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=custody-status]")).ToContainTextAsync("已归还业主", Soon);
        Assert.Equal(2, app.Query($"SELECT Status FROM KeyCustodies WHERE Id = {onTime}", r => r.GetInt32(0)));
        await staff.Context.CloseAsync();
    }
}
