using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>Reads shared by the inspection, the procedure and the portal: the unit's address and owner, the defects'
/// repair orders, the owner file. Every query runs inside the caller's project (the data layer filters it).</summary>
internal static class DeliveryQueries
{
    public static async Task<string> AddressAsync(AppDbContext db, int unitId, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new UnitAddress(u.Id, u.Building!.Name, u.Entrance, u.Room)).FirstOrDefaultAsync(ct))
        ?.ToString() ?? throw new RecordNotFoundException();

    public static async Task<Dictionary<int, string>> AddressesAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new UnitAddress(u.Id, u.Building!.Name, u.Entrance, u.Room)).ToListAsync(ct))
        .ToDictionary(a => a.UnitId, a => a.ToString());

    /// <summary>The unit's primary owner (the one the desk calls), or its first owner.</summary>
    public static Task<int?> PrimaryOwnerAsync(AppDbContext db, int unitId, CancellationToken ct) =>
        db.UnitOwnerships.AsNoTracking().Where(x => x.UnitId == unitId).OrderByDescending(x => x.IsPrimary).ThenBy(x => x.Id)
            .Select(x => (int?)x.OwnerId).FirstOrDefaultAsync(ct);

    public static async Task<(string Name, string PhoneMasked)> OwnerAsync(AppDbContext db, int ownerId, CancellationToken ct)
    {
        var o = await db.Owners.AsNoTracking().Where(x => x.Id == ownerId).Select(x => new { x.Name, x.Phone }).FirstOrDefaultAsync(ct);
        return o == null ? ("（已删除）", "") : (o.Name, ContactRules.MaskPhone(o.Phone));
    }

    public static async Task<List<DeliveryDefectView>> DefectsAsync(AppDbContext db, IReadOnlyList<DeliveryDefect> defects, CancellationToken ct)
    {
        var ids = defects.Where(d => d.RepairOrderId != null).Select(d => d.RepairOrderId!.Value).ToList();
        var orders = await db.RepairOrders.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Number, o.Status }).ToDictionaryAsync(o => o.Id, ct);
        return defects.Select(d => d.RepairOrderId is { } id && orders.TryGetValue(id, out var o)
            ? new DeliveryDefectView(d.Room, d.Item, d.Description, id, o.Number, o.Status)
            : new DeliveryDefectView(d.Room, d.Item, d.Description, d.RepairOrderId, null, null)).ToList();
    }

    /// <summary>Reads the owner file through the existing owner records; it never writes them (OwnerService does).</summary>
    public static async Task<OwnerFileStatus> OwnerFileAsync(AppDbContext db, int ownerId, int unitId, CancellationToken ct)
    {
        var o = await db.Owners.AsNoTracking().Where(x => x.Id == ownerId).Select(x => new { x.Name, x.IdNumber, x.Phone, x.Version }).FirstOrDefaultAsync(ct);
        if (o == null) return new OwnerFileStatus(ownerId, "（已删除）", false, false, false, false, 0);
        var owns = await db.UnitOwnerships.AnyAsync(x => x.OwnerId == ownerId && x.UnitId == unitId, ct);
        return new OwnerFileStatus(ownerId, o.Name, !string.IsNullOrWhiteSpace(o.Name), !string.IsNullOrWhiteSpace(o.IdNumber),
            !string.IsNullOrWhiteSpace(o.Phone), owns, o.Version);
    }

    /// <summary>The batch, which must contain the unit; anything else is "not found" (another project's batch included).</summary>
    public static async Task<DeliveryBatch> BatchWithUnitAsync(AppDbContext db, int batchId, int unitId, CancellationToken ct)
    {
        var batch = await db.DeliveryBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new RecordNotFoundException();
        if (!batch.Contains(unitId) || !await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new RecordNotFoundException();
        return batch;
    }
}
