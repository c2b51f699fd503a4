using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The repair list's filters, overdue flag and text search, and the desk counters, against one project with an
/// order in every status and deadlines known from the test clock, so every answer is an exact set of orders.</summary>
[Collection(RepairsCollection.Name)]
public class RepairListFilterTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>Monday 10:00 Shanghai is 02:00 UTC; normal orders received then are due Wednesday 02:00 UTC, the
    /// rework received Tuesday is due Thursday, the urgent one at the end of Monday (Shanghai).</summary>
    private static readonly DateTime WednesdayDue = new(2026, 11, 25, 2, 0, 0);
    private static readonly DateTime ThursdayDue = new(2026, 11, 26, 2, 0, 0);
    private static readonly DateTime MondayEnd = new DateTime(2026, 11, 23, 16, 0, 0).AddMicroseconds(-1);

    /// <summary>The orders by the state they are left in.</summary>
    private sealed record Orders(int Registered, int Urgent, int Returned, int Dispatched, int Accepted, int Arrived, int Completed,
        int Reworked, int Rework, int Closed, int Cancelled, string RegisteredNumber);

    private static async Task<(RepairWorld W, Orders O)> ArrangeAsync(DatabaseProvider provider)
    {
        var w = await RepairWorld.CreateAsync(provider);
        var (u1201, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var (u1202, _) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900139000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        // The other project has an order that matches every search below; it must never show.
        var (bUnit, _) = await w.AddUnitAsync(w.B, "1201", "张伟", "13800138000");
        await w.Desk(w.B).RegisterAsync(RepairWorld.Intake(bUnit, description: "客厅灯不亮 空调滴水"), []);

        var desk = w.Desk(w.A);
        async Task<int> Register(int? unit, string description, RepairUrgency urgency = RepairUrgency.Normal, string? area = null) =>
            (await desk.RegisterAsync(new RepairIntake(unit, area, "水电", description, urgency, RepairChannel.Phone,
                ContactName: area == null ? null : "保安老王", ContactPhone: area == null ? null : "13700137000"), [])).Id;
        async Task<int> V(int id) => (await w.OrderAsync(w.A, id)).Version;
        var t = w.Tech(w.A, tech);

        var registered = await Register(u1201, "客厅灯不亮");
        var urgent = await Register(null, "电梯困人", RepairUrgency.Urgent, "2栋电梯厅");
        var returned = await Register(u1202, "水管爆裂");
        await desk.DispatchAsync(returned, await V(returned), tech);
        await t.ReturnAsync(returned, await V(returned), "缺配件");
        var dispatched = await Register(u1201, "卫生间下水慢");
        await desk.DispatchAsync(dispatched, await V(dispatched), tech);
        var accepted = await Register(u1202, "门锁松动");
        await desk.DispatchAsync(accepted, await V(accepted), tech);
        await t.AcceptAsync(accepted, await V(accepted));
        var arrived = await Register(u1202, "窗户关不上");
        await desk.DispatchAsync(arrived, await V(arrived), tech);
        await t.AcceptAsync(arrived, await V(arrived));
        await t.ArriveAsync(arrived, await V(arrived));
        var completed = await Register(u1201, "热水器不热");
        await w.DispatchAndCompleteAsync(w.A, completed, tech);
        var reworked = await Register(u1202, "空调滴水");
        await w.DispatchAndCompleteAsync(w.A, reworked, tech);
        var closed = await Register(u1201, "阳台地漏堵塞");
        await w.DispatchAndCompleteAsync(w.A, closed, tech);
        var cancelled = await Register(null, "车库灯坏", area: "3栋地下车库");
        await desk.CancelAsync(cancelled, await V(cancelled), "重复报修");

        // Tuesday: the callbacks fall due; one owner is satisfied, one is not (a rework, received Tuesday).
        w.Clock.Advance(TimeSpan.FromDays(1));
        var calls = w.Callbacks(w.A);
        var due = (await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items.ToDictionary(r => r.RepairOrderId);
        await calls.RecordAnswerAsync(due[closed].Id, due[closed].Version, new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Satisfied, null));
        var reworkNumber = await calls.RecordAnswerAsync(due[reworked].Id, due[reworked].Version,
            new CallbackAnswer("李娜", ServiceAttitude.Fair, true, true, Satisfaction.Dissatisfied, "还在滴"));
        var rework = (await desk.ListAsync(new RepairListQuery(Text: reworkNumber), 1, 10)).Items.Single().Id;
        return (w, new Orders(registered, urgent, returned, dispatched, accepted, arrived, completed, reworked, rework, closed, cancelled,
            (await w.OrderAsync(w.A, registered)).Number));
    }

    private static async Task<int[]> Ids(RepairService desk, RepairListQuery query) =>
        (await desk.ListAsync(query, 1, 100)).Items.Select(r => r.Id).Order().ToArray();

    private static int[] Set(params int[] ids) => ids.Order().ToArray();

    private static void SetClock(RepairWorld w, DateTime utc) => w.Clock.Advance(new DateTimeOffset(utc, TimeSpan.Zero) - w.Clock.Now);

    [Fact]
    public async Task Each_status_filter_returns_exactly_its_orders()
    {
        var (w, o) = await ArrangeAsync(Provider);
        await using var _ = w;
        var desk = w.Desk(w.A);

        Assert.Equal(Set(o.Registered, o.Urgent, o.Returned, o.Rework), await Ids(desk, new(RepairFilter.ToDispatch)));
        Assert.Equal(Set(o.Dispatched, o.Accepted, o.Arrived), await Ids(desk, new(RepairFilter.InProgress)));
        Assert.Equal(Set(o.Completed, o.Reworked), await Ids(desk, new(RepairFilter.AwaitingCallback)));
        Assert.Equal(Set(o.Closed, o.Cancelled), await Ids(desk, new(RepairFilter.Finished)));
        Assert.Equal(Set(o.Registered, o.Urgent, o.Returned, o.Dispatched, o.Accepted, o.Arrived, o.Completed, o.Reworked, o.Rework, o.Closed, o.Cancelled),
            await Ids(desk, new(RepairFilter.All)));
    }

    [Fact]
    public async Task Deadlines_are_the_exact_moments_of_the_project_calendar()
    {
        var (w, o) = await ArrangeAsync(Provider);
        await using var _ = w;
        foreach (var id in new[] { o.Registered, o.Returned, o.Dispatched, o.Accepted, o.Arrived })
            Assert.Equal(WednesdayDue, (await w.OrderAsync(w.A, id)).DueAt);
        Assert.Equal(MondayEnd, (await w.OrderAsync(w.A, o.Urgent)).DueAt);
        Assert.Equal(ThursdayDue, (await w.OrderAsync(w.A, o.Rework)).DueAt);
    }

    [Fact]
    public async Task Overdue_counts_only_open_orders_strictly_past_their_deadline()
    {
        var (w, o) = await ArrangeAsync(Provider);
        await using var _ = w;
        var desk = w.Desk(w.A);
        RepairReports Reports() => w.As(Roles.ServiceDesk, w.A).GetRequiredService<RepairReports>();

        // Tuesday 10:00: only the urgent order (due at the end of Monday) is late.
        Assert.Equal(Set(o.Urgent), await Ids(desk, new(OverdueOnly: true)));
        Assert.Equal(new RepairDeskCounts(ToDispatch: 4, InProgress: 3, Overdue: 1), await Reports().DeskCountsAsync());

        // Exactly at Wednesday's deadline the orders due then are not late yet.
        SetClock(w, WednesdayDue);
        Assert.Equal(Set(o.Urgent), await Ids(desk, new(OverdueOnly: true)));
        Assert.Equal(1, (await Reports().DeskCountsAsync()).Overdue);
        Assert.Equal(Set(o.Urgent), (await desk.ListAsync(new RepairListQuery(), 1, 100)).Items.Where(r => r.Overdue).Select(r => r.Id).ToArray());

        // One second later they are — the open ones only: not the completed, reworked, closed or cancelled orders,
        // and not the rework, due Thursday.
        SetClock(w, WednesdayDue.AddSeconds(1));
        var late = Set(o.Registered, o.Urgent, o.Returned, o.Dispatched, o.Accepted, o.Arrived);
        Assert.Equal(late, await Ids(desk, new(OverdueOnly: true)));
        Assert.Equal(new RepairDeskCounts(ToDispatch: 4, InProgress: 3, Overdue: 6), await Reports().DeskCountsAsync());
        Assert.Equal(Set(o.Registered, o.Urgent, o.Returned), await Ids(desk, new(RepairFilter.ToDispatch, OverdueOnly: true)));
        Assert.Equal(Set(o.Dispatched, o.Accepted, o.Arrived), await Ids(desk, new(RepairFilter.InProgress, OverdueOnly: true)));
        Assert.Empty(await Ids(desk, new(RepairFilter.AwaitingCallback, OverdueOnly: true)));
        Assert.Empty(await Ids(desk, new(RepairFilter.Finished, OverdueOnly: true)));
        // Each row of the full list carries the same verdict.
        var rows = (await desk.ListAsync(new RepairListQuery(), 1, 100)).Items;
        Assert.Equal(late, rows.Where(r => r.Overdue).Select(r => r.Id).Order().ToArray());

        // Thursday after 10:00 the rework is late too.
        SetClock(w, ThursdayDue.AddSeconds(1));
        Assert.Equal(Set([.. late, o.Rework]), await Ids(desk, new(OverdueOnly: true)));
        Assert.Equal(7, (await Reports().DeskCountsAsync()).Overdue);
    }

    [Fact]
    public async Task Text_search_finds_exactly_the_orders_by_number_contact_phone_description_area_and_room()
    {
        var (w, o) = await ArrangeAsync(Provider);
        await using var _ = w;
        var desk = w.Desk(w.A);
        Task<int[]> Search(string text, RepairFilter filter = RepairFilter.All) => Ids(desk, new(filter, Text: text));
        int[] of1201 = Set(o.Registered, o.Dispatched, o.Completed, o.Closed), of1202 = Set(o.Returned, o.Accepted, o.Arrived, o.Reworked, o.Rework);

        Assert.Equal(Set(o.Registered), await Search(o.RegisteredNumber));
        // Part of a number: the day it was received — only the rework was received on Tuesday.
        Assert.Equal(Set(o.Rework), await Search("BX-20261124"));
        Assert.Equal(of1202, await Search("李娜"));
        Assert.Equal(of1202, await Search("  李娜  "));
        Assert.Equal(Set(o.Urgent, o.Cancelled), await Search("保安老王"));
        // A phone number matches whole, never in part.
        Assert.Equal(of1201, await Search("13800138000"));
        Assert.Empty(await Search("1380013"));
        // The rework's description quotes the order it reworks.
        Assert.Equal(Set(o.Reworked, o.Rework), await Search("空调"));
        Assert.Equal(Set(o.Cancelled), await Search("地下车库"));
        Assert.Equal(Set(o.Urgent), await Search("电梯厅"));
        Assert.Equal(of1201, await Search("1201"));
        Assert.Equal(of1202, await Search("1栋-1202"));
        // Search and filter together.
        Assert.Equal(Set(o.Registered), await Search("13800138000", RepairFilter.ToDispatch));
        Assert.Equal(Set(o.Reworked), await Search("空调", RepairFilter.AwaitingCallback));
        Assert.Empty(await Search("没有这个"));
    }
}
