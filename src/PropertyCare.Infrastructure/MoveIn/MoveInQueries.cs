using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>Reads the move-in services share: unit names, the owner of a unit, a batch by id (tenant-filtered, so
/// another project's record is simply not found).</summary>
internal static class MoveInQueries
{
    public static async Task<Dictionary<int, UnitOption>> UnitsAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        (await (from u in db.Units.AsNoTracking()
                join b in db.Buildings.AsNoTracking() on u.BuildingId equals b.Id
                where unitIds.Contains(u.Id)
                select new { u.Id, u.BuildingId, b.Name, u.Entrance, u.Room, u.State }).ToListAsync(ct))
        .ToDictionary(x => x.Id, x => new UnitOption(x.Id, x.BuildingId, Address(x.Name, x.Entrance, x.Room), x.State));

    public static string Address(string building, string entrance, string room) =>
        string.IsNullOrEmpty(entrance) ? $"{building}-{room}" : $"{building}-{entrance}单元-{room}";

    /// <summary>The primary owner of each unit (or the first recorded one when none is marked primary).</summary>
    public static async Task<Dictionary<int, (int Id, string Name, string Phone)>> OwnersAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        (await (from o in db.UnitOwnerships.AsNoTracking()
                join w in db.Owners.AsNoTracking() on o.OwnerId equals w.Id
                where unitIds.Contains(o.UnitId)
                select new { o.UnitId, o.IsPrimary, o.Id, OwnerId = w.Id, w.Name, w.Phone }).ToListAsync(ct))
        .GroupBy(x => x.UnitId)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.IsPrimary).ThenBy(x => x.Id).Select(x => (x.OwnerId, x.Name, x.Phone)).First());

    public static async Task<DeliveryBatch> BatchAsync(AppDbContext db, int batchId, CancellationToken ct, bool track = false) =>
        await (track ? db.DeliveryBatches : db.DeliveryBatches.AsNoTracking()).FirstOrDefaultAsync(b => b.Id == batchId, ct)
        ?? throw new RecordNotFoundException();

    public static void Expect(IVersioned record, int expectedVersion)
    {
        if (record.Version != expectedVersion) throw new ConcurrencyConflictException();
    }
}
