using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>交付验收 through the service on the real databases: completion needs every line, the meters and the
/// signature; each defect becomes one free warranty repair order in the same transaction as the completion.</summary>
[Collection(RepairsCollection.Name)]
public class DeliveryInspectionServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Completion_is_refused_without_lines_meters_and_signature_and_nothing_changes()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, _) = await w.BatchWithUnitAsync(w.A);
        var s = w.Inspections(w.A);
        var id = await s.StartAsync(batch, unit, DeliveryWorld.Rooms, DeliveryWorld.Items);
        var v = await s.RecordAsync(id, (await s.GetAsync(id)).Version, "客厅", "墙面", CheckResult.Failed, "墙面裂缝");

        var e = await Assert.ThrowsAsync<ValidationException>(() => s.CompleteAsync(id, v));
        Assert.Equal(["Lines", "Water", "Power", "SignatureFileId"], e.Errors.Select(x => x.Field).ToArray());
        var after = await s.GetAsync(id);
        Assert.Equal((InspectionStatus.InProgress, v, (DateTime?)null), (after.Status, after.Version, after.CompletedAt));
        Assert.Empty(await w.OrdersAsync(w.A));

        // Lines and meters done, still no signature: refused for that alone.
        v = await s.FillAsync(id, ("客厅", "墙面", "墙面裂缝"));
        e = await Assert.ThrowsAsync<ValidationException>(() => s.CompleteAsync(id, v));
        Assert.Equal("SignatureFileId", Assert.Single(e.Errors).Field);
        Assert.Empty(await w.OrdersAsync(w.A));
    }

    [Fact]
    public async Task Each_defect_becomes_one_free_warranty_repair_order_linked_back_and_in_the_repair_list_and_the_owner_is_told()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, owner) = await w.BatchWithUnitAsync(w.A);
        var s = w.Inspections(w.A);
        var (id, v) = await s.SignedAsync(batch, unit, ("客厅", "墙面", "墙面裂缝约 30cm"), ("厨房", "给排水", "水槽下水慢"));

        var numbers = await s.CompleteAsync(id, v);

        Assert.Equal(2, numbers.Count);
        var orders = await w.OrdersAsync(w.A);
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o =>
        {
            Assert.Equal((unit, owner, FeeKind.Warranty, DefectRepair.Category, RepairStatus.Registered), (o.UnitId, o.OwnerId, o.ExpectedFee, o.Category, o.Status));
            Assert.True(o.DueAt > o.ReceivedAt);
        });
        Assert.Contains("墙面裂缝约 30cm", orders[0].Description);
        var d = await s.GetAsync(id);
        Assert.Equal(InspectionStatus.Completed, d.Status);
        Assert.Equal(orders.Select(o => (int?)o.Id), d.Defects.Select(x => x.RepairOrderId));
        Assert.Equal(numbers, d.Defects.Select(x => x.RepairNumber!));
        Assert.All(d.Defects, x => Assert.Equal(RepairStatus.Registered, x.RepairStatus));

        var list = await w.Desk(w.A).ListAsync(new RepairListQuery(), 1, 20);
        Assert.Equal(numbers.Order(), list.Items.Select(r => r.Number).Order());
        await using var db = w.Db(w.A);
        var sms = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Channel == Channel.Sms);
        Assert.Equal("13800138000", sms.Recipient);
        Assert.Contains("2 项问题已登记为免费保修维修", sms.Body);
        // The completed form is frozen.
        await Assert.ThrowsAsync<IllegalStepException>(() => s.RecordAsync(id, d.Version, "客厅", "墙面", CheckResult.Passed, null));
    }

    [Fact]
    public async Task A_failure_while_registering_the_second_repair_order_stores_nothing()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, _) = await w.BatchWithUnitAsync(w.A);
        var s = w.Inspections(w.A);
        var (id, v) = await s.SignedAsync(batch, unit, ("客厅", "墙面", "墙面裂缝"), ("厨房", "给排水", "水槽下水慢"));
        // The database refuses the second order (after the first was inserted): a failure in the middle.
        await using (var db = w.Db(w.A))
        {
            if (Provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE FUNCTION refuse_sink() RETURNS trigger AS $$ BEGIN
                      IF NEW."Description" LIKE '%水槽%' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER refuse_sink BEFORE INSERT ON "RepairOrders" FOR EACH ROW EXECUTE FUNCTION refuse_sink();
                    """);
            }
            else
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE TRIGGER refuse_sink BEFORE INSERT ON RepairOrders WHEN NEW.Description LIKE '%水槽%'
                    BEGIN SELECT RAISE(ABORT, 'refused'); END;
                    """);
        }

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => s.CompleteAsync(id, v));

        var d = await s.GetAsync(id);
        Assert.Equal((InspectionStatus.InProgress, v), (d.Status, d.Version));
        Assert.All(d.Defects, x => Assert.Null(x.RepairOrderId));
        Assert.Empty(await w.OrdersAsync(w.A));
        await using var check = w.Db(w.A);
        Assert.Empty(await check.OutboxMessages.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task Starting_links_the_units_appointment_and_marks_it_attended_and_a_second_start_is_refused()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batchId, unit, owner) = await w.BatchWithUnitAsync(w.A);
        int appointmentId;
        await using (var db = w.Db(w.A))
        {
            var batch = await db.DeliveryBatches.SingleAsync(b => b.Id == batchId);
            var slot = DeliverySlot.Open(batch, new(2026, 11, 28), new(9, 0), new(11, 0), 5);
            db.DeliverySlots.Add(slot);
            await db.SaveChangesAsync();
            var a = AppointmentRules.Book(batch, slot, unit, owner, 0, [], RepairWorld.Start.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            db.DeliveryAppointments.Add(a);
            await db.SaveChangesAsync();
            appointmentId = a.Id;
        }
        var s = w.Inspections(w.A);
        var id = await s.StartAsync(batchId, unit);
        var d = await s.GetAsync(id);
        Assert.Equal((appointmentId, owner), (d.AppointmentId!.Value, d.OwnerId));
        Assert.Equal(DeliveryInspection.DefaultRooms.Length * DeliveryInspection.DefaultItems.Length, d.Lines.Count);
        await using (var db = w.Db(w.A))
            Assert.Equal(AppointmentStatus.Attended, (await db.DeliveryAppointments.AsNoTracking().SingleAsync()).Status);
        await Assert.ThrowsAsync<DomainException>(() => s.StartAsync(batchId, unit));
    }

    [Fact]
    public async Task A_unit_outside_the_batch_and_a_meter_reading_below_the_previous_one_are_refused_until_confirmed()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, _) = await w.BatchWithUnitAsync(w.A);
        var (_, other, _) = await w.BatchWithUnitAsync(w.A, "1202", "李娜", "13800138001");
        var s = w.Inspections(w.A);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => s.StartAsync(batch, other));

        // An earlier, completed inspection of the same unit in another batch read water 12.5.
        int batch2;
        await using (var db = w.Db(w.A))
        {
            var earlier = DeliveryBatch.Plan("前期交付", "翠湖置业", "李经理", "13900139000", new(2026, 11, 1), new(2026, 11, 30), [unit]);
            db.DeliveryBatches.Add(earlier);
            await db.SaveChangesAsync();
            batch2 = earlier.Id;
            earlier.Start();
            await db.SaveChangesAsync();
        }
        var (first, v1) = await s.SignedAsync(batch2, unit);
        await s.CompleteAsync(first, v1);

        var id = await s.StartAsync(batch, unit, DeliveryWorld.Rooms, DeliveryWorld.Items);
        var v = (await s.GetAsync(id)).Version;
        var e = await Assert.ThrowsAsync<ValidationException>(() => s.ReadMetersAsync(id, v, new MeterReadings(10m, 300m, null)));
        Assert.Equal("Water", Assert.Single(e.Errors).Field);
        Assert.Equal(new MeterReadings(null, null, null), (await s.GetAsync(id)).Meters);
        await s.ReadMetersAsync(id, v, new MeterReadings(10m, 300m, null), confirmWentBack: true);
        Assert.Equal(10m, (await s.GetAsync(id)).Meters.Water);
    }

    [Fact]
    public async Task A_stale_version_is_refused()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, _) = await w.BatchWithUnitAsync(w.A);
        var s = w.Inspections(w.A);
        var id = await s.StartAsync(batch, unit, DeliveryWorld.Rooms, DeliveryWorld.Items);
        var v = (await s.GetAsync(id)).Version;
        await s.RecordAsync(id, v, "客厅", "墙面", CheckResult.Passed, null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => s.RecordAsync(id, v, "客厅", "地面", CheckResult.Passed, null));
    }
}
