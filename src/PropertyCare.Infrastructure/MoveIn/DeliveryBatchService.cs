using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>交付批次: plan (units picked by building, entrance and room range), start, close, and the progress screen
/// (counted from the appointments, procedures and take-over defects — never kept by hand). Reading needs MoveInRead,
/// every change MoveInWrite; the data layer keeps it inside the current project.</summary>
public sealed class DeliveryBatchService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public const int MaxPageSize = 100;

    public async Task<List<BatchRow>> ListAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batches = await db.DeliveryBatches.AsNoTracking().OrderByDescending(b => b.StartsOn).ThenByDescending(b => b.Id).ToListAsync(ct);
        return [.. batches.Select(b => new BatchRow(b.Id, b.Name, b.Developer, b.StartsOn, b.EndsOn, b.Status, b.UnitIds.Count, b.Version))];
    }

    public async Task<List<BuildingOption>> BuildingsAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Buildings.AsNoTracking().OrderBy(b => b.Name).Select(b => new BuildingOption(b.Id, b.Name)).ToListAsync(ct);
    }

    /// <summary>The units not yet delivered (未交付) of a building, optionally one entrance and a room range (both ends
    /// included; rooms compared as numbers when both are numbers, "0901" ≤ "1201"): what the planner ticks.</summary>
    public async Task<List<UnitOption>> PickUnitsAsync(int buildingId, string? entrance, string? roomFrom, string? roomTo, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Buildings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == buildingId, ct) ?? throw new RecordNotFoundException();
        var q = db.Units.AsNoTracking().Where(u => u.BuildingId == buildingId && u.State == UnitState.NotDelivered);
        if (!string.IsNullOrWhiteSpace(entrance)) q = q.Where(u => u.Entrance == entrance.Trim());
        var units = await q.ToListAsync(ct);
        return [.. units.Where(u => InRange(u.Room, roomFrom, roomTo))
            .OrderBy(u => u.Entrance, NaturalOrder.Instance).ThenBy(u => u.Room, NaturalOrder.Instance)
            .Select(u => new UnitOption(u.Id, u.BuildingId, MoveInQueries.Address(b.Name, u.Entrance, u.Room), u.State))];
    }

    private static bool InRange(string room, string? from, string? to) =>
        (string.IsNullOrWhiteSpace(from) || CompareRooms(room, from.Trim()) >= 0) && (string.IsNullOrWhiteSpace(to) || CompareRooms(room, to.Trim()) <= 0);

    private static int CompareRooms(string a, string b) =>
        int.TryParse(a, out var x) && int.TryParse(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b);

    /// <summary>筹备 a batch. Every unit must exist in this project and be in no other open (not closed) batch — the
    /// refusal names the units and their batch.</summary>
    public async Task<int> PlanAsync(BatchDraft draft, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var batch = DeliveryBatch.Plan(draft.Name, draft.Developer, draft.DeveloperContact, draft.DeveloperPhone, draft.StartsOn, draft.EndsOn, unitIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await MoveInQueries.UnitsAsync(db, batch.UnitIds, ct);
        if (units.Count != batch.UnitIds.Count)
            throw new ValidationException([new(nameof(DeliveryBatch.UnitIds), new("所选房屋不存在或不属于本项目", "A chosen unit does not exist in this project"))]);
        await RefuseUnitsInOtherOpenBatchesAsync(db, batch.UnitIds, exceptBatchId: null, units, ct);
        db.DeliveryBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return batch.Id;
    }

    private static async Task RefuseUnitsInOtherOpenBatchesAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, int? exceptBatchId,
        Dictionary<int, UnitOption> names, CancellationToken ct)
    {
        // The unit lists are JSON columns, so the overlap is found here rather than in SQL; open batches are few.
        var open = await db.DeliveryBatches.AsNoTracking().Where(b => b.Status != BatchStatus.Closed && b.Id != exceptBatchId).ToListAsync(ct);
        var clashes = open.SelectMany(b => b.UnitIds.Where(unitIds.Contains).Select(u => (Unit: u, Batch: b.Name))).OrderBy(x => x.Unit).ToList();
        if (clashes.Count == 0) return;
        var list = string.Join("、", clashes.Take(20).Select(c => $"{names.GetValueOrDefault(c.Unit)?.Address ?? c.Unit.ToString()}（{c.Batch}）"));
        var more = clashes.Count > 20 ? $" … +{clashes.Count - 20}" : "";
        throw new DomainException(new($"以下房屋已在未结束的交付批次中：{list}{more}", $"These units are already in an open delivery batch: {list}{more}"));
    }

    /// <summary>交付中: appointments can be taken from now on.</summary>
    public async Task StartAsync(int batchId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await MoveInQueries.BatchAsync(db, batchId, ct, track: true);
        MoveInQueries.Expect(batch, expectedVersion);
        batch.Start();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>已结束: its units may then be planned in another batch (units not delivered in this one).</summary>
    public async Task CloseAsync(int batchId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await MoveInQueries.BatchAsync(db, batchId, ct, track: true);
        MoveInQueries.Expect(batch, expectedVersion);
        batch.Close();
        await db.SaveChangesAsync(ct);
    }

    public async Task<BatchDetail> GetAsync(int batchId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await MoveInQueries.BatchAsync(db, batchId, ct);
        var progress = await ProgressAsync(db, b, ct);
        var buildingIds = await db.Units.AsNoTracking().Where(u => b.UnitIds.Contains(u.Id)).Select(u => u.BuildingId).Distinct().ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().Where(x => buildingIds.Contains(x.Id)).OrderBy(x => x.Name)
            .Select(x => new BuildingOption(x.Id, x.Name)).ToListAsync(ct);
        return new BatchDetail(b.Id, b.Name, b.Developer, b.DeveloperContact, ContactRules.MaskPhone(b.DeveloperPhone), b.StartsOn, b.EndsOn, b.Status,
            b.Version, progress, buildings);
    }

    public async Task<BatchProgress> ProgressAsync(int batchId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ProgressAsync(db, await MoveInQueries.BatchAsync(db, batchId, ct), ct);
    }

    internal static async Task<BatchProgress> ProgressAsync(AppDbContext db, DeliveryBatch b, CancellationToken ct)
    {
        var delivered = await db.MoveInProcedures.AsNoTracking().Where(p => p.BatchId == b.Id && p.Status == ProcedureStatus.Completed)
            .Select(p => p.UnitId).ToListAsync(ct);
        var appointed = await db.DeliveryAppointments.AsNoTracking().Where(a => a.BatchId == b.Id && a.Status != AppointmentStatus.Cancelled)
            .Select(a => a.UnitId).ToListAsync(ct);
        var defects = await (from d in db.TakeOverDefects.AsNoTracking()
                             join i in db.TakeOverInspections.AsNoTracking() on d.InspectionId equals i.Id
                             where i.BatchId == b.Id
                             group d by d.Status == DefectStatus.Closed into g
                             select new { Closed = g.Key, Count = g.Count() }).ToListAsync(ct);
        return BatchProgress.Of(b, delivered, appointed, defects.Where(d => !d.Closed).Sum(d => d.Count), defects.Where(d => d.Closed).Sum(d => d.Count));
    }

    /// <summary>The batch's units with owner, appointment, inspection and procedure, filtered and paged (a batch has
    /// hundreds of units at most, so the table is assembled in memory from five keyed reads).</summary>
    public async Task<Page<BatchUnitRow>> UnitsAsync(int batchId, BatchUnitFilter filter, string? search, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await MoveInQueries.BatchAsync(db, batchId, ct);
        var units = await MoveInQueries.UnitsAsync(db, b.UnitIds, ct);
        var owners = await MoveInQueries.OwnersAsync(db, b.UnitIds, ct);
        var appointments = (await (from a in db.DeliveryAppointments.AsNoTracking()
                                   join s in db.DeliverySlots.AsNoTracking() on a.SlotId equals s.Id
                                   where a.BatchId == b.Id && a.Status != AppointmentStatus.Cancelled
                                   select new { a.UnitId, a.Id, a.Status, s.Day, s.StartsAt, s.EndsAt }).ToListAsync(ct)).ToDictionary(a => a.UnitId);
        var inspections = (await db.DeliveryInspections.AsNoTracking().Where(i => i.BatchId == b.Id).Select(i => new { i.UnitId, i.Status }).ToListAsync(ct))
            .ToDictionary(i => i.UnitId, i => i.Status);
        var procedures = (await db.MoveInProcedures.AsNoTracking().Where(p => p.BatchId == b.Id).Select(p => new { p.UnitId, p.Status }).ToListAsync(ct))
            .ToDictionary(p => p.UnitId, p => p.Status);
        var rows = b.UnitIds.Where(units.ContainsKey).Select(id =>
        {
            appointments.TryGetValue(id, out var a);
            return new BatchUnitRow(id, units[id].Address, owners.TryGetValue(id, out var o) ? o.Name : null, a?.Id, a?.Status, a?.Day, a?.StartsAt, a?.EndsAt,
                inspections.TryGetValue(id, out var i) ? i : null, procedures.TryGetValue(id, out var p) ? p : null);
        });
        rows = filter switch
        {
            BatchUnitFilter.Delivered => rows.Where(r => r.ProcedureStatus == ProcedureStatus.Completed),
            BatchUnitFilter.Appointed => rows.Where(r => r.AppointmentId != null && r.ProcedureStatus != ProcedureStatus.Completed),
            BatchUnitFilter.NotAppointed => rows.Where(r => r.AppointmentId == null && r.ProcedureStatus != ProcedureStatus.Completed),
            _ => rows,
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            rows = rows.Where(r => r.Address.Contains(s, StringComparison.OrdinalIgnoreCase) || (r.OwnerName?.Contains(s) ?? false));
        }
        var all = rows.OrderBy(r => r.Address, NaturalOrder.Instance).ToList();
        return new Page<BatchUnitRow>(all.Skip((pageIndex - 1) * pageSize).Take(pageSize).ToList(), all.Count, pageIndex, pageSize);
    }
}
