using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The repair list is ordered by the database, newest first by default or by deadline, and paging keeps
/// that order across pages.</summary>
[Collection(RepairsCollection.Name)]
public class RepairListSortTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_list_sorts_by_registration_or_deadline_across_pages()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var desk = w.Desk(w.A);
        var (first, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "先登记，一般"), []);
        var (urgent, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, urgency: RepairUrgency.Urgent, description: "紧急，当天"), []);
        w.Clock.Advance(TimeSpan.FromDays(1));
        var (last, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "后登记，一般"), []);

        async Task<int[]> Ids(RepairSort sort)
        {
            // Two pages of two: the order must hold across the page boundary.
            var p1 = await desk.ListAsync(new RepairListQuery(Sort: sort), 1, 2);
            var p2 = await desk.ListAsync(new RepairListQuery(Sort: sort), 2, 2);
            return [.. p1.Items.Concat(p2.Items).Select(r => r.Id)];
        }

        Assert.Equal([last, urgent, first], await Ids(RepairSort.Newest));
        Assert.Equal([first, urgent, last], await Ids(RepairSort.Oldest));
        // The urgent one is due the same day; the later normal one is due a working day after the first.
        Assert.Equal([urgent, first, last], await Ids(RepairSort.DueFirst));
        Assert.Equal([last, first, urgent], await Ids(RepairSort.DueLast));
        Assert.Equal([last, urgent, first], (await desk.ListAsync(new RepairListQuery(), 1, 10)).Items.Select(r => r.Id).ToArray());
    }
}
