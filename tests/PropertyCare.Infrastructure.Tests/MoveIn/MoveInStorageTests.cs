using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>The move-in and vacant-unit records on the real databases: the JSON lists come back as they were stored,
/// a change inside a list is saved and kept in history, and the unique indexes refuse a double booking, a second
/// task for the same unit and cycle and a second custody of the same keys — below the services.</summary>
public class MoveInStorageTests : IDisposable
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase Db => _database ??= new(Provider);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private (DeliveryBatch Batch, DeliverySlot Slot, Unit Unit, Owner Owner) Batch()
    {
        var (_, unit, owner) = Db.SeedOwner(Db.A1);
        using var ctx = Db.Db(Db.Tenant(Db.A1));
        var batch = DeliveryBatch.Plan("一期交付", "翠湖置业", "李经理", "13900139000", new(2026, 12, 1), new(2026, 12, 31), [unit.Id]);
        ctx.DeliveryBatches.Add(batch);
        ctx.SaveChanges();
        batch.Start();
        var slot = DeliverySlot.Open(batch, new(2026, 12, 5), new(9, 0), new(11, 0), 2);
        ctx.DeliverySlots.Add(slot);
        ctx.SaveChanges();
        return (batch, slot, unit, owner);
    }

    [Fact]
    public void An_inspection_comes_back_with_its_lines_defects_and_meters_and_a_change_inside_a_list_is_saved_with_history()
    {
        var (batch, _, unit, owner) = Batch();
        int id;
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            var i = DeliveryInspection.Start(batch.Id, unit.Id, owner.Id, null, ["客厅", "厨房"], ["墙面", "地面"]);
            i.ReadMeters(new MeterReadings(12.5m, 300m, null));
            ctx.DeliveryInspections.Add(i);
            ctx.SaveChanges();
            id = i.Id;
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            var i = ctx.DeliveryInspections.Single(x => x.Id == id);
            Assert.Equal(4, i.Lines.Count);
            Assert.Equal(new MeterReadings(12.5m, 300m, null), i.Meters);
            i.Record("厨房", "墙面", CheckResult.Failed, "瓷砖空鼓");
            ctx.SaveChanges();
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            var i = ctx.DeliveryInspections.AsNoTracking().Single(x => x.Id == id);
            Assert.Equal(CheckResult.Failed, i.Lines.Single(l => l.Room == "厨房" && l.Item == "墙面").Result);
            var d = Assert.Single(i.Defects);
            Assert.Equal(("厨房", "墙面", "瓷砖空鼓"), (d.Room, d.Item, d.Description));
            var update = ctx.ChangeRecords.AsNoTracking().Where(r => r.EntityType == nameof(DeliveryInspection) && r.EntityId == id)
                .OrderBy(r => r.Id).ToList().Last();
            Assert.Equal(ChangeAction.Updated, update.Action);
            var defects = Assert.Single(update.Changes, c => c.Field == nameof(DeliveryInspection.Defects));
            Assert.Equal("[]", defects.Old);
            Assert.Contains("瓷砖空鼓", defects.New); // readable Chinese, not \u escapes
            Assert.Contains(update.Changes, c => c.Field == nameof(DeliveryInspection.Lines));
            Assert.Equal((nameof(DeliveryBatch), batch.Id), (update.ParentType, update.ParentId!.Value));
        }
    }

    [Fact]
    public void The_database_refuses_a_second_active_appointment_for_a_unit_but_not_after_the_first_is_cancelled()
    {
        var (batch, slot, unit, owner) = Batch();
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            ctx.DeliveryAppointments.Add(AppointmentRules.Book(batch, slot, unit.Id, owner.Id, 0, [], now, Shanghai));
            ctx.SaveChanges();
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            // A second desk that did not see the first booking: the service's check is bypassed, the index is not.
            ctx.DeliveryAppointments.Add(AppointmentRules.Book(batch, slot, unit.Id, owner.Id, 1, [], now, Shanghai));
            Assert.Throws<DbUpdateException>(() => ctx.SaveChanges());
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            ctx.DeliveryAppointments.Single().Cancel("业主出差");
            ctx.SaveChanges();
            ctx.DeliveryAppointments.Add(AppointmentRules.Book(batch, slot, unit.Id, owner.Id, 0, [], now, Shanghai));
            ctx.SaveChanges();
            Assert.Equal(2, ctx.DeliveryAppointments.Count());
        }
    }

    [Fact]
    public void The_database_refuses_a_second_task_for_the_same_unit_and_cycle_and_a_second_active_custody()
    {
        var (_, unit, owner) = Db.SeedOwner(Db.A1);
        var cycle = InspectionCycle.At(InspectionFrequency.Monthly, new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc), Shanghai);
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            ctx.VacantInspectionTasks.Add(VacantInspectionTask.Create(new(unit.Id, "staff-1"), cycle));
            ctx.SaveChanges();
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            ctx.VacantInspectionTasks.Add(VacantInspectionTask.Create(new(unit.Id, "staff-2"), cycle));
            Assert.Throws<DbUpdateException>(() => ctx.SaveChanges());
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            ctx.VacantInspectionTasks.Add(VacantInspectionTask.Create(new(unit.Id, "staff-2"), cycle.Next(Shanghai)));
            ctx.SaveChanges();
            var first = KeyCustody.Accept(unit.Id, owner.Id, 1, new(2026, 11, 1), "入户门钥匙 2 把");
            ctx.KeyCustodies.Add(first);
            ctx.SaveChanges();
            first.ReturnToOwner();
            ctx.SaveChanges();
            ctx.KeyCustodies.Add(KeyCustody.Accept(unit.Id, owner.Id, 1, new(2026, 11, 20), "入户门钥匙 1 把"));
            ctx.SaveChanges();
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            ctx.KeyCustodies.Add(KeyCustody.Accept(unit.Id, owner.Id, 1, new(2026, 11, 21), "入户门钥匙 1 把"));
            Assert.Throws<DbUpdateException>(() => ctx.SaveChanges());
        }
    }

    [Fact]
    public void A_key_loan_kept_in_json_comes_back_as_the_current_loan_and_another_project_sees_no_custody()
    {
        var (_, unit, owner) = Db.SeedOwner(Db.A1);
        var now = new DateTime(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            var c = KeyCustody.Accept(unit.Id, owner.Id, 1, new(2026, 11, 1), "入户门钥匙 2 把");
            c.Lend("王师傅", "检修水管", now, now.AddDays(1), "客服小李");
            ctx.KeyCustodies.Add(c);
            ctx.SaveChanges();
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A1)))
        {
            var c = ctx.KeyCustodies.Single();
            Assert.Equal(("王师傅", now.AddDays(1)), (c.CurrentLoan!.Borrower, c.CurrentLoan.ExpectedReturnAt));
            Assert.True(c.IsOverdue(now.AddDays(1).AddTicks(1)));
        }
        using (var ctx = Db.Db(Db.Tenant(Db.A2)))
            Assert.Empty(ctx.KeyCustodies.ToList());
    }

    public void Dispose() => _database?.Dispose();
}
