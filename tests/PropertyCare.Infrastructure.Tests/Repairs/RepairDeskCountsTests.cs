using PropertyCare.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The counters of the desk's 工作台: what waits for dispatch, what is in progress, what is late —
/// the same orders the repair list shows behind each counter, inside the current project only.</summary>
[Collection(RepairsCollection.Name)]
public class RepairDeskCountsTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Desk_counts_match_the_list_filters_and_stay_inside_the_project()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var (unitB, _) = await w.AddUnitAsync(w.B, "0801", "王五", "13900139000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var desk = w.Desk(w.A);
        var (waiting, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "还没派工"), []);
        var (working, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "已派工"), []);
        await desk.DispatchAsync(working, (await w.OrderAsync(w.A, working)).Version, tech);
        var (done, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, description: "已完工"), []);
        await w.DispatchAndCompleteAsync(w.A, done, tech);
        await w.Desk(w.B).RegisterAsync(RepairWorld.Intake(unitB, description: "别的项目"), []);
        RepairReports Reports(string role = Roles.ServiceDesk) => w.As(role, w.A).GetRequiredService<RepairReports>();

        Assert.Equal(new RepairDeskCounts(ToDispatch: 1, InProgress: 1, Overdue: 0), await Reports().DeskCountsAsync());

        // Normal requests are due Wednesday 10:00 local; ten minutes later both open ones are late, the completed one not.
        w.Clock.Advance(new DateTimeOffset(2026, 11, 25, 2, 10, 0, TimeSpan.Zero) - w.Clock.Now);
        var late = await Reports(Roles.ProjectManager).DeskCountsAsync();
        Assert.Equal(new RepairDeskCounts(1, 1, 2), late);
        // The counters are the list's totals for the same filters.
        Assert.Equal(late.ToDispatch, (await desk.ListAsync(new RepairListQuery(RepairFilter.ToDispatch), 1, 10)).Total);
        Assert.Equal(late.InProgress, (await desk.ListAsync(new RepairListQuery(RepairFilter.InProgress), 1, 10)).Total);
        Assert.Equal(late.Overdue, (await desk.ListAsync(new RepairListQuery(OverdueOnly: true), 1, 10)).Total);

        Assert.Equal(new RepairDeskCounts(1, 0, 1), await w.As(Roles.ServiceDesk, w.B).GetRequiredService<RepairReports>().DeskCountsAsync());
    }

    [Fact]
    public async Task Desk_counts_need_repairs_read()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            w.As(Roles.Technician, w.A, "u-tech", "技工").GetRequiredService<RepairReports>().DeskCountsAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            w.As(Roles.Owner, w.A, "u-owner-1", "业主", 1).GetRequiredService<RepairReports>().DeskCountsAsync());
    }
}
