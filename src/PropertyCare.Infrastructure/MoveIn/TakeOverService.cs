using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>接管验收 with the developer: start for a building of the batch or a common facility (default checklist),
/// record items and defects (工程遗留问题, with photos), chase each defect (promise → rectified → closed by a named
/// checker, or returned with a reason), complete; and the open defects of the whole project, late ones flagged.
/// Reading needs MoveInRead, every change MoveInWrite.</summary>
public sealed class TakeOverService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public const int MaxPageSize = 100;

    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<int> StartAsync(int batchId, int? buildingId, string? facility, DateOnly inspectedOn, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await MoveInQueries.BatchAsync(db, batchId, ct);
        if (batch.Status == BatchStatus.Closed) throw new DomainException(new("交付批次已结束", "The batch is closed"));
        // A building is taken over with the batch only if some of its units are delivered in it.
        if (buildingId is { } bid && !await db.Units.AnyAsync(u => u.BuildingId == bid && batch.UnitIds.Contains(u.Id), ct))
            throw new ValidationException([new("Target", new("该楼栋不在本交付批次内", "The building has no unit in this batch"))]);
        var inspection = TakeOverInspection.Start(batchId, buildingId, facility, inspectedOn, TakeOverInspection.DefaultChecklist);
        db.TakeOverInspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        return inspection.Id;
    }

    public async Task<List<TakeOverRow>> ListAsync(int batchId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MoveInQueries.BatchAsync(db, batchId, ct);
        var list = await db.TakeOverInspections.AsNoTracking().Where(i => i.BatchId == batchId).OrderBy(i => i.Id).ToListAsync(ct);
        var ids = list.Select(i => i.Id).ToList();
        var open = await db.TakeOverDefects.AsNoTracking().Where(d => ids.Contains(d.InspectionId) && d.Status != DefectStatus.Closed)
            .GroupBy(d => d.InspectionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var targets = await TargetsAsync(db, list, ct);
        return [.. list.Select(i => new TakeOverRow(i.Id, i.BatchId, i.BuildingId, targets[i.Id], i.InspectedOn, i.Status, i.Items.Count,
            i.Items.Count(x => x.Result == CheckResult.Failed), open.GetValueOrDefault(i.Id), i.Version))];
    }

    private static async Task<Dictionary<int, string>> TargetsAsync(AppDbContext db, IReadOnlyCollection<TakeOverInspection> list, CancellationToken ct)
    {
        var buildingIds = list.Where(i => i.BuildingId != null).Select(i => i.BuildingId!.Value).Distinct().ToList();
        var names = await db.Buildings.AsNoTracking().Where(b => buildingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return list.ToDictionary(i => i.Id, i => i.BuildingId is { } b ? names.GetValueOrDefault(b, "") : i.Facility ?? "");
    }

    public async Task<TakeOverDetail> GetAsync(int inspectionId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.TakeOverInspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        var batch = await MoveInQueries.BatchAsync(db, i.BatchId, ct);
        var target = (await TargetsAsync(db, [i], ct))[i.Id];
        var defects = await DefectRowsAsync(db, db.TakeOverDefects.AsNoTracking().Where(d => d.InspectionId == i.Id), ct);
        return new TakeOverDetail(i.Id, i.BatchId, batch.Name, i.BuildingId, target, i.InspectedOn, i.Status, i.Items, defects, i.Version);
    }

    public async Task RecordItemAsync(int inspectionId, int expectedVersion, string item, CheckResult result, string? note, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.TakeOverInspections.FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(i, expectedVersion);
        i.Record(item, result, note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A defect under a checklist item of an open inspection, with its photos (one transaction).</summary>
    public async Task<int> AddDefectAsync(int inspectionId, string item, string description, string? location, IReadOnlyCollection<PhotoUpload> photos,
        CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.TakeOverInspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        if (i.Status != TakeOverStatus.Open) throw new DomainException(new("接管验收已完成，不能再登记问题", "The inspection is completed"));
        if (i.Items.All(x => x.Name != item?.Trim()))
            throw new ValidationException([new(nameof(TakeOverDefect.Item), new("请选择验收清单中的项目", "Choose an item of the checklist"))]);
        var defect = TakeOverDefect.Record(inspectionId, item!, description, location);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TakeOverDefects.Add(defect);
        await db.SaveChangesAsync(ct);
        await AttachmentService.AddAsync(db, AttachmentKind.TakeOverDefectPhoto, defect.Id, photos, user.DisplayName, Clock.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return defect.Id;
    }

    public async Task AddDefectPhotosAsync(int defectId, IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.TakeOverDefects.AnyAsync(d => d.Id == defectId, ct)) throw new RecordNotFoundException();
        await AttachmentService.AddAsync(db, AttachmentKind.TakeOverDefectPhoto, defectId, photos, user.DisplayName, Clock.UtcNow, ct);
        await db.SaveChangesAsync(ct);
    }

    public Task PromiseAsync(int defectId, int expectedVersion, DateOnly promisedOn, CancellationToken ct = default) =>
        ChangeDefectAsync(defectId, expectedVersion, d => d.Promise(promisedOn, Clock.Today), ct);

    public Task MarkRectifiedAsync(int defectId, int expectedVersion, CancellationToken ct = default) =>
        ChangeDefectAsync(defectId, expectedVersion, d => d.MarkRectified(Clock.UtcNow), ct);

    public Task CloseDefectAsync(int defectId, int expectedVersion, string checkedBy, CancellationToken ct = default) =>
        ChangeDefectAsync(defectId, expectedVersion, d => d.Close(checkedBy, Clock.UtcNow), ct);

    public Task ReturnDefectAsync(int defectId, int expectedVersion, string checkedBy, string reason, CancellationToken ct = default) =>
        ChangeDefectAsync(defectId, expectedVersion, d => d.Return(checkedBy, reason), ct);

    private async Task ChangeDefectAsync(int defectId, int expectedVersion, Action<TakeOverDefect> change, CancellationToken ct)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.TakeOverDefects.FirstOrDefaultAsync(x => x.Id == defectId, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(d, expectedVersion);
        change(d);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Completes when every item has a result and each failed item has a defect (the domain says which not).</summary>
    public async Task CompleteAsync(int inspectionId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.TakeOverInspections.FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(i, expectedVersion);
        var defectItems = await db.TakeOverDefects.AsNoTracking().Where(d => d.InspectionId == i.Id).Select(d => d.Item).Distinct().ToListAsync(ct);
        i.Complete(defectItems);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every defect of the project not yet closed, late ones first (then by promised date), paged.</summary>
    public async Task<Page<DefectRow>> OpenDefectsAsync(bool lateOnly, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        var today = Clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.TakeOverDefects.AsNoTracking().Where(d => d.Status != DefectStatus.Closed);
        if (lateOnly) q = q.Where(d => d.Status == DefectStatus.Promised && d.PromisedOn < today);
        var total = await q.CountAsync(ct);
        var page = q.OrderByDescending(d => d.Status == DefectStatus.Promised && d.PromisedOn < today).ThenBy(d => d.PromisedOn == null)
            .ThenBy(d => d.PromisedOn).ThenBy(d => d.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize);
        return new Page<DefectRow>(await DefectRowsAsync(db, page, ct), total, pageIndex, pageSize);
    }

    public async Task<DefectRow> DefectAsync(int defectId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await DefectRowsAsync(db, db.TakeOverDefects.AsNoTracking().Where(d => d.Id == defectId), ct)).SingleOrDefault()
            ?? throw new RecordNotFoundException();
    }

    private async Task<List<DefectRow>> DefectRowsAsync(AppDbContext db, IQueryable<TakeOverDefect> q, CancellationToken ct)
    {
        var today = Clock.Today;
        var defects = await q.ToListAsync(ct);
        var inspectionIds = defects.Select(d => d.InspectionId).Distinct().ToList();
        var inspections = await db.TakeOverInspections.AsNoTracking().Where(i => inspectionIds.Contains(i.Id)).ToListAsync(ct);
        var targets = await TargetsAsync(db, inspections, ct);
        var batchOf = inspections.ToDictionary(i => i.Id, i => i.BatchId);
        var photos = await AttachmentService.ListAsync(db, AttachmentKind.TakeOverDefectPhoto, defects.Select(d => d.Id).ToList(), ct);
        return [.. defects.Select(d => new DefectRow(d.Id, d.InspectionId, batchOf[d.InspectionId], targets[d.InspectionId], d.Item, d.Description, d.Location,
            d.Status, d.PromisedOn, d.RectifiedAt, d.ClosedAt, d.CheckedBy, d.ReturnReason, d.Returns, d.IsLate(today),
            photos.GetValueOrDefault(d.Id) ?? [], d.Version))];
    }
}
