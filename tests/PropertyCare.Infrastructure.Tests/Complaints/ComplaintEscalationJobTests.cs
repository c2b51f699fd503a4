using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>投诉超时升级 on the working calendar across 国庆 2026 (10-01..10-07 off, 10-10 a Saturday worked): a complaint
/// received Tue 09-29 has its plan due at the end of the 3rd working day after — 09-30, 10-08, 10-09 — so nothing is
/// escalated during the holiday; the 二次派单 comes just after 10-09, the 三次派单 after the head's 1 working day (10-10 is
/// the escalation day itself, so 10-12), once each, across re-runs and a restart.</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintEscalationJobTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private sealed record People(string Desk, string Tech, string Head, string Mgr1, string Mgr2, string HqA, string HqB, string MgrB);

    private static async Task<People> StaffAsync(ComplaintJobWorld w)
    {
        var p = new People(
            await w.AddUserAsync(w.A, Roles.ServiceDesk, "desk", "客服小李"),
            await w.AddUserAsync(w.A, Roles.Technician, "tech", "电工老王", "13700000001"),
            await w.AddUserAsync(w.A, Roles.Technician, "head", "工程部 赵工", "13700000002"),
            await w.AddUserAsync(w.A, Roles.ProjectManager, "mgr1", "经理老周", "13700000003"),
            await w.AddUserAsync(w.A, Roles.ProjectManager, "mgr2", "副经理小孙", "13700000004"),
            await w.AddUserAsync(w.A, Roles.HqAuditor, "hqa", "总部 周敏"),
            await w.AddUserAsync(w.B, Roles.HqAuditor, "hqb", "乙总部 钱多"),
            await w.AddUserAsync(w.B, Roles.ProjectManager, "mgrb", "乙经理"));
        await w.SettingsAsync(w.A, ("工程部", p.Head, "工程部 赵工"));
        return p;
    }

    /// <summary>The holiday days the deadlines count on (seeded with the 2026 notice; asserted so a changed seed is seen).</summary>
    private static async Task HolidaysAsync(ComplaintJobWorld w)
    {
        await using var db = w.Db(w.A);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync();
        for (var d = 1; d <= 7; d++) Assert.Contains(days, x => x.Date == new DateOnly(2026, 10, d) && x.Kind == DayKind.Holiday);
        Assert.Contains(days, x => x.Date == new DateOnly(2026, 10, 10) && x.Kind == DayKind.Workday);
    }

    [Fact]
    public async Task Escalates_to_the_head_after_the_plan_deadline_across_national_day_then_to_managers_and_own_hq_once_each()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 9, 29, 10, 0, 0));
        await HolidaysAsync(w);
        var p = await StaffAsync(w);
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), p.Desk);
        await w.ClassifyAsync(w.A, id, "工程部", p.Tech, "电工老王");
        var c0 = await w.ComplaintAsync(w.A, id);
        Assert.Equal(new DateOnly(2026, 10, 9), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c0.PlanDueAt!.Value, ComplaintJobWorld.Shanghai)));

        // During the holiday (three calendar days would have passed on 10-02) and late on 10-09: not yet.
        foreach (var t in new[] { new DateTime(2026, 10, 2, 10, 0, 0), new DateTime(2026, 10, 7, 23, 0, 0), new DateTime(2026, 10, 9, 23, 30, 0) })
        {
            w.SetLocal(t);
            Assert.Equal(0, await w.Escalation(w.A).RunAsync());
        }
        Assert.Empty(await w.MessagesAsync(w.A));

        // Just after the plan deadline: 二次派单 to the head (in-app + SMS), the handler told in-app; nobody else.
        w.SetLocal(new DateTime(2026, 10, 10, 0, 30, 0));
        Assert.Equal(1, await w.Escalation(w.A).RunAsync());
        var c2 = await w.ComplaintAsync(w.A, id);
        Assert.Equal(2, c2.DispatchLevel);
        Assert.Equal([1, 2], c2.Dispatches.Select(d => d.Level));
        Assert.Equal("system", c2.Dispatches[^1].By);
        Assert.Contains("工程部 赵工", c2.Dispatches[^1].To);
        Assert.Equal(new DateOnly(2026, 10, 12), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c2.SecondDispatchDueAt!.Value, ComplaintJobWorld.Shanghai)));
        var m2 = await w.MessagesAsync(w.A);
        Assert.Equal(3, m2.Count);
        Assert.Contains(m2, m => m.Channel == Channel.InApp && m.Recipient == p.Head && m.Subject.StartsWith("投诉二次派单"));
        Assert.Contains(m2, m => m.Channel == Channel.Sms && m.Recipient == "13700000002");
        Assert.Contains(m2, m => m.Channel == Channel.InApp && m.Recipient == p.Tech && m.Subject.StartsWith("投诉已升级"));
        Assert.DoesNotContain(m2, m => m.Body.Contains("王女士") || m.Body.Contains("13800138000")); // the complainant stays private

        // Again, and after a "restart" (a fresh scope and context): nothing more.
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
        w.SetLocal(new DateTime(2026, 10, 12, 23, 0, 0));
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
        Assert.Equal(3, (await w.MessagesAsync(w.A)).Count);

        // Past the head's deadline: 三次派单 to both managers and company 甲's HQ — never 乙's HQ or 乙's manager.
        w.SetLocal(new DateTime(2026, 10, 13, 9, 0, 0));
        Assert.Equal(1, await w.Escalation(w.A).RunAsync());
        var c3 = await w.ComplaintAsync(w.A, id);
        Assert.Equal(3, c3.DispatchLevel);
        Assert.Equal([1, 2, 3], c3.Dispatches.Select(d => d.Level));
        var m3 = (await w.MessagesAsync(w.A)).Skip(3).ToList();
        Assert.Equal(new[] { p.Mgr1, p.Mgr2, p.HqA }.Order(), m3.Select(m => m.Recipient).Order());
        Assert.All(m3, m => Assert.StartsWith("投诉三次派单", m.Subject));
        await using (var db = new AppDbContext(w.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
            Assert.DoesNotContain(await db.OutboxMessages.IgnoreQueryFilters().ToListAsync(), m => m.Recipient == p.HqB || m.Recipient == p.MgrB);

        // Never twice: re-run, restart, days later.
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
        w.SetLocal(new DateTime(2026, 10, 20, 9, 0, 0));
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
        Assert.Equal(6, (await w.MessagesAsync(w.A)).Count);
        Assert.Equal(3, (await w.ComplaintAsync(w.A, id)).Dispatches.Count);
    }

    [Fact]
    public async Task A_department_without_a_head_sends_the_second_dispatch_to_the_managers_and_a_planned_complaint_escalates_on_its_handling_deadline()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 23, 10, 0, 0));
        var p = await StaffAsync(w);
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), p.Desk);
        await w.ClassifyAsync(w.A, id, "保洁部", p.Tech, "电工老王", category: "保洁卫生");
        await w.PlanAsync(w.A, id); // handling due 2 working days later: Wed 11-25
        w.SetLocal(new DateTime(2026, 11, 25, 23, 0, 0));
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
        w.SetLocal(new DateTime(2026, 11, 26, 8, 0, 0));
        Assert.Equal(1, await w.Escalation(w.A).RunAsync());
        var m = await w.MessagesAsync(w.A);
        Assert.Equal(new[] { p.Mgr1, p.Mgr2 }.Order(), m.Where(x => x.Channel == Channel.InApp && x.Subject.StartsWith("投诉二次派单")).Select(x => x.Recipient).Order());
        Assert.Equal(new[] { "13700000003", "13700000004" }.Order(), m.Where(x => x.Channel == Channel.Sms).Select(x => x.Recipient).Order());
        Assert.Contains(m, x => x.Recipient == p.Tech);
        Assert.Equal("超时未处理完成", (await w.ComplaintAsync(w.A, id)).Dispatches[^1].Reason);
    }

    [Fact]
    public async Task A_complaint_nobody_dispatched_goes_to_the_managers_when_its_plan_deadline_passes_without_naming_the_complainant()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 23, 10, 0, 0));
        var p = await StaffAsync(w);
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), p.Desk); // plan due end of Thu 11-26, still 待分派
        w.SetLocal(new DateTime(2026, 11, 26, 23, 0, 0));
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
        w.SetLocal(new DateTime(2026, 11, 27, 9, 0, 0));
        Assert.Equal(1, await w.Escalation(w.A).RunAsync());
        var c = await w.ComplaintAsync(w.A, id);
        Assert.Equal((2, ComplaintStatus.Registered, "超时未分派"), (c.DispatchLevel, c.Status, c.Dispatches[^1].Reason));
        var m = await w.MessagesAsync(w.A);
        Assert.Equal(new[] { p.Mgr1, p.Mgr2 }.Order(), m.Where(x => x.Channel == Channel.InApp).Select(x => x.Recipient).Order());
        Assert.All(m.Where(x => x.Channel == Channel.InApp), x => Assert.Contains("待分派", x.Body));
        Assert.All(m, x => Assert.DoesNotContain(c.CustomerName, x.Body));
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
    }

    [Fact]
    public async Task A_desk_edit_saved_meanwhile_is_not_overwritten_and_the_next_run_escalates()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 23, 10, 0, 0));
        var p = await StaffAsync(w);
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), p.Desk);
        await w.ClassifyAsync(w.A, id, "工程部", p.Tech, "电工老王");
        w.SetLocal(new DateTime(2026, 11, 27, 9, 0, 0)); // plan was due Thu 11-26
        var job = w.Escalation(w.A);
        job.BeforeSave = _ => w.StepAsync(w.A, id, (c, s, t, now) => c.FollowUp(FollowUpChannel.Phone, "已告知客户正在安排", "客服小李", now));
        Assert.Equal(0, await job.RunAsync());
        var after = await w.ComplaintAsync(w.A, id);
        Assert.Equal(1, after.DispatchLevel);
        Assert.Single(after.FollowUps);
        Assert.Empty(await w.MessagesAsync(w.A));

        Assert.Equal(1, await w.Escalation(w.A).RunAsync());
        var done = await w.ComplaintAsync(w.A, id);
        Assert.Equal(2, done.DispatchLevel);
        Assert.Single(done.FollowUps);
        Assert.Equal(3, (await w.MessagesAsync(w.A)).Count);
    }

    [Fact]
    public async Task Another_project_is_not_touched_and_a_job_refuses_a_project_it_did_not_enter()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 23, 10, 0, 0));
        var p = await StaffAsync(w);
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), p.Desk);
        await w.ClassifyAsync(w.A, id, "工程部", p.Tech, "电工老王");
        w.SetLocal(new DateTime(2026, 11, 30, 9, 0, 0));
        Assert.Equal(0, await w.Escalation(w.B).RunAsync());
        Assert.Equal(1, (await w.ComplaintAsync(w.A, id)).DispatchLevel);
        await Assert.ThrowsAsync<PropertyCare.Domain.Common.AccessDeniedException>(() => w.Escalation(w.B).RunForProjectAsync(w.A.Id, default));
    }
}
