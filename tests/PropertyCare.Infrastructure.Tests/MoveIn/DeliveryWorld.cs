using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>The repair world plus what a delivery needs: a batch 交付中 built with the domain and saved directly (the
/// batch service is another part of the issue), units not yet delivered, and the move-in services as each role.</summary>
internal static class DeliveryWorld
{
    public static async Task<(int BatchId, int UnitId, int OwnerId)> BatchWithUnitAsync(this RepairWorld w, Project p, string room = "1201",
        string owner = "张伟", string phone = "13800138000")
    {
        var (unitId, ownerId) = await w.AddUnitAsync(p, room, owner, phone);
        await using var db = w.Db(p);
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        unit.State = UnitState.NotDelivered;
        var batch = DeliveryBatch.Plan($"交付批次{room}", "翠湖置业", "李经理", "13900139000", new(2026, 11, 20), new(2026, 12, 31), [unitId]);
        db.DeliveryBatches.Add(batch);
        await db.SaveChangesAsync();
        batch.Start();
        await db.SaveChangesAsync();
        return (batch.Id, unitId, ownerId);
    }

    public static DeliveryInspectionService Inspections(this RepairWorld w, Project p, string role = Roles.ServiceDesk, int? ownerId = null) =>
        w.As(role, p, ownerId != null ? $"u-owner-{ownerId}" : "u-desk", "客服小李", ownerId).GetRequiredService<DeliveryInspectionService>();

    public static MoveInProcedureService Procedures(this RepairWorld w, Project p, string role = Roles.ServiceDesk, int? ownerId = null) =>
        w.As(role, p, ownerId != null ? $"u-owner-{ownerId}" : "u-desk", "客服小李", ownerId).GetRequiredService<MoveInProcedureService>();

    public static PortalDeliveryService PortalDelivery(this RepairWorld w, Project p, int ownerId) =>
        w.As(Roles.Owner, p, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<PortalDeliveryService>();

    /// <summary>A small form (2 rooms × 2 items) filled: every line passed except the given failures, meters read.</summary>
    public static async Task<int> FillAsync(this DeliveryInspectionService s, int id, params (string Room, string Item, string Note)[] failures)
    {
        var d = await s.GetAsync(id);
        var v = d.Version;
        foreach (var l in d.Lines)
        {
            var f = failures.FirstOrDefault(x => x.Room == l.Room && x.Item == l.Item);
            v = await s.RecordAsync(id, v, l.Room, l.Item, f.Note != null ? CheckResult.Failed : CheckResult.Passed, f.Note);
        }
        return await s.ReadMetersAsync(id, v, new MeterReadings(12.5m, 300m, 8m));
    }

    public static readonly string[] Rooms = ["客厅", "厨房"];
    public static readonly string[] Items = ["墙面", "给排水"];

    /// <summary>Started, filled with the failures, signed on the tablet; returns the id and version ready to complete.</summary>
    public static async Task<(int Id, int Version)> SignedAsync(this DeliveryInspectionService s, int batchId, int unitId, params (string Room, string Item, string Note)[] failures)
    {
        var id = await s.StartAsync(batchId, unitId, Rooms, Items);
        var v = await s.FillAsync(id, failures);
        v = await s.SignOnTabletAsync(id, v, RepairWorld.Png);
        return (id, v);
    }

    public static async Task<List<RepairOrder>> OrdersAsync(this RepairWorld w, Project p)
    {
        await using var db = w.Db(p);
        return await db.RepairOrders.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }
}
