using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>What the mutation run found unguarded at the desk: who sees the complainant and the owner (desk vs department
/// user, list and detail), the list's filters (category, department, overdue at the exact deadline, search by number, facts,
/// room, building and building-room) and paging, repeats found at registration (the newest earlier one named, the window's
/// last instant), the registration's refusals, the unit picker, the phone reveal without a phone, and the handler told when
/// a callback sends a complaint back.</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintDeskGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static void SetUtc(ComplaintWorld w, DateTime utc) => w.W.Clock.Advance(utc - w.W.Clock.Now.UtcDateTime);

    private static ComplaintCallbackAnswer Unsatisfied => new(Satisfaction.Dissatisfied, false, "灯还是不亮");

    // ---- privacy (ComplaintQueries 65, 75, 77, 80) ----

    [Fact]
    public async Task The_desk_sees_the_owner_and_the_customer_and_the_department_user_sees_neither()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);

        var desk = await w.Desk(w.A).GetAsync(id);
        Assert.Equal(((int?)a.Owner, "张伟", "张伟", false), (desk.OwnerId, desk.OwnerName, desk.CustomerName, desk.CustomerHidden));
        Assert.Equal("张伟", Assert.Single((await w.Desk(w.A).ListAsync(new(), 1, 20)).Items).CustomerName);

        var tech = await w.Tech(w.A, a.Handler).GetAsync(id);
        Assert.Equal(((int?)null, (string?)null, "***", true), (tech.OwnerId, tech.OwnerName, tech.CustomerName, tech.CustomerHidden));
        Assert.Equal("***", Assert.Single((await w.Tech(w.A, a.Handler).ListAsync(new(), 1, 20)).Items).CustomerName);
    }

    [Fact]
    public async Task The_detail_names_the_complaint_repeated_and_lists_follow_ups_dispatches_and_callbacks_oldest_first()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var first = await w.DispatchedAsync(w.A, a);
        var id = await w.DispatchedAsync(w.A, a);
        var flow = w.DeskFlow(w.A);
        await flow.FollowUpAsync(id, await w.VersionAsync(w.A, id), FollowUpChannel.Phone, "第一次跟进");
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await flow.FollowUpAsync(id, await w.VersionAsync(w.A, id), FollowUpChannel.Phone, "第二次跟进");
        await flow.PlanAsync(id, await w.VersionAsync(w.A, id), "更换灯具");
        await flow.HandleAsync(id, await w.VersionAsync(w.A, id), "已更换", null);
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await flow.CallbackAsync(id, await w.VersionAsync(w.A, id), Unsatisfied);
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await flow.PlanAsync(id, await w.VersionAsync(w.A, id), "整体更换线路");
        await flow.HandleAsync(id, await w.VersionAsync(w.A, id), "已更换线路", null);
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await flow.CallbackAsync(id, await w.VersionAsync(w.A, id), new ComplaintCallbackAnswer(Satisfaction.Satisfied, false, null));

        var d = await w.Desk(w.A).GetAsync(id);
        Assert.Equal((true, (int?)first, (await w.GetAsync(w.A, first)).Number), (d.IsRepeat, d.RepeatOfId, d.RepeatOfNumber));
        Assert.Equal(["第一次跟进", "第二次跟进"], d.FollowUps.Select(f => f.Said));
        Assert.Equal([1, 2], d.Dispatches.Select(x => x.Level));
        Assert.Equal([Satisfaction.Dissatisfied, Satisfaction.Satisfied], d.Callbacks.Select(x => x.Satisfaction));
    }

    // ---- the handler is told when a callback sends it back (ComplaintWorkflowService 82) ----

    [Fact]
    public async Task An_unsatisfied_callback_tells_the_handler_again()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        await w.DeskFlow(w.A).PlanAsync(id, await w.VersionAsync(w.A, id), "更换灯具");
        await w.DeskFlow(w.A).HandleAsync(id, await w.VersionAsync(w.A, id), "已更换", null);
        await using (var db = w.W.Db(w.A)) Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == a.Handler));
        await w.DeskFlow(w.A).CallbackAsync(id, await w.VersionAsync(w.A, id), Unsatisfied);
        await using (var db = w.W.Db(w.A))
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Recipient == a.Handler && m.Subject.StartsWith("新派单")));
    }

    // ---- the department's steps are refused to those who neither write nor work complaints (ComplaintWorkflowService, WorkStepAsync's gate) ----

    [Theory]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.Owner)]
    public async Task Plan_delay_and_handle_are_refused_to_hq_and_owners_and_change_nothing(string role)
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        var v = await w.VersionAsync(w.A, id);
        ComplaintWorkflowService Flow() => w.Scope(role, w.A, "u-x", "某人", role == Roles.Owner ? a.Owner : null).GetRequiredService<ComplaintWorkflowService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Flow().PlanAsync(id, v, "方案"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Flow().DelayAsync(id, v, new DateOnly(2026, 12, 1), "等配件"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Flow().HandleAsync(id, v, "已处理", null));
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Dispatched, v, (string?)null), (c.Status, c.Version, c.Plan));
    }

    // ---- list filters and paging (ComplaintQueries 37-52, 59-63) ----

    [Fact]
    public async Task The_list_filters_by_category_and_department()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var repair = await w.DispatchedAsync(w.A, a);
        var cleaning = await w.RegisteredAsync(w.A, a);
        await w.DeskFlow(w.A).ClassifyAsync(cleaning, 0, ComplaintWorld.Valid(a.Handler, "保洁卫生", "保洁部"));
        await w.RegisteredAsync(w.A, a); // neither category nor department yet
        var desk = w.Desk(w.A);
        Assert.Equal([cleaning], (await desk.ListAsync(new(Category: "保洁卫生"), 1, 20)).Items.Select(r => r.Id));
        Assert.Equal([repair], (await desk.ListAsync(new(Category: "维修服务"), 1, 20)).Items.Select(r => r.Id));
        Assert.Equal([repair], (await desk.ListAsync(new(Department: "工程部"), 1, 20)).Items.Select(r => r.Id));
        Assert.Equal([cleaning], (await desk.ListAsync(new(Department: "保洁部"), 1, 20)).Items.Select(r => r.Id));
        Assert.Equal(3, (await desk.ListAsync(new(Category: " "), 1, 20)).Total);
    }

    [Fact]
    public async Task Overdue_only_lists_registered_and_dispatched_past_the_plan_deadline_and_planned_past_the_handling_deadline()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var registered = await w.RegisteredAsync(w.A, a);
        var dispatched = await w.DispatchedAsync(w.A, a);
        var planned = await w.DispatchedAsync(w.A, a);
        await w.DeskFlow(w.A).PlanAsync(planned, await w.VersionAsync(w.A, planned), "更换灯具");
        var closed = await w.DispatchedAsync(w.A, a);
        await w.DeskFlow(w.A).PlanAsync(closed, await w.VersionAsync(w.A, closed), "更换灯具");
        await w.DeskFlow(w.A).HandleAsync(closed, await w.VersionAsync(w.A, closed), "已更换", null);
        await w.DeskFlow(w.A).CallbackAsync(closed, await w.VersionAsync(w.A, closed), new ComplaintCallbackAnswer(Satisfaction.Satisfied, false, null));

        var planDue = (await w.GetAsync(w.A, registered)).PlanDueAt!.Value;
        Assert.Equal(planDue, (await w.GetAsync(w.A, dispatched)).PlanDueAt);
        var handleDue = (await w.GetAsync(w.A, planned)).HandleDueAt!.Value;
        var c = await w.GetAsync(w.A, closed);
        Assert.Equal(ComplaintStatus.Closed, c.Status);
        Assert.NotNull(c.HandleDueAt);

        async Task<int[]> Overdue() => (await w.Desk(w.A).ListAsync(new(OverdueOnly: true), 1, 50)).Items.Select(r => r.Id).Order().ToArray();

        Assert.Empty(await Overdue()); // nothing due yet
        // Each deadline exactly (not yet overdue) and one second past it, in time order.
        foreach (var at in new[] { planDue, planDue.AddSeconds(1), handleDue, handleDue.AddSeconds(1) }.Distinct().Order())
        {
            SetUtc(w, at);
            var expected = new List<int>();
            if (at > planDue) expected.AddRange([registered, dispatched]);
            if (at > handleDue) expected.Add(planned);
            Assert.Equal(expected.Order().ToArray(), await Overdue());
        }
        Assert.Equal(new[] { registered, dispatched, planned }.Order().ToArray(), await Overdue());
    }

    [Fact]
    public async Task Search_finds_by_number_facts_room_building_and_building_room()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A, "0101");
        var (unit2, _) = await w.W.AddUnitAsync(w.A, "0102", "李娜", "13900000002");
        var desk = w.Desk(w.A);
        var (inRoom1, number1) = await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit), a.Owner, []);
        var (inRoom2, _) = await desk.RegisterAsync(ComplaintWorld.Intake(unit2) with { Facts = "电梯异响" }, null, []);
        var (noUnit, number3) = await desk.RegisterAsync(ComplaintWorld.Intake(null) with { Facts = "小区门口停车混乱" }, null, []);

        async Task<int[]> Find(string term) => (await desk.ListAsync(new(Search: term), 1, 50)).Items.Select(r => r.Id).Order().ToArray();

        Assert.Equal([inRoom1], await Find(number1));
        Assert.Equal([noUnit], await Find(" " + number3 + " "));
        Assert.Equal([noUnit], await Find("停车混乱"));
        Assert.Equal([inRoom2], await Find("电梯"));
        Assert.Equal([inRoom2], await Find("0102"));
        Assert.Equal(new[] { inRoom1, inRoom2 }.Order().ToArray(), await Find("1栋"));
        Assert.Equal([inRoom1], await Find("栋-0101"));
        Assert.Empty(await Find("不存在的内容"));
    }

    [Fact]
    public async Task Pages_are_newest_first_by_receipt_then_id_and_page_two_holds_the_rest_with_the_unit_address()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var desk = w.Desk(w.A);
        var first = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit), a.Owner, [])).Id;
        var second = (await desk.RegisterAsync(ComplaintWorld.Intake(null), null, [])).Id;   // same instant: the higher id first
        w.W.Clock.Advance(TimeSpan.FromMinutes(5));
        var third = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit), a.Owner, [])).Id;

        var p1 = await desk.ListAsync(new(), 1, 2);
        Assert.Equal((3, 1, 2), (p1.Total, p1.PageIndex, p1.PageSize));
        Assert.Equal([third, second], p1.Items.Select(r => r.Id));
        var p2 = await desk.ListAsync(new(), 2, 2);
        Assert.Equal([first], p2.Items.Select(r => r.Id));
        Assert.Equal((3, 2), (p2.Total, p2.PageIndex));
        Assert.Equal([third, second, first], (await desk.ListAsync(new(), 0, 20)).Items.Select(r => r.Id)); // page 0 is page 1

        var rows = p1.Items.Concat(p2.Items).ToDictionary(r => r.Id);
        Assert.Equal("1栋-1单元-0101", rows[first].UnitAddress);
        Assert.Equal("1栋-1单元-0101", rows[third].UnitAddress);
        Assert.Null(rows[second].UnitAddress);
    }

    // ---- repeats at registration (ComplaintFiling 31, 61, 63) ----

    [Fact]
    public async Task Registering_with_a_category_flags_a_repeat_of_the_newest_earlier_one_and_both_are_flagged()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var desk = w.Desk(w.A);
        var k1 = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit, category: "维修服务"), a.Owner, [])).Id;
        Assert.False((await w.GetAsync(w.A, k1)).IsRepeat);
        w.W.Clock.Advance(TimeSpan.FromMinutes(1));
        var k2 = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit, category: "维修服务"), a.Owner, [])).Id;
        var (c1, c2) = (await w.GetAsync(w.A, k1), await w.GetAsync(w.A, k2));
        Assert.Equal((true, true, (int?)k1), (c1.IsRepeat, c2.IsRepeat, c2.RepeatOfId));
        w.W.Clock.Advance(TimeSpan.FromMinutes(1));
        var k3 = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit, category: "维修服务"), a.Owner, [])).Id;
        Assert.Equal((true, (int?)k2), ((await w.GetAsync(w.A, k3)).IsRepeat, (await w.GetAsync(w.A, k3)).RepeatOfId));
        // Another category of the same unit is not a repeat.
        var other = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit, category: "保洁卫生"), a.Owner, [])).Id;
        Assert.False((await w.GetAsync(w.A, other)).IsRepeat);
    }

    [Fact]
    public async Task The_repeat_window_includes_its_last_instant_and_not_a_second_more()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A, "0101");
        var (unit2, _) = await w.W.AddUnitAsync(w.A, "0102", "李娜", "13900000002");
        var desk = w.Desk(w.A);
        await using (var db = w.W.Db(w.A)) Assert.Equal(30, (await ComplaintSettingsService.LoadAsync(db, w.A.Id, default)).RepeatWindowDays);
        var atEdge = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit, category: "维修服务"), null, [])).Id;
        var pastEdge = (await desk.RegisterAsync(ComplaintWorld.Intake(unit2, category: "维修服务"), null, [])).Id;
        w.W.Clock.Advance(TimeSpan.FromDays(30));
        var again1 = (await desk.RegisterAsync(ComplaintWorld.Intake(a.Unit, category: "维修服务"), null, [])).Id;
        w.W.Clock.Advance(TimeSpan.FromSeconds(1));
        var again2 = (await desk.RegisterAsync(ComplaintWorld.Intake(unit2, category: "维修服务"), null, [])).Id;
        Assert.Equal((true, (int?)atEdge), ((await w.GetAsync(w.A, again1)).IsRepeat, (await w.GetAsync(w.A, again1)).RepeatOfId));
        Assert.True((await w.GetAsync(w.A, atEdge)).IsRepeat);
        Assert.False((await w.GetAsync(w.A, again2)).IsRepeat);
        Assert.False((await w.GetAsync(w.A, pastEdge)).IsRepeat);
    }

    // ---- registration, reveal and the unit picker (ComplaintService 53, 74, 78, 81, 89-99) ----

    [Fact]
    public async Task The_desks_registration_is_not_filed_by_the_owner()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.RegisteredAsync(w.A, a);
        Assert.False((await w.GetAsync(w.A, id)).FiledByOwner);
        Assert.False((await w.Desk(w.A).GetAsync(id)).FiledByOwner);
    }

    [Fact]
    public async Task A_unit_that_does_not_exist_or_an_owner_without_a_unit_is_refused_and_nothing_is_saved()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var e = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).RegisterAsync(ComplaintWorld.Intake(a.Unit + 1000), null, []));
        Assert.Contains(e.Errors, x => x.Field == nameof(ComplaintIntake.UnitId));
        e = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).RegisterAsync(ComplaintWorld.Intake(null), a.Owner, []));
        Assert.Contains(e.Errors, x => x.Field == "OwnerId");
        await using var db = w.W.Db(w.A);
        Assert.Equal(0, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task Revealing_the_phone_of_a_complaint_without_one_is_refused_and_not_logged()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var (id, _) = await w.Desk(w.A).RegisterAsync(ComplaintWorld.Intake(a.Unit, phone: ""), a.Owner, []);
        Assert.Null((await w.GetAsync(w.A, id)).CustomerPhone);
        await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).RevealPhoneAsync(id));
        await using var db = w.W.Db(w.A);
        Assert.Equal(0, await db.SensitiveAccesses.CountAsync());
    }

    [Fact]
    public async Task The_unit_picker_searches_room_building_and_building_room_and_lists_each_units_own_owners()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A, "0101");
        var (unit2, owner2) = await w.W.AddUnitAsync(w.A, "0102", "李娜", "13900000002");
        var desk = w.Desk(w.A);

        var all = await desk.UnitsAsync(null);
        Assert.Equal([a.Unit, unit2], all.Select(u => u.Id));
        Assert.Equal([(a.Owner, "张伟")], all[0].Owners);
        Assert.Equal([(owner2, "李娜")], all[1].Owners);
        Assert.Equal("1栋-1单元-0101", all[0].Address);
        Assert.Equal([a.Unit, unit2], (await desk.UnitsAsync("  ")).Select(u => u.Id));
        Assert.Equal([unit2], (await desk.UnitsAsync(" 0102 ")).Select(u => u.Id));
        Assert.Equal([a.Unit, unit2], (await desk.UnitsAsync("1栋")).Select(u => u.Id));
        Assert.Equal([a.Unit], (await desk.UnitsAsync("栋-0101")).Select(u => u.Id));
        Assert.Empty(await desk.UnitsAsync("9999"));
        Assert.Equal([a.Unit], (await desk.UnitsAsync(null, max: 1)).Select(u => u.Id));
    }
}
