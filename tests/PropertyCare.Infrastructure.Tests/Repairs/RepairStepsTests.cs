using PropertyCare.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The detail page's timeline comes from the order's history: who received, dispatched (to whom),
/// reassigned and accepted — readable by the same people as the order.</summary>
[Collection(RepairsCollection.Name)]
public class RepairStepsTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Steps_follow_the_history_and_only_the_orders_readers_see_them()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var zhang = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var li = await w.AddUserAsync(w.A, Roles.Technician, "lisf", "李师傅");
        var desk = w.Desk(w.A);
        var (id, _) = await desk.RegisterAsync(RepairWorld.Intake(unit), []);
        await desk.DispatchAsync(id, (await w.OrderAsync(w.A, id)).Version, zhang);
        await desk.DispatchAsync(id, (await w.OrderAsync(w.A, id)).Version, li);
        await w.Tech(w.A, li).AcceptAsync(id, (await w.OrderAsync(w.A, id)).Version);

        var steps = await desk.StepsAsync(id);

        Assert.Equal(
            [(RepairStepKind.Received, (RepairStatus?)RepairStatus.Registered, "客服小李", (string?)null),
             (RepairStepKind.StatusChanged, RepairStatus.Dispatched, "客服小李", "张师傅"),
             (RepairStepKind.Reassigned, null, "客服小李", "李师傅"),
             (RepairStepKind.StatusChanged, RepairStatus.Accepted, "技工", null)],
            steps.Select(s => (s.Kind, s.Status, s.Who, s.Technician)).ToList());
        // The assigned technician reads them; the technician it was taken from, and another project, do not.
        RepairService AsTechnician(string userId) => w.As(Roles.Technician, w.A, userId, "技工").GetRequiredService<RepairService>();
        Assert.Equal(4, (await AsTechnician(li).StepsAsync(id)).Count);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => AsTechnician(zhang).StepsAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Desk(w.B).StepsAsync(id));
    }
}
