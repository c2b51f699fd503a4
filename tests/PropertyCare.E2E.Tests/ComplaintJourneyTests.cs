using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Issue 14's journey as people do it: the demo owner files a complaint on a phone → the desk classifies it 有效
/// and dispatches it to 工程部's technician → the technician (a department user: no name, no phone, until the desk gives
/// them the contact) plans and handles it
/// → the app's clock is moved past the plan deadline of another complaint, the manager runs the escalation job now, and
/// that one shows 二次派单 → the desk calls the owner back, 满意, and the complaint is closed → the owner sees it closed →
/// the quarter's statistics count both.</summary>
[Collection("app")]
public class ComplaintJourneyTests(AppServer app) : IAsyncLifetime
{
    // The journey moves the app's clock; the other tests share the app, so it goes back.
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.ResetClockAsync();

    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Owner_files_on_a_phone_the_department_handles_a_late_one_is_redispatched_the_callback_closes_it_and_the_statistics_count_both()
    {
        var techId = app.Query("SELECT Id FROM AspNetUsers WHERE UserName = 'tech'", r => r.GetString(0));
        var manager = await app.SignInAsync("manager");
        var (receivedBefore, satisfiedBefore, _) = await QuarterFiguresAsync(manager);

        // 1. The owner files a complaint on a phone; a blank form names what is missing and saves nothing.
        var owner = await app.SignInAsync("owner", viewport: Phone);
        await owner.GotoAsync("/my/complaints/new");
        await owner.WaitForSelectorAsync("[data-test=submit-complaint]", Visible);
        var before = app.Query("SELECT COUNT(*) FROM Complaints", r => r.GetInt32(0));
        await owner.ClickAsync("[data-test=kind-Complaint]");
        await owner.ClickAsync("[data-test=submit-complaint]");
        await Assertions.Expect(owner.Locator(".mud-input-error").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(before, app.Query("SELECT COUNT(*) FROM Complaints", r => r.GetInt32(0)));
        await owner.FillAsync("[data-test=facts]", "单元楼道的灯坏了三天，晚上回家很不安全");
        await owner.FillAsync("[data-test=demand]", "尽快修好");
        await owner.ClickAsync("[data-test=submit-complaint]");
        await owner.WaitForURLAsync(new Regex(@"/my/complaints/\d+$"), new() { Timeout = 15_000 });
        var id = int.Parse(owner.Url.Split('/')[^1], CultureInfo.InvariantCulture);
        await Assertions.Expect(owner.Locator("[data-test=my-complaint-status]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var number = app.Query($"SELECT Number FROM Complaints WHERE Id = {id}", r => r.GetString(0));
        Assert.StartsWith("TS-", number);
        Assert.Equal(3, app.Query($"SELECT Channel FROM Complaints WHERE Id = {id}", r => r.GetInt32(0))); // 网站/业主端

        // 2. The desk classifies it 有效 and dispatches it to 工程部's technician.
        var staff = await app.SignInAsync("staff");
        await staff.GotoAsync($"/p/1/complaints/{id}");
        await staff.ClickAsync("[data-test=action-classify]", new() { Timeout = 15_000 });
        await PickAsync(staff, "classify-class", "有效投诉");
        await staff.FillAsync("[data-test=classify-reason]", "楼道灯属公共设施，维修不及时属我方原因");
        await PickAsync(staff, "classify-category", "设施设备");
        await PickAsync(staff, "dispatch-department", "工程部");
        await PickAsync(staff, "dispatch-handler", "维修 张强");
        await staff.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(staff.Locator("[data-test=complaint-status]").First).ToContainTextAsync("待出方案", Soon);
        Assert.Equal(techId, app.Query($"SELECT HandlerId FROM Complaints WHERE Id = {id}", r => r.GetString(0)));
        Assert.Equal(0, app.Query($"SELECT Class FROM Complaints WHERE Id = {id}", r => r.GetInt32(0)));

        // 3. The technician, on a phone: sees the facts but not who complained; plans, then handles.
        var tech = await app.SignInAsync("tech", viewport: Phone);
        await tech.GotoAsync($"/p/1/complaints/{id}");
        await tech.WaitForSelectorAsync("[data-test=action-plan]", Visible);
        var ownerName = app.Query($"SELECT CustomerName FROM Complaints WHERE Id = {id}", r => r.GetString(0));
        var ownerPhone = app.Query($"SELECT CustomerPhone FROM Complaints WHERE Id = {id}", r => r.IsDBNull(0) ? "" : r.GetString(0));
        var techSees = await tech.Locator("main").InnerTextAsync();
        Assert.Contains("楼道的灯坏了", techSees);
        Assert.DoesNotContain(ownerName, techSees);
        if (ownerPhone.Length > 0) Assert.DoesNotContain(ownerPhone, techSees);
        // The technician has to call the owner: the desk gives them the contact (asked to confirm; logged), and they see it.
        await staff.GotoAsync($"/p/1/complaints/{id}");
        await staff.ClickAsync("[data-test=share-contact]", new() { Timeout = 15_000 });
        await staff.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "提供", Exact = true }).ClickAsync();
        await staff.WaitForSelectorAsync("[data-test=contact-shared]", Visible);
        await tech.ReloadAsync();
        await Assertions.Expect(tech.Locator("[data-test=customer-name]")).ToContainTextAsync(ownerName, Soon);
        Assert.Equal(1, app.Query($"SELECT COUNT(*) FROM SensitiveAccesses WHERE EntityType = 'Complaint' AND EntityId = {id} AND Field = 'ComplainantContactShared'", r => r.GetInt32(0)));
        await tech.ClickAsync("[data-test=action-plan]");
        await tech.FillAsync("[data-test=plan-text]", "今天下午更换楼道灯具并检查线路");
        await tech.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(tech.Locator("[data-test=complaint-status]").First).ToContainTextAsync("处理中", Soon);
        await tech.ClickAsync("[data-test=action-handle]");
        await tech.FillAsync("[data-test=handle-result]", "已更换 3 盏楼道灯，线路正常");
        await tech.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(tech.Locator("[data-test=complaint-status]").First).ToContainTextAsync("待回访", Soon);
        Assert.True(app.Query($"SELECT HandledOnTime FROM Complaints WHERE Id = {id}", r => r.GetBoolean(0)));

        // 4. Another complaint waits for its plan at the first dispatch: the clock moves past its deadline, the manager
        //    runs the escalation job now, and it appears as a 二次派单 (once: a second run adds nothing).
        var (lateId, dueAt) = app.Query("SELECT Id, PlanDueAt FROM Complaints WHERE ProjectId = 1 AND Status = 1 AND DispatchLevel = 1 ORDER BY Id LIMIT 1",
            r => (r.GetInt32(0), r.GetDateTime(1)));
        var hours = Math.Max(1, Math.Ceiling((DateTime.SpecifyKind(dueAt, DateTimeKind.Utc) - DateTime.UtcNow).TotalHours) + 1);
        for (var left = hours; left > 0; left -= Math.Min(left, 24 * 50)) await app.AdvanceClockAsync(TimeSpan.FromHours(Math.Min(left, 24 * 50)));
        await manager.GotoAsync("/p/1/jobs");
        await manager.ClickAsync("[data-test=run-now][data-key=complaint-escalation]", new() { Timeout = 15_000 });
        await WaitForAsync(() => app.Query($"SELECT DispatchLevel FROM Complaints WHERE Id = {lateId}", r => r.GetInt32(0)) == 2, "the late complaint was not escalated");
        await manager.GotoAsync($"/p/1/complaints/{lateId}");
        await Assertions.Expect(manager.Locator("[data-test=dispatch-level]").First).ToContainTextAsync("二次派单", Soon);
        await Assertions.Expect(manager.Locator("[data-test=dispatch-row]").Last).ToContainTextAsync("超时未出处理方案", Soon);
        var dispatches = app.Query($"SELECT Dispatches FROM Complaints WHERE Id = {lateId}", r => r.GetString(0));
        const string runs = "SELECT COUNT(*) FROM JobRuns WHERE ProjectId = 1 AND JobKey = 'complaint-escalation' AND Status = 1";
        var ranBefore = app.Query(runs, r => r.GetInt32(0));
        await manager.GotoAsync("/p/1/jobs");
        await manager.ClickAsync("[data-test=run-now][data-key=complaint-escalation]", new() { Timeout = 15_000 });
        await WaitForAsync(() => app.Query(runs, r => r.GetInt32(0)) > ranBefore, "the second run did not finish");
        Assert.Equal(dispatches, app.Query($"SELECT Dispatches FROM Complaints WHERE Id = {lateId}", r => r.GetString(0)));
        // The head of 工程部 (the demo's technician) was told.
        Assert.True(app.Query($"SELECT COUNT(*) FROM OutboxMessages WHERE DedupKey LIKE 'complaint-escalate-{lateId}-L2-%'", r => r.GetInt32(0)) >= 1);

        // 5. The desk calls the owner back: 满意 closes it.
        await staff.GotoAsync($"/p/1/complaints/{id}");
        await staff.ClickAsync("[data-test=action-callback]", new() { Timeout = 15_000 });
        await PickAsync(staff, "callback-satisfaction", "满意");
        await staff.ClickAsync("[data-test=action-submit]");
        await Assertions.Expect(staff.Locator("[data-test=complaint-status]").First).ToContainTextAsync("已关闭", Soon);

        // 6. The owner sees it closed, with the result.
        await owner.GotoAsync($"/my/complaints/{id}");
        await Assertions.Expect(owner.Locator("[data-test=my-complaint-status]")).ToContainTextAsync("已完结", Soon);
        await Assertions.Expect(owner.Locator("[data-test=result]")).ToContainTextAsync("已更换 3 盏楼道灯", Soon);

        // 7. The quarter's statistics count both: one more received and satisfied, and the re-dispatches include the late one.
        var (receivedAfter, satisfiedAfter, redispatched) = await QuarterFiguresAsync(manager);
        Assert.Equal(receivedBefore + 1, receivedAfter);
        Assert.Equal(satisfiedBefore + 1, satisfiedAfter);
        var lateInQuarter = app.Query($"SELECT ReceivedAt FROM Complaints WHERE Id = {lateId}", r => r.GetDateTime(0)) >= new DateTime(2026, 9, 30, 16, 0, 0);
        if (lateInQuarter) Assert.True(redispatched >= 1);
        foreach (var p in new[] { manager, owner, staff, tech }) await p.Context.CloseAsync();
    }

    /// <summary>The figures of this quarter on the statistics page: received, satisfied at callback, re-dispatched.</summary>
    private static async Task<(int Received, int Satisfied, int Redispatched)> QuarterFiguresAsync(IPage manager)
    {
        await manager.GotoAsync("/p/1/complaints/statistics");
        await manager.WaitForSelectorAsync("[data-test=complaint-figures]", Visible);
        await PickAsync(manager, "period-kind", "季度");
        await Assertions.Expect(manager.Locator("[data-test=period-label]")).ToContainTextAsync("季度", Soon);
        var received = int.Parse((await manager.Locator("[data-test=stat-received] [data-test=stat-value]").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
        var satisfied = Fraction(await manager.Locator("[data-test=stat-satisfaction]").InnerTextAsync());
        var redispatched = Fraction(await manager.Locator("[data-test=stat-redispatch]").InnerTextAsync());
        return (received, satisfied, redispatched);
    }

    private static int Fraction(string tile) => int.Parse(Regex.Match(tile, @"(\d+)\s*/\s*\d+").Groups[1].Value, CultureInfo.InvariantCulture);

    private static async Task PickAsync(IPage page, string test, string item)
    {
        await page.ClickAsync($"[data-test={test}]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item }).First.ClickAsync();
    }

    private static async Task WaitForAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 60; i++)
        {
            if (done()) return;
            await Task.Delay(500);
        }
        Assert.Fail(what);
    }
}
