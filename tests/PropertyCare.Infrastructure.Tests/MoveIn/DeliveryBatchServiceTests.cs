using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>交付批次 through the service: picking units by range, one open batch per unit, start and close, the progress
/// figures against a hand-counted fixture and the per-unit table.</summary>
[Collection(RepairsCollection.Name)]
public class DeliveryBatchServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Units_are_picked_by_building_entrance_and_room_range_and_only_if_not_yet_delivered()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        foreach (var room in new[] { "801", "901", "1001", "1101", "1201" }) await w.AddUnitAsync(w.A, room);
        await w.AddUnitAsync(w.A, "1002", entrance: "2");
        await w.AddUnitAsync(w.A, "1001", building: "2栋");
        await using (var db = w.Db(w.A))
        {
            var u = await db.Units.SingleAsync(x => x.Room == "1101");
            u.Deliver(Domain.Owners.UnitState.Vacant);
            await db.SaveChangesAsync();
        }
        var batches = w.Batches(w.A);
        var building = (await batches.BuildingsAsync()).Single(b => b.Name == "1栋");

        var picked = await batches.PickUnitsAsync(building.Id, "1", "901", "1201");

        // 901 ≤ room ≤ 1201 as numbers (a text comparison would drop 901 and keep nothing sensible); 1101 is delivered.
        Assert.Equal(["1栋-1单元-901", "1栋-1单元-1001", "1栋-1单元-1201"], picked.Select(p => p.Address));
        Assert.Equal(2, (await batches.PickUnitsAsync(building.Id, null, "1001", "1002")).Count);
    }

    [Fact]
    public async Task A_unit_is_in_at_most_one_open_batch_and_the_refusal_names_it_until_the_batch_is_closed()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var (u2, _) = await w.AddUnitAsync(w.A, "1202", "李娜");
        var (u3, _) = await w.AddUnitAsync(w.A, "1203", "王强");
        var batches = w.Batches(w.A);
        var first = await batches.PlanAsync(MoveInWorld.Draft("一期"), [u1, u2]);

        var e = await Assert.ThrowsAsync<DomainException>(() => batches.PlanAsync(MoveInWorld.Draft("二期"), [u2, u3]));
        Assert.Contains("1栋-1单元-1202（一期）", e.Text.Zh);
        Assert.DoesNotContain("1203", e.Text.Zh);
        Assert.Single(await batches.ListAsync());

        await batches.StartAsync(first, (await batches.GetAsync(first)).Version);
        await Assert.ThrowsAsync<DomainException>(() => batches.PlanAsync(MoveInWorld.Draft("二期"), [u2, u3]));
        await batches.CloseAsync(first, (await batches.GetAsync(first)).Version);
        var second = await batches.PlanAsync(MoveInWorld.Draft("二期"), [u2, u3]);

        var list = await batches.ListAsync();
        Assert.Equal([(first, BatchStatus.Closed), (second, BatchStatus.Planned)], list.OrderBy(b => b.Id).Select(b => (b.Id, b.Status)));
    }

    [Fact]
    public async Task Bad_input_changes_nothing_and_a_stale_version_is_refused()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var (other, _) = await w.AddUnitAsync(w.B, "1201");
        var batches = w.Batches(w.A);

        var v = await Assert.ThrowsAsync<ValidationException>(() => batches.PlanAsync(MoveInWorld.Draft() with { DeveloperPhone = "12" }, [u1]));
        Assert.Contains(v.Errors, x => x.Field == nameof(DeliveryBatch.DeveloperPhone));
        // A unit of another project is not a unit of this one.
        await Assert.ThrowsAsync<ValidationException>(() => batches.PlanAsync(MoveInWorld.Draft(), [u1, other]));
        Assert.Empty(await batches.ListAsync());

        var id = await batches.PlanAsync(MoveInWorld.Draft(), [u1]);
        var version = (await batches.GetAsync(id)).Version;
        await batches.StartAsync(id, version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => batches.CloseAsync(id, version));
        await Assert.ThrowsAsync<IllegalStepException>(() => batches.StartAsync(id, version + 1));
    }

    [Fact]
    public async Task Progress_and_the_unit_table_match_a_hand_counted_batch()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        // Six units: 1201 delivered (it had an appointment: counts once, as delivered), 1202 and 1203 appointed,
        // 1204 appointed then cancelled (not yet), 1205 and 1206 nothing (not yet). 1206 has no owner on file.
        var units = new List<(int Unit, int Owner)>();
        foreach (var (room, owner) in new[] { ("1201", "张伟"), ("1202", "李娜"), ("1203", "王强"), ("1204", "赵敏"), ("1205", "钱多"), ("1206", (string?)null) })
            units.Add(await w.AddUnitAsync(w.A, room, owner));
        var (outside, _) = await w.AddUnitAsync(w.A, "1301", "外人");
        var batch = await w.StartedBatchAsync(w.A, [.. units.Select(u => u.Unit)]);
        var otherBatch = await w.StartedBatchAsync(w.A, outside);
        var slot = await w.SlotAsync(w.A, batch, capacity: 10);
        var desk = w.Appointments(w.A);
        var a1 = await desk.BookAsync(slot, units[0].Unit);
        await desk.BookAsync(slot, units[1].Unit);
        await desk.BookAsync(slot, units[2].Unit);
        var a4 = await desk.BookAsync(slot, units[3].Unit);
        await desk.CancelAsync(a4, (await w.AppointmentAsync(w.A, a4)).Version, "业主出差");
        await desk.BookAsync(await w.SlotAsync(w.A, otherBatch), outside); // another batch: ignored
        await desk.AttendAsync(a1, (await w.AppointmentAsync(w.A, a1)).Version);
        await w.DeliverAsync(w.A, batch, units[0].Unit, units[0].Owner);
        // Take-over defects: three in this batch (one closed), one in the other batch.
        var takeOver = w.TakeOver(w.A);
        var inspection = await takeOver.StartAsync(batch, null, "地下车库", MoveInWorld.Day1);
        var d1 = await takeOver.AddDefectAsync(inspection, "消防设施", "喷淋头缺失", "B1-12", []);
        await takeOver.AddDefectAsync(inspection, "门窗", "防火门闭门器损坏", null, []);
        await takeOver.AddDefectAsync(inspection, "电梯", "轿厢划伤", null, []);
        await takeOver.PromiseAsync(d1, (await takeOver.DefectAsync(d1)).Version, MoveInWorld.Day1);
        await takeOver.MarkRectifiedAsync(d1, (await takeOver.DefectAsync(d1)).Version);
        await takeOver.CloseDefectAsync(d1, (await takeOver.DefectAsync(d1)).Version, "工程部老王");
        var elsewhere = await takeOver.StartAsync(otherBatch, null, "会所", MoveInWorld.Day1);
        await takeOver.AddDefectAsync(elsewhere, "电梯", "按钮失灵", null, []);

        var batches = w.Batches(w.A, Roles.HqAuditor); // HQ reads
        Assert.Equal(new BatchProgress(6, 1, 2, 3, 2, 1), await batches.ProgressAsync(batch));
        Assert.Equal(new BatchProgress(6, 1, 2, 3, 2, 1), (await batches.GetAsync(batch)).Progress);

        var all = await batches.UnitsAsync(batch, BatchUnitFilter.All, null, 1, 4);
        Assert.Equal(6, all.Total);
        Assert.Equal(["1栋-1单元-1201", "1栋-1单元-1202", "1栋-1单元-1203", "1栋-1单元-1204"], all.Items.Select(r => r.Address));
        var first = all.Items[0];
        Assert.Equal(("张伟", AppointmentStatus.Attended, MoveInWorld.Day1, InspectionStatus.Completed, ProcedureStatus.Completed),
            (first.OwnerName, first.AppointmentStatus!.Value, first.SlotDay!.Value, first.InspectionStatus!.Value, first.ProcedureStatus!.Value));
        Assert.Null(all.Items[3].AppointmentId); // cancelled: free again
        Assert.Equal(2, (await batches.UnitsAsync(batch, BatchUnitFilter.All, null, 2, 4)).Items.Count);
        Assert.Equal(["1202", "1203"], (await batches.UnitsAsync(batch, BatchUnitFilter.Appointed, null, 1, 50)).Items.Select(r => r.Address[^4..]));
        Assert.Equal(["1204", "1205", "1206"], (await batches.UnitsAsync(batch, BatchUnitFilter.NotAppointed, null, 1, 50)).Items.Select(r => r.Address[^4..]));
        Assert.Equal(["1201"], (await batches.UnitsAsync(batch, BatchUnitFilter.Delivered, null, 1, 50)).Items.Select(r => r.Address[^4..]));
        Assert.Equal(["1203"], (await batches.UnitsAsync(batch, BatchUnitFilter.All, "王强", 1, 50)).Items.Select(r => r.Address[^4..]));
        Assert.Null((await batches.UnitsAsync(batch, BatchUnitFilter.All, "1206", 1, 50)).Items.Single().OwnerName);
    }

    [Fact]
    public void Unit_addresses_are_ordered_as_people_read_them()
    {
        string[] addresses = ["10栋-1单元-101", "3栋-2单元-1721", "3栋-2单元-922", "3栋-1单元-1721", "9栋-101", "3栋-2单元-0923"];
        Assert.Equal(["3栋-1单元-1721", "3栋-2单元-922", "3栋-2单元-0923", "3栋-2单元-1721", "9栋-101", "10栋-1单元-101"],
            addresses.Order(NaturalOrder.Instance));
    }
}
