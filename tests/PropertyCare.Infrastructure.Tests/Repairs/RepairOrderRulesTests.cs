using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>Rules of single orders that the flow tests pass over: which callback an action touches when several are
/// open, what the detail page links, the desk's sort ties, the unit's open orders, who may dispatch to whom, who may
/// read, and what the escalation job reports.</summary>
[Collection(RepairsCollection.Name)]
public class RepairOrderRulesTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private async Task<(RepairWorld W, int Unit, int Owner, string Tech)> WorldAsync()
    {
        var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        return (w, unit, owner, tech);
    }

    private static async Task<List<int>> CompletedAsync(RepairWorld w, int unit, string tech, int n)
    {
        var ids = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
            await w.DispatchAndCompleteAsync(w.A, id, tech);
            ids.Add(id);
        }
        return ids;
    }

    private static async Task<CallbackStatus> CallbackStatusOf(RepairWorld w, int orderId)
    {
        await using var db = w.Db(w.A);
        return await db.Callbacks.Where(c => c.RepairOrderId == orderId).Select(c => c.Status).SingleAsync();
    }

    [Fact]
    public async Task The_owners_rating_answers_the_callback_of_the_rated_order_and_no_other()
    {
        var (w, unit, owner, tech) = await WorldAsync();
        await using var _ = w;
        var ids = await CompletedAsync(w, unit, tech, 2);

        await w.Portal(w.A, owner).RateAsync(ids[1], Satisfaction.Satisfied, ServiceAttitude.Good, true, true, null);

        Assert.Equal((CallbackStatus.Pending, CallbackStatus.Done), (await CallbackStatusOf(w, ids[0]), await CallbackStatusOf(w, ids[1])));
        Assert.Equal((RepairStatus.Completed, RepairStatus.Closed), ((await w.OrderAsync(w.A, ids[0])).Status, (await w.OrderAsync(w.A, ids[1])).Status));
    }

    [Fact]
    public async Task A_manager_close_cancels_the_closed_orders_callback_and_no_other()
    {
        var (w, unit, _, tech) = await WorldAsync();
        await using var _ = w;
        var ids = await CompletedAsync(w, unit, tech, 2);

        await w.Manager(w.A).CloseByManagerAsync(ids[0], (await w.OrderAsync(w.A, ids[0])).Version, "业主联系不上");

        Assert.Equal((CallbackStatus.Cancelled, CallbackStatus.Pending), (await CallbackStatusOf(w, ids[0]), await CallbackStatusOf(w, ids[1])));
    }

    [Fact]
    public async Task The_owner_pages_through_their_requests_newest_first()
    {
        var (w, unit, owner, _) = await WorldAsync();
        await using var _ = w;
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [])).Item1);

        var page2 = await w.Portal(w.A, owner).MyRequestsAsync(2, 2);
        Assert.Equal([ids[0]], page2.Items.Select(r => r.Id));
        Assert.Equal((3, 2), (page2.Total, page2.PageIndex));
        var page0 = await w.Portal(w.A, owner).MyRequestsAsync(0, 2);
        Assert.Equal([ids[2], ids[1]], page0.Items.Select(r => r.Id));
        Assert.Equal(1, page0.PageIndex);
    }

    [Fact]
    public async Task The_detail_links_a_rework_to_the_order_it_reworks_and_back_and_names_the_company()
    {
        var (w, unit, _, tech) = await WorldAsync();
        await using var _ = w;
        var original = (await CompletedAsync(w, unit, tech, 1))[0];
        w.Clock.Advance(TimeSpan.FromDays(1));
        var row = (await w.Callbacks(w.A).WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items.Single();
        var number = await w.Callbacks(w.A).RecordAnswerAsync(row.Id, row.Version,
            new CallbackAnswer("张伟", ServiceAttitude.Poor, true, true, Satisfaction.Dissatisfied, "还在漏"));
        await using var db = w.Db(w.A);
        var rework = await db.RepairOrders.Where(o => o.Number == number).Select(o => o.Id).SingleAsync();

        var ofOriginal = await w.Desk(w.A).GetAsync(original);
        var ofRework = await w.Desk(w.A).GetAsync(rework);

        Assert.Null(ofOriginal.ReworkOf);
        Assert.Equal([(rework, number!, RepairStatus.Registered)], ofOriginal.Reworks.Select(r => (r.Id, r.Number, r.Status)));
        Assert.Equal((original, RepairStatus.Rework), (ofRework.ReworkOf!.Id, ofRework.ReworkOf.Status));
        Assert.Empty(ofRework.Reworks);
        // The printed work order carries the company's name.
        Assert.Equal("甲", ofOriginal.CompanyName);
    }

    [Fact]
    public async Task A_rework_of_an_order_with_the_longest_description_keeps_the_description_within_its_limit()
    {
        var (w, unit, _, tech) = await WorldAsync();
        await using var _ = w;
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: new string('漏', RepairIntake.MaxDescription)), []);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        w.Clock.Advance(TimeSpan.FromDays(1));
        var row = (await w.Callbacks(w.A).WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items.Single();

        var number = await w.Callbacks(w.A).RecordAnswerAsync(row.Id, row.Version,
            new CallbackAnswer("张伟", ServiceAttitude.Poor, true, true, Satisfaction.Dissatisfied, "还在漏"));

        await using var db = w.Db(w.A);
        var description = await db.RepairOrders.Where(o => o.Number == number).Select(o => o.Description).SingleAsync();
        Assert.Equal(RepairIntake.MaxDescription, description.Length);
        Assert.StartsWith("【返工】还在漏｜原报修：漏", description);
    }

    [Fact]
    public async Task Orders_due_at_the_same_moment_keep_the_order_of_registration_in_both_deadline_sorts()
    {
        var (w, unit, _, _) = await WorldAsync();
        await using var _ = w;
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [])).Item1);

        async Task<List<int>> Sorted(RepairSort sort) =>
            (await w.Desk(w.A).ListAsync(new RepairListQuery(Sort: sort), 1, 20)).Items.Select(r => r.Id).ToList();
        Assert.Equal(ids, await Sorted(RepairSort.DueFirst));
        Assert.Equal(Enumerable.Reverse(ids), await Sorted(RepairSort.DueLast));
    }

    [Fact]
    public async Task The_units_open_orders_come_newest_first_without_finished_ones()
    {
        var (w, unit, _, tech) = await WorldAsync();
        await using var _ = w;
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [])).Item1);
        await w.Desk(w.A).CancelAsync(ids[1], (await w.OrderAsync(w.A, ids[1])).Version, "业主撤销");

        Assert.Equal([ids[2], ids[0]], (await w.Desk(w.A).OpenForUnitAsync(unit)).Select(r => r.Id));
    }

    [Fact]
    public async Task Dispatching_to_a_technician_of_another_project_is_refused_with_the_reason()
    {
        var (w, unit, _, _) = await WorldAsync();
        await using var _ = w;
        var elsewhere = await w.AddUserAsync(w.B, Roles.Technician, "wangsf", "王师傅");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);

        var version = (await w.OrderAsync(w.A, id)).Version;
        var e = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).DispatchAsync(id, version, elsewhere));

        Assert.Equal("TechnicianId", Assert.Single(e.Errors).Field);
        Assert.Contains("本项目", e.Errors[0].Message.Zh);
        Assert.Equal(RepairStatus.Registered, (await w.OrderAsync(w.A, id)).Status);
    }

    [Fact]
    public async Task Order_details_are_refused_outright_to_roles_that_neither_read_nor_work_on_repairs()
    {
        var (w, unit, owner, _) = await WorldAsync();
        await using var _ = w;
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [new PhotoUpload("a.png", RepairWorld.Png)]);
        var photo = (await w.Desk(w.A).GetAsync(id)).Photos.Single().Id;

        // The owner uses the portal's own service; the staff service refuses them as a role, not as "not found".
        var asOwner = w.As(Roles.Owner, w.A, $"u-owner-{owner}", "业主", owner).GetRequiredService<RepairService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => asOwner.GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => asOwner.StepsAsync(id));
        // A platform administrator carrying the owner's id is still not the owner: the photo is not theirs to see.
        var admin = w.As(Roles.PlatformAdmin, w.A, "u-admin", "平台管理员", owner).GetRequiredService<RepairService>();
        await Assert.ThrowsAsync<RecordNotFoundException>(() => admin.PhotoAsync(photo));
        Assert.Equal("image/png", (await asOwner.PhotoAsync(photo)).ContentType);
    }

    [Fact]
    public async Task A_status_free_change_such_as_an_escalation_adds_no_step_to_the_timeline()
    {
        var (w, unit, _, _) = await WorldAsync();
        await using var _ = w;
        await w.AddUserAsync(w.A, Roles.ProjectManager, "zhoujl", "周经理");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, urgency: RepairUrgency.Urgent), []);
        w.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await Escalation(w).RunAsync());

        Assert.NotNull((await w.OrderAsync(w.A, id)).EscalatedAt);
        Assert.Equal([RepairStepKind.Received], (await w.Desk(w.A).StepsAsync(id)).Select(s => s.Kind));
    }

    private static RepairEscalation Escalation(RepairWorld w, Domain.Tenancy.Project? project = null) =>
        w.As(Roles.ProjectManager, project ?? w.A, "u-system", "系统").GetRequiredService<RepairEscalation>();

    [Fact]
    public async Task The_escalation_job_runs_only_in_the_project_it_was_scheduled_for_and_reports_the_longest_overdue_first()
    {
        var (w, unit, _, _) = await WorldAsync();
        await using var _ = w;
        var manager = await w.AddUserAsync(w.A, Roles.ProjectManager, "zhoujl", "周经理");
        var (later, laterNumber) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        // Registered after, but urgent: its deadline (today) passed long before the normal one's.
        var (earlier, earlierNumber) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, urgency: RepairUrgency.Urgent), []);
        w.Clock.Advance(TimeSpan.FromDays(10));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Escalation(w).RunForProjectAsync(w.B.Id, CancellationToken.None));
        Assert.Null((await w.OrderAsync(w.A, earlier)).EscalatedAt);
        Assert.Equal(2, await Escalation(w).RunForProjectAsync(w.A.Id, CancellationToken.None));

        await using var db = new AppDbContext(w.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var titles = await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.Recipient == manager && m.Channel == Channel.InApp)
            .OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync();
        Assert.Equal([$"报修超时 {earlierNumber}", $"报修超时 {laterNumber}"], titles);
        Assert.NotEqual(earlier, later);
    }

    [Fact]
    public async Task Repair_settings_are_read_only_inside_a_project()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        using var scope = w.App.Provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<PropertyCare.Infrastructure.Tenancy.TenantContext>()
            .SetUser(new UserIdentity("u-mgr", "经理", w.A.CompanyId, new HashSet<string> { Roles.ProjectManager }, null));

        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<RepairSettingsService>().GetAsync());
    }
}
