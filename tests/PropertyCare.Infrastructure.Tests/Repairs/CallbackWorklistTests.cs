using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The callback worklist (回访工作台) against three orders with known due days: which bucket each callback
/// is in, the order the desk works through them, paging, and the call sheet.</summary>
[Collection(RepairsCollection.Name)]
public class CallbackWorklistTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private sealed record Setup(RepairWorld W, int O1, int O2, int O3);

    /// <summary>Three orders registered in the order o1, o2, o3; o3 is completed a day before the other two, so
    /// its callback falls due first although its id is the highest (the project calls back one day after completion:
    /// when this returns, o3 is due today and o1, o2 tomorrow).</summary>
    private async Task<Setup> ArrangeAsync()
    {
        var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [])).Item1);
        await w.DispatchAndCompleteAsync(w.A, ids[2], tech);
        w.Clock.Advance(TimeSpan.FromDays(1));
        await w.DispatchAndCompleteAsync(w.A, ids[0], tech);
        await w.DispatchAndCompleteAsync(w.A, ids[1], tech);
        return new Setup(w, ids[0], ids[1], ids[2]);
    }

    private static async Task<List<int>> OrdersIn(Setup s, CallbackBucket bucket) =>
        (await s.W.Callbacks(s.W.A).WorklistAsync(bucket, 1, 20)).Items.Select(r => r.RepairOrderId).ToList();

    private static async Task AnswerAsync(Setup s, int orderId)
    {
        var row = (await s.W.Callbacks(s.W.A).WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items.Single(r => r.RepairOrderId == orderId);
        await s.W.Callbacks(s.W.A).RecordAnswerAsync(row.Id, row.Version, new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Satisfied, null));
    }

    [Fact]
    public async Task Open_callbacks_come_earliest_due_first_then_in_order_of_registration_and_page_without_repeats()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        Assert.Equal([s.O3], await OrdersIn(s, CallbackBucket.DueToday));
        Assert.Equal([s.O1, s.O2], await OrdersIn(s, CallbackBucket.Upcoming));
        s.W.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal([s.O3, s.O1, s.O2], await OrdersIn(s, CallbackBucket.Overdue));

        var second = await s.W.Callbacks(s.W.A).WorklistAsync(CallbackBucket.Overdue, 2, 2);
        Assert.Equal([s.O2], second.Items.Select(r => r.RepairOrderId));
        Assert.Equal((3, 2), (second.Total, second.PageIndex));
        // A page number below 1 (an edited URL) is the first page.
        var first = await s.W.Callbacks(s.W.A).WorklistAsync(CallbackBucket.Overdue, 0, 2);
        Assert.Equal([s.O3, s.O1], first.Items.Select(r => r.RepairOrderId));
        Assert.Equal(1, first.PageIndex);
        // Each row says where: the unit's address, read for the page's units.
        Assert.All(first.Items, r => Assert.Equal("1栋-1单元-1201", r.Location));
    }

    [Fact]
    public async Task Answered_callbacks_are_finished_latest_first_and_never_counted_as_overdue()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        Assert.Equal(new CallbackCounts(1, 0, 0, 2), await s.W.Callbacks(s.W.A).CountsAsync());
        await AnswerAsync(s, s.O3);
        s.W.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([s.O1, s.O2], await OrdersIn(s, CallbackBucket.DueToday));
        await AnswerAsync(s, s.O1);
        s.W.Clock.Advance(TimeSpan.FromHours(1));
        await AnswerAsync(s, s.O2);
        s.W.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal([s.O2, s.O1, s.O3], await OrdersIn(s, CallbackBucket.Finished));
        Assert.Empty(await OrdersIn(s, CallbackBucket.Overdue));
        Assert.Equal(new CallbackCounts(0, 0, 0, 0), await s.W.Callbacks(s.W.A).CountsAsync());
    }

    [Fact]
    public async Task Finished_holds_only_answered_callbacks_and_overdue_only_unanswered_ones()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        await AnswerAsync(s, s.O3);
        s.W.Clock.Advance(TimeSpan.FromDays(5));

        Assert.Equal([s.O3], await OrdersIn(s, CallbackBucket.Finished));
        Assert.Equal([s.O1, s.O2], await OrdersIn(s, CallbackBucket.Overdue));
    }

    [Fact]
    public async Task The_call_sheet_is_the_callbacks_own_order_with_the_full_number_only_for_those_who_call()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        var rows = (await s.W.Callbacks(s.W.A).WorklistAsync(CallbackBucket.Upcoming, 1, 20)).Items;
        var ofO1 = rows.Single(r => r.RepairOrderId == s.O1);

        var sheet = await s.W.Callbacks(s.W.A).SheetAsync(ofO1.Id);
        Assert.Equal((s.O1, (await s.W.OrderAsync(s.W.A, s.O1)).Number), (sheet.Row.RepairOrderId, sheet.Order.Order.Number));
        Assert.Equal("13800138000", sheet.ContactPhone);

        // HQ reads the sheet (auditing) but does not make the call: the number stays masked.
        var hq = s.W.As(Roles.HqAuditor, s.W.A, "u-hq", "总部").GetRequiredService<CallbackService>();
        Assert.Equal("138****8000", (await hq.SheetAsync(ofO1.Id)).ContactPhone);
    }

    [Fact]
    public async Task A_call_recorded_against_an_outdated_sheet_is_refused()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        var row = (await s.W.Callbacks(s.W.A).WorklistAsync(CallbackBucket.Upcoming, 1, 20)).Items[0];
        await s.W.Callbacks(s.W.A).RecordFailedAsync(row.Id, row.Version, CallOutcome.NoAnswer, null);

        // Another desk still has the sheet open with the old version.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => s.W.Callbacks(s.W.A, "u-desk2").RecordFailedAsync(row.Id, row.Version, CallOutcome.NoAnswer, null));
    }
}
