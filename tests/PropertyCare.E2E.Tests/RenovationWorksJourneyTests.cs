using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>Part C's journey: a renovation under way (set up in the database as the application steps would leave it:
/// permit issued, the unit 装修中); a desk member on a phone patrols it and finds a violation with a photo → it is put
/// right → the re-check passes → the acceptance passes → the application is accepted and the unit is back to 已入住.</summary>
[Collection("app")]
public class RenovationWorksJourneyTests(AppServer app)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");
    private static readonly string[] PatrolItems = ["结构安全", "消防安全", "防水", "电线敷设", "施工时间", "噪音", "垃圾清运", "公共区域保护"];
    private static readonly string[] AcceptanceItems = ["结构安全", "防水闭水", "电气线路", "给排水", "燃气设施", "消防设施", "外立面及门窗", "公共区域恢复", "垃圾清运"];

    [Fact]
    public async Task Patrol_on_a_phone_finds_a_violation_rectified_rechecked_accepted_and_the_unit_is_back()
    {
        var (id, unitId) = WorkingApplication();

        var staff = await app.SignInAsync("staff", viewport: Phone);
        await staff.GotoAsync($"/p/1/renovations/{id}/works");
        await staff.WaitForSelectorAsync("[data-test=patrol-submit]", Visible);
        // Blank: every item is named, nothing saved.
        await staff.ClickAsync("[data-test=patrol-submit]");
        await Assertions.Expect(staff.Locator("[data-test=patrol-form] [data-test=check-error]")).ToHaveCountAsync(8, new() { Timeout = 15_000 });
        foreach (var item in PatrolItems.Where(i => i != "公共区域保护"))
            await staff.ClickAsync($"[data-test=patrol-form] [data-item={item}] [data-test=check-pass]");
        await staff.ClickAsync("[data-test=patrol-form] [data-item=公共区域保护] [data-test=check-fail]");
        await staff.FillAsync("[data-test=patrol-form] [data-item=公共区域保护] textarea", "电梯未做保护");
        await staff.ClickAsync("[data-test=add-violation]");
        await staff.FillAsync("[data-test=new-violation] textarea", "电梯轿厢未铺保护板，内壁划伤");
        await staff.SetInputFilesAsync("[data-test=violation-photos-0] input[type=file]", new FilePayload { Name = "电梯.png", MimeType = "image/png", Buffer = Png });
        await staff.WaitForSelectorAsync("[data-test=new-violation] [data-test=photo-picked]", Visible);
        await staff.ClickAsync("[data-test=patrol-submit]");
        await Assertions.Expect(staff.Locator("[data-test=violation]")).ToContainTextAsync("电梯轿厢未铺保护板", Soon);
        await Assertions.Expect(staff.Locator("[data-test=violation-status]")).ToContainTextAsync("待整改", Soon);
        await Assertions.Expect(staff.Locator("[data-test=violation] [data-test=file-thumb]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(staff.Locator("[data-test=patrol]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        // Acceptance waits while the violation is open.
        await staff.WaitForSelectorAsync("[data-test=acceptance-blocked]", Visible);

        await staff.ClickAsync("[data-test=mark-rectified]");
        await Assertions.Expect(staff.Locator("[data-test=violation-status]")).ToContainTextAsync("待复查", Soon);
        await staff.ClickAsync("[data-test=recheck-pass]");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认关闭" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=violation-status]")).ToContainTextAsync("已整改", Soon);

        await staff.WaitForSelectorAsync("[data-test=acceptance-submit]", Visible);
        foreach (var item in AcceptanceItems)
            await staff.ClickAsync($"[data-test=acceptance-form] [data-item={item}] [data-test=check-pass]");
        await staff.ClickAsync("[data-test=acceptance-submit]");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认验收合格" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-test=works-status]")).ToContainTextAsync("验收通过", Soon);
        await Assertions.Expect(staff.Locator("[data-test=acceptance-result]")).ToContainTextAsync("验收合格", Soon);
        await staff.WaitForSelectorAsync("[data-test=observation]", Visible);

        Assert.Equal(3, app.Query($"SELECT State FROM Units WHERE Id = {unitId}", r => r.GetInt32(0)));  // 已入住 again
        Assert.Equal(7, app.Query($"SELECT Status FROM RenovationApplications WHERE Id = {id}", r => r.GetInt32(0)));
        Assert.Equal(2, app.Query($"SELECT Status FROM RenovationViolations WHERE ApplicationId = {id}", r => r.GetInt32(0)));
        await staff.Context.CloseAsync();
    }

    private (int Id, int UnitId) WorkingApplication() => RenovationWorksSetup.WorkingApplication(app);
}

/// <summary>Renovations set up in the app's database as the application steps (part A) would leave them, for part C's
/// journeys and pages: written with SQL (the E2E tests see the app only through its database and its pages).</summary>
internal static class RenovationWorksSetup
{
    /// <summary>An occupied unit of project 1 with no renovation, put into works as the permit step would: 装修中, the
    /// application 施工中 with its permit, remembering the unit was 已入住.</summary>
    public static (int Id, int UnitId) WorkingApplication(AppServer app)
    {
        var unitId = app.Query("""
            SELECT o.UnitId FROM UnitOwnerships o JOIN Units u ON u.Id = o.UnitId
            WHERE u.ProjectId = 1 AND u.State = 3 AND o.IsPrimary = 1 AND o.UnitId NOT IN (SELECT UnitId FROM RenovationApplications)
            ORDER BY o.UnitId DESC LIMIT 1
            """, r => r.GetInt32(0));
        var ownerId = app.Query($"SELECT OwnerId FROM UnitOwnerships WHERE UnitId = {unitId} AND IsPrimary = 1", r => r.GetInt32(0));
        var issued = DateTime.UtcNow.AddDays(-2);
        var start = DateOnly.FromDateTime(issued);
        const string scope = "[{\"Name\":\"墙面涂刷/贴砖\",\"NeedsReview\":false}]";
        app.Execute($"""
            INSERT INTO RenovationApplications (ProjectId, Number, UnitId, OwnerId, FiledByOwner, FiledBy, FiledAt, ContractorCompany, ContractorLicence,
                ContractorPerson, ContractorPhone, Scope, PlannedStart, PlannedEnd, ApprovedEnd, Status, DepositDue, FeesDue, Extensions, Version,
                PermitNumber, PermitIssuedAt, PermitIssuedBy, StateBefore)
            VALUES (1, 'ZX-E2E-{unitId}', {unitId}, {ownerId}, 0, 'system', '{issued:yyyy-MM-dd HH:mm:ss}', '好家装饰有限公司', '91310000MA1FL0001X',
                '王师傅', '13900139000', '{scope}', '{start:yyyy-MM-dd}', '{start.AddDays(60):yyyy-MM-dd}',
                '{start.AddDays(60):yyyy-MM-dd}', 5, '3000.0', '[]', '[]', 0, 'XK-E2E-{unitId}', '{issued:yyyy-MM-dd HH:mm:ss}', 'system', 3)
            """);
        app.Execute($"UPDATE Units SET State = 2 WHERE Id = {unitId}");
        return (app.Query($"SELECT Id FROM RenovationApplications WHERE UnitId = {unitId}", r => r.GetInt32(0)), unitId);
    }

    /// <summary>A stopped one: its open, overdue violation is the cause of the stop.</summary>
    public static int StoppedApplication(AppServer app)
    {
        var (id, _) = WorkingApplication(app);
        var found = DateTime.UtcNow.AddDays(-1);
        app.Execute($"""
            INSERT INTO RenovationViolations (ProjectId, ApplicationId, Type, Description, FoundAt, FoundBy, RectifyBy, Status, Rechecks, Version)
            VALUES (1, {id}, '公共区域保护', '楼道堆放砂浆', '{found:yyyy-MM-dd HH:mm:ss}', '客服 王芳', '{DateOnly.FromDateTime(found).AddDays(-1):yyyy-MM-dd}', 0, 0, 0)
            """);
        var violation = app.Query($"SELECT Id FROM RenovationViolations WHERE ApplicationId = {id}", r => r.GetInt32(0));
        app.Execute($"UPDATE RenovationApplications SET Status = 6, StopReason = '违章未整改', StoppedAt = '{found:yyyy-MM-dd HH:mm:ss}', StopViolationId = {violation} WHERE Id = {id}");
        return id;
    }
}
