using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Spreadsheets;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The overdue escalation, the reports and the project's repair settings.</summary>
[Collection(RepairsCollection.Name)]
public class RepairBackOfficeTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Overdue_open_orders_are_escalated_to_the_managers_once()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var manager = await w.AddUserAsync(w.A, Roles.ProjectManager, "zhoujl", "周经理", "13700137000");
        var gone = await w.AddUserAsync(w.A, Roles.ProjectManager, "oldjl", "前经理", "13700137001", active: false);
        var otherProject = await w.AddUserAsync(w.B, Roles.ProjectManager, "bjl", "滨江经理", "13700137002");
        var (open, number) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await w.Desk(w.A).DispatchAsync(open, (await w.OrderAsync(w.A, open)).Version, tech);
        var (done, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "灯不亮"), []);
        await w.DispatchAndCompleteAsync(w.A, done, tech);
        RepairEscalation Escalation() => w.As(Roles.ProjectManager, w.A, "u-job", "系统").GetRequiredService<RepairEscalation>();

        Assert.Equal(0, await Escalation().RunAsync());
        // Due Wednesday 10:00 local (02:00 UTC): exactly at the deadline it is not late yet.
        w.Clock.Advance(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero) - w.Clock.Now);
        Assert.Equal(0, await Escalation().RunAsync());
        w.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, await Escalation().RunAsync());

        Assert.Equal(w.Clock.Now.UtcDateTime, (await w.OrderAsync(w.A, open)).EscalatedAt);
        Assert.Null((await w.OrderAsync(w.A, done)).EscalatedAt);
        await using (var db = w.Db(w.A))
        {
            var warnings = await db.OutboxMessages.AsNoTracking().Where(m => m.Subject.StartsWith("报修超时")).ToListAsync();
            Assert.Equal(2, warnings.Count);
            Assert.Contains(warnings, m => m.Channel == Channel.InApp && m.Recipient == manager && m.Subject.Contains(number));
            Assert.Contains(warnings, m => m.Channel == Channel.Sms && m.Recipient == "13700137000");
            Assert.DoesNotContain(warnings, m => m.Recipient == gone || m.Recipient == otherProject);
            Assert.Contains("张师傅", warnings[0].Body);
        }

        w.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await Escalation().RunAsync());
        await using (var db = w.Db(w.A))
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("报修超时")));
        await using (var db = w.Db(w.B))
            Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Escalation_outside_a_project_is_refused()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        using var scope = w.App.Provider.CreateScope();
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<RepairEscalation>().RunAsync());
    }

    [Fact]
    public async Task The_daily_callback_report_counts_per_technician_and_caller_and_exports_to_xlsx()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var zhang = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var li = await w.AddUserAsync(w.A, Roles.Technician, "lisf", "李师傅");
        var desk = w.Desk(w.A);
        var (o1, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "水龙头漏水"), []);
        var (o2, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "马桶堵塞"), []);
        var (o3, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "灯不亮"), []);
        await desk.RegisterAsync(RepairWorld.Intake(unit, description: "还没派工"), []);
        await w.DispatchAndCompleteAsync(w.A, o1, zhang);
        await w.DispatchAndCompleteAsync(w.A, o2, zhang);
        await w.DispatchAndCompleteAsync(w.A, o3, li);
        var monday = new DateOnly(2026, 11, 23);
        var tuesday = monday.AddDays(1);

        w.Clock.Advance(TimeSpan.FromDays(1));
        var calls = w.Callbacks(w.A);
        var due = (await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items.ToDictionary(r => r.RepairOrderId);
        Assert.Equal(3, due.Count);
        await calls.RecordAnswerAsync(due[o1].Id, due[o1].Version, new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.VerySatisfied, null));
        await calls.RecordAnswerAsync(due[o2].Id, due[o2].Version, new CallbackAnswer("张太太", ServiceAttitude.Fair, false, false, Satisfaction.Neutral, "地上有水"));
        await calls.RecordFailedAsync(due[o3].Id, due[o3].Version, CallOutcome.NoAnswer, null);

        var reports = w.As(Roles.ProjectManager, w.A, "u-mgr", "周经理").GetRequiredService<RepairReports>();
        var mon = await reports.DailyCallbackAsync(monday);
        Assert.Equal(2, mon.Rows.Count);
        var zMon = mon.Rows.Single(r => r.Name == "张师傅");
        var lMon = mon.Rows.Single(r => r.Name == "李师傅");
        Assert.Equal((2, 2, 0), (zMon.Dispatched, zMon.Completed, zMon.CalledBack));
        Assert.Equal((1, 1, 0), (lMon.Dispatched, lMon.Completed, lMon.CalledBack));
        Assert.Equal((3, 3, 0), (mon.Total.Dispatched, mon.Total.Completed, mon.Total.CalledBack));
        Assert.Equal(0, mon.DueThatDay);
        Assert.Equal(100m, mon.Rate);

        var tue = await reports.DailyCallbackAsync(tuesday);
        Assert.Equal("甲", tue.Company);
        Assert.Equal("翠湖花园", tue.Project);
        Assert.Equal("周经理", tue.PreparedBy);
        var z = Assert.Single(tue.Rows);
        Assert.Equal("张师傅", z.Name);
        Assert.Equal(new DailyCallbackRow("张师傅", 0, 0, 2, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0), z);
        Assert.Equal((3, 2, 66.7m), (tue.DueThatDay, tue.DoneOfDue, tue.Rate));
        Assert.Equal([new CallerRow("客服小李", 3, 2, 1, 0)], tue.Callers);

        var xlsx = RepairReports.DailyCallbackXlsx(tue);
        Assert.True(xlsx.Length > 100);
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(xlsx));
        Assert.Equal("姓名", rows[0][0]);
        Assert.Equal(16, rows[0].Length);
        Assert.Equal(["张师傅", "0", "0", "2", "1", "1", "0", "1", "1", "1", "1", "1", "0", "1", "0", "0"], rows[1]);
        Assert.Equal("合计", rows[2][0]);
        Assert.Contains(rows, r => r.Length > 0 && r[0] == "客服小李" && r.Skip(1).SequenceEqual(["3", "2", "1", "0"]));
        Assert.Contains(rows, r => r.Length > 0 && r[0].Contains("回访率 66.7%"));
    }

    [Fact]
    public async Task Stats_give_the_callback_rate_as_answered_of_due_once_the_day_has_come()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var ids = new List<int>();
        for (var i = 0; i < 4; i++) ids.Add((await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: $"报修{i}"), [])).Id);
        foreach (var id in ids.Take(3)) await w.DispatchAndCompleteAsync(w.A, id, tech);
        var monday = new DateOnly(2026, 11, 23);
        RepairReports Reports() => w.As(Roles.ServiceDesk, w.A).GetRequiredService<RepairReports>();

        // Monday: the callbacks are due Tuesday, so none counts yet.
        var before = await Reports().StatsAsync(monday, monday.AddDays(6));
        Assert.Equal((4, 3, 0, 0, 100m), (before.Registered, before.Completed, before.CallbacksDue, before.CallbacksAnswered, before.CallbackRate));

        w.Clock.Advance(TimeSpan.FromDays(1));
        var calls = w.Callbacks(w.A);
        var due = (await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items.ToDictionary(r => r.RepairOrderId);
        await calls.RecordAnswerAsync(due[ids[0]].Id, due[ids[0]].Version, new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Satisfied, null));
        await calls.RecordAnswerAsync(due[ids[1]].Id, due[ids[1]].Version, new CallbackAnswer("张伟", ServiceAttitude.Poor, true, true, Satisfaction.VeryDissatisfied, "还是坏的"));
        await calls.RecordFailedAsync(due[ids[2]].Id, due[ids[2]].Version, CallOutcome.WrongInfo, "号码不是业主的");

        var s = await Reports().StatsAsync(monday, monday.AddDays(6));
        Assert.Equal(3, s.CallbacksDue);
        Assert.Equal(2, s.CallbacksAnswered);
        Assert.Equal(1, s.Unreachable);
        Assert.Equal(66.7m, s.CallbackRate);
        Assert.Equal((2, 1, 50m), (s.Rated, s.SatisfiedOrBetter, s.SatisfactionRate));
        Assert.Equal(1, s.Reworks);
        Assert.Equal(5, s.Registered);
        // The unanswered open order (due Wednesday) is not late yet on Tuesday.
        Assert.Equal(0, s.OpenOverdue);
    }

    [Fact]
    public async Task A_manager_changes_the_settings_the_desk_may_not_and_registration_follows_them()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var managerSettings = w.As(Roles.ProjectManager, w.A, "u-mgr", "周经理").GetRequiredService<RepairSettingsService>();
        var deskSettings = w.As(Roles.ServiceDesk, w.A).GetRequiredService<RepairSettingsService>();

        var s = await managerSettings.GetAsync();
        Assert.Equal((2, 1), (s.NormalDueWorkingDays, s.RepairCallbackDays));
        Assert.Equal(RepairText.DefaultCategories, s.CategoryList);

        await Assert.ThrowsAsync<AccessDeniedException>(() => deskSettings.SaveAsync(s.Version, 3, 2, ["空调"]));
        await Assert.ThrowsAsync<ValidationException>(() => managerSettings.SaveAsync(s.Version, 0, 2, ["空调"]));
        Assert.Equal(RepairText.DefaultCategories, (await deskSettings.GetAsync()).CategoryList);

        await managerSettings.SaveAsync(s.Version, 3, 2, ["水电", " 门窗 ", "空调", "水电", ""]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => managerSettings.SaveAsync(s.Version, 1, 1, ["其他"]));

        var changed = await deskSettings.GetAsync();
        Assert.Equal(["水电", "门窗", "空调"], changed.CategoryList);
        Assert.Equal((3, 2), (changed.NormalDueWorkingDays, changed.RepairCallbackDays));
        Assert.Equal(["水电", "门窗", "空调"], await w.Portal(w.A, (await w.AddUnitAsync(w.A, "1301", "李娜", "13600136000")).OwnerId).CategoriesAsync());
        // Another project keeps its own defaults.
        Assert.Equal(RepairText.DefaultCategories, (await w.As(Roles.ServiceDesk, w.B).GetRequiredService<RepairSettingsService>().GetAsync()).CategoryList);

        var desk = w.Desk(w.A);
        var ve = await Assert.ThrowsAsync<ValidationException>(() => desk.RegisterAsync(RepairWorld.Intake(unit, "电梯"), []));
        Assert.Contains(ve.Errors, e => e.Field == nameof(RepairIntake.Category));
        await using (var db = w.Db(w.A)) Assert.Equal(0, await db.RepairOrders.CountAsync());

        var (id, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, "空调"), []);
        // Monday 10:00 + 3 working days = Thursday 10:00 local.
        Assert.Equal(new DateTime(2026, 11, 26, 2, 0, 0), (await w.OrderAsync(w.A, id)).DueAt);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        await using (var db = w.Db(w.A)) Assert.Equal(new DateOnly(2026, 11, 25), (await db.Callbacks.SingleAsync()).DueOn);
    }
}

/// <summary>Edge cases found while testing; skipped ones document a bug in src.</summary>
[Collection(RepairsCollection.Name)]
public class RepairEdgeTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_callers_section_of_the_daily_report_lists_staff_calls_not_owners_rating_in_the_portal()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var (id, _) = await w.Portal(w.A, owner).SubmitAsync(unit, "水电", "热水器不出热水", RepairUrgency.Normal, null, []);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        await w.Portal(w.A, owner).RateAsync(id, Satisfaction.Satisfied, ServiceAttitude.Good, true, true, null);

        var report = await w.As(Roles.ProjectManager, w.A, "u-mgr", "周经理").GetRequiredService<RepairReports>().DailyCallbackAsync(new DateOnly(2026, 11, 23));

        // The rating counts as the technician's callback …
        Assert.Equal(1, Assert.Single(report.Rows).CalledBack);
        // … but the owner is not one of the desk's callers (回访员).
        Assert.DoesNotContain(report.Callers, c => c.Name == "张伟");
    }

    [Fact]
    public async Task An_urgent_request_taken_in_the_last_second_of_the_day_can_still_be_registered()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        // 23:59:59.500 in Shanghai.
        w.Clock.Advance(new DateTimeOffset(2026, 11, 23, 15, 59, 59, 500, TimeSpan.Zero) - w.Clock.Now);

        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, "电梯", RepairUrgency.Urgent, "电梯困人"), []);

        var order = await w.OrderAsync(w.A, id);
        Assert.True(order.DueAt >= order.ReceivedAt);
    }
}
