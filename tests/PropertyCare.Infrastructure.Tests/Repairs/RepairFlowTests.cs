using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The desk → technician → callback flow over the real services and a real SQLite file.</summary>
[Collection(RepairsCollection.Name)]
public class RepairFlowTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly CallbackAnswer Happy = new("张伟", ServiceAttitude.Good, true, true, Satisfaction.Satisfied, null);

    [Fact]
    public async Task Register_dispatch_work_and_the_callback_moves_through_the_worklist_as_days_pass()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var desk = w.Desk(w.A);

        var (id, number) = await desk.RegisterAsync(RepairWorld.Intake(unit), []);
        var (urgentId, urgentNumber) = await desk.RegisterAsync(RepairWorld.Intake(unit, "电梯", RepairUrgency.Urgent, "电梯困人"), []);

        Assert.Equal("BX-20261123-0001", number);
        Assert.Equal("BX-20261123-0002", urgentNumber);
        var order = await w.OrderAsync(w.A, id);
        // Monday 10:00 local + 2 working days = Wednesday 10:00 local = 02:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 25, 2, 0, 0), order.DueAt);
        Assert.Equal(RepairStatus.Registered, order.Status);
        Assert.Equal("张伟", order.ContactName);
        Assert.Equal("13800138000", order.ContactPhone);
        // Urgent: the very end of the same local day (Shanghai midnight = 16:00 UTC, less one microsecond: the finest
        // time every provider stores, so the value read back is the value written on each).
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 0).AddMicroseconds(-1), (await w.OrderAsync(w.A, urgentId)).DueAt);

        await desk.DispatchAsync(id, order.Version, tech);
        order = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairStatus.Dispatched, order.Status);
        Assert.Equal(tech, order.TechnicianId);
        Assert.Equal("张师傅", order.TechnicianName);
        await using (var db = w.Db(w.A))
        {
            var m = await db.OutboxMessages.SingleAsync();
            Assert.Equal(Channel.InApp, m.Channel);
            Assert.Equal(tech, m.Recipient);
            Assert.Contains(number, m.Subject);
        }

        var t = w.Tech(w.A, tech);
        Assert.Equal([id], (await t.MyOrdersAsync(false, 1, 20)).Items.Select(r => r.Id));
        await t.AcceptAsync(id, order.Version);
        await t.ArriveAsync(id, (await w.OrderAsync(w.A, id)).Version);
        await t.CompleteAsync(id, (await w.OrderAsync(w.A, id)).Version, "更换阀芯", "阀芯 1 个", FeeKind.Paid, 35m, []);

        order = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairStatus.Completed, order.Status);
        Assert.Equal(35m, order.FeeAmount);
        await using (var db = w.Db(w.A))
        {
            var c = await db.Callbacks.SingleAsync();
            Assert.Equal(id, c.RepairOrderId);
            Assert.Equal(1, c.Round);
            Assert.Equal(CallbackStatus.Pending, c.Status);
            // Completed Monday (local) + RepairCallbackDays (default 1).
            Assert.Equal(new DateOnly(2026, 11, 24), c.DueOn);
        }

        var upcoming = await w.Callbacks(w.A).WorklistAsync(CallbackBucket.Upcoming, 1, 20);
        var row = Assert.Single(upcoming.Items);
        Assert.Equal(number, row.Number);
        Assert.Equal(CallbackBucket.Upcoming, row.Bucket);
        Assert.Empty((await w.Callbacks(w.A).WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);
        Assert.Equal(new CallbackCounts(0, 0, 0, 1), await w.Callbacks(w.A).CountsAsync());

        w.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([number], (await w.Callbacks(w.A).WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items.Select(r => r.Number));
        Assert.Equal(new CallbackCounts(1, 0, 0, 0), await w.Callbacks(w.A).CountsAsync());

        w.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = await w.Callbacks(w.A).WorklistAsync(CallbackBucket.Overdue, 1, 20);
        Assert.Equal(CallbackBucket.Overdue, Assert.Single(overdue.Items).Bucket);
        Assert.Equal(new CallbackCounts(0, 1, 0, 0), await w.Callbacks(w.A).CountsAsync());
    }

    [Fact]
    public async Task A_dissatisfied_answer_opens_a_rework_order_and_a_satisfied_second_callback_closes_both()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var manager = await w.AddUserAsync(w.A, Roles.ProjectManager, "zhoujl", "周经理");
        var (id, number) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        w.Clock.Advance(TimeSpan.FromDays(1));

        var calls = w.Callbacks(w.A);
        var row = Assert.Single((await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);
        // 不太满意 needs the reason written down.
        var ve = await Assert.ThrowsAsync<ValidationException>(() => calls.RecordAnswerAsync(row.Id, row.Version,
            new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Dissatisfied, " ")));
        Assert.Contains(ve.Errors, e => e.Field == nameof(CallbackAnswer.Remarks));
        Assert.Equal(RepairStatus.Completed, (await w.OrderAsync(w.A, id)).Status);

        var reworkNumber = await calls.RecordAnswerAsync(row.Id, row.Version,
            new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Dissatisfied, "仍在滴水"));

        Assert.Equal("BX-20261124-0001", reworkNumber);
        Assert.Equal(RepairStatus.Rework, (await w.OrderAsync(w.A, id)).Status);
        int reworkId;
        await using (var db = w.Db(w.A))
        {
            var rework = await db.RepairOrders.AsNoTracking().SingleAsync(o => o.Number == reworkNumber);
            reworkId = rework.Id;
            Assert.Equal(id, rework.ReworkOfId);
            Assert.Equal(2, rework.Round);
            Assert.Equal(RepairStatus.Registered, rework.Status);
            Assert.Equal(unit, rework.UnitId);
            Assert.Contains("仍在滴水", rework.Description);
            var cb = await db.Callbacks.AsNoTracking().SingleAsync(c => c.RepairOrderId == id);
            Assert.Equal(CallbackStatus.Done, cb.Status);
            Assert.Equal(Satisfaction.Dissatisfied, cb.Satisfaction);
            var m = await db.OutboxMessages.AsNoTracking().SingleAsync(x => x.Recipient == manager);
            Assert.Equal(Channel.InApp, m.Channel);
            Assert.Contains(number, m.Subject);
            Assert.Contains(reworkNumber!, m.Body);
        }

        await w.DispatchAndCompleteAsync(w.A, reworkId, tech);
        await using (var db = w.Db(w.A))
        {
            var second = await db.Callbacks.AsNoTracking().SingleAsync(c => c.RepairOrderId == reworkId);
            Assert.Equal(2, second.Round);
            Assert.Equal(CallbackStatus.Pending, second.Status);
        }
        w.Clock.Advance(TimeSpan.FromDays(1));
        var row2 = Assert.Single((await w.Callbacks(w.A).WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);
        Assert.Equal(2, row2.Round);
        Assert.Equal(reworkId, row2.RepairOrderId);

        Assert.Null(await w.Callbacks(w.A).RecordAnswerAsync(row2.Id, row2.Version, Happy));

        Assert.Equal(RepairStatus.Closed, (await w.OrderAsync(w.A, reworkId)).Status);
        Assert.Equal(RepairStatus.Closed, (await w.OrderAsync(w.A, id)).Status);
        await using (var db = w.Db(w.A)) Assert.Equal(2, await db.RepairOrders.CountAsync());
    }

    [Fact]
    public async Task No_answer_keeps_the_callback_due_in_the_unreachable_bucket_and_an_empty_number_flags_the_owner()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        w.Clock.Advance(TimeSpan.FromDays(1));
        var calls = w.Callbacks(w.A);
        var row = Assert.Single((await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);

        await calls.RecordFailedAsync(row.Id, row.Version, CallOutcome.NoAnswer, "无人接听，明天再打");

        var after = Assert.Single((await calls.WorklistAsync(CallbackBucket.Unreachable, 1, 20)).Items);
        Assert.Equal(CallbackStatus.Pending, after.Status);
        Assert.Equal(CallOutcome.NoAnswer, after.LastOutcome);
        Assert.Equal(1, after.Attempts);
        Assert.Empty((await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);
        await using (var db = w.Db(w.A)) Assert.False((await db.Owners.AsNoTracking().SingleAsync(o => o.Id == owner)).PhoneFlaggedWrong);
        Assert.Equal(RepairStatus.Completed, (await w.OrderAsync(w.A, id)).Status);

        await calls.RecordFailedAsync(after.Id, after.Version, CallOutcome.EmptyNumber, "空号");

        await using (var db = w.Db(w.A))
        {
            var c = await db.Callbacks.AsNoTracking().SingleAsync();
            Assert.Equal(CallbackStatus.Unreachable, c.Status);
            Assert.Equal(2, c.Attempts);
            Assert.True((await db.Owners.AsNoTracking().SingleAsync(o => o.Id == owner)).PhoneFlaggedWrong);
        }
        Assert.Equal(CallbackBucket.Unreachable, Assert.Single((await calls.WorklistAsync(CallbackBucket.Unreachable, 1, 20)).Items).Bucket);
        // An unreachable callback is finished: no further answer can be recorded.
        var done = Assert.Single((await calls.WorklistAsync(CallbackBucket.Unreachable, 1, 20)).Items);
        await Assert.ThrowsAsync<DomainException>(() => calls.RecordAnswerAsync(done.Id, done.Version, Happy));
    }

    [Fact]
    public async Task A_manager_closes_a_completed_order_with_a_reason_and_its_callback_is_cancelled_the_desk_may_not()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        var version = (await w.OrderAsync(w.A, id)).Version;

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Desk(w.A).CloseByManagerAsync(id, version, "业主拒绝回访"));
        Assert.Equal(RepairStatus.Completed, (await w.OrderAsync(w.A, id)).Status);
        await Assert.ThrowsAsync<ValidationException>(() => w.Manager(w.A).CloseByManagerAsync(id, version, "  "));

        await w.Manager(w.A).CloseByManagerAsync(id, version, "业主拒绝回访");

        var order = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairStatus.Closed, order.Status);
        Assert.Equal("业主拒绝回访", order.CloseReason);
        await using (var db = w.Db(w.A)) Assert.Equal(CallbackStatus.Cancelled, (await db.Callbacks.AsNoTracking().SingleAsync()).Status);
        Assert.Equal(new CallbackCounts(0, 0, 0, 0), await w.Callbacks(w.A).CountsAsync());
        Assert.Single((await w.Callbacks(w.A).WorklistAsync(CallbackBucket.Finished, 1, 20)).Items);
    }
}
