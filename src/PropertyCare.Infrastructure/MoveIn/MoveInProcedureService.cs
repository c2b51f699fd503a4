using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>办理入伙手续 at the desk (docs/move-in.md §5): documents ticked, fees recorded with receipt numbers, keys
/// handed over, the owner file checked (completed through <see cref="Owners.OwnerService"/>), then completion, which
/// delivers the unit through <see cref="Unit.Deliver"/>. Reads need MoveInRead, writes MoveInWrite.</summary>
public sealed class MoveInProcedureService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    /// <summary>Starts the procedure for a unit of the batch (交付中), alongside or after its inspection; the owner is the
    /// inspection's owner, or else the unit's primary owner.</summary>
    public async Task<int> StartAsync(int batchId, int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await DeliveryQueries.BatchWithUnitAsync(db, batchId, unitId, ct);
        if (batch.Status != BatchStatus.InProgress)
            throw new DomainException(new($"交付批次为“{batch.Status.Label().Zh}”，交付中才能办理入伙", $"The batch is {batch.Status.Label().En}; move-in happens while it is in progress"));
        if (await db.MoveInProcedures.AnyAsync(p => p.BatchId == batchId && p.UnitId == unitId, ct))
            throw new DomainException(new("该房屋已开始办理入伙手续", "This unit's move-in procedure has started already"));
        var ownerId = await db.DeliveryInspections.Where(i => i.BatchId == batchId && i.UnitId == unitId).Select(i => (int?)i.OwnerId).FirstOrDefaultAsync(ct)
            ?? await DeliveryQueries.PrimaryOwnerAsync(db, unitId, ct)
            ?? throw new DomainException(new("该房屋尚无业主，请先在业主档案中登记业主", "The unit has no owner yet; register the owner first"));
        var p = MoveInProcedure.Start(batchId, unitId, ownerId, MoveInProcedure.DefaultDocuments);
        db.MoveInProcedures.Add(p);
        await db.SaveChangesAsync(ct);
        return p.Id;
    }

    public async Task<MoveInProcedureDetail> GetAsync(int procedureId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.MoveInProcedures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == procedureId, ct) ?? throw new RecordNotFoundException();
        var batchName = await db.DeliveryBatches.AsNoTracking().Where(b => b.Id == p.BatchId).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        var owner = await DeliveryQueries.OwnerAsync(db, p.OwnerId, ct);
        var state = await db.Units.AsNoTracking().Where(u => u.Id == p.UnitId).Select(u => u.State).FirstAsync(ct);
        var inspection = await db.DeliveryInspections.AsNoTracking().Where(i => i.BatchId == p.BatchId && i.UnitId == p.UnitId)
            .Select(i => (InspectionStatus?)i.Status).FirstOrDefaultAsync(ct);
        return new MoveInProcedureDetail(p.Id, p.BatchId, batchName, p.UnitId, await DeliveryQueries.AddressAsync(db, p.UnitId, ct), state, p.OwnerId,
            owner.Name, owner.PhoneMasked, p.Status, p.Documents, p.Fees, p.Keys, p.KeysReceivedBy, p.DeliveredAs, p.CompletedAt, inspection,
            await DeliveryQueries.OwnerFileAsync(db, p.OwnerId, p.UnitId, ct), p.Version);
    }

    public async Task<int> TickDocumentAsync(int procedureId, int expectedVersion, string name, bool received, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await LoadAsync(db, procedureId, expectedVersion, ct);
        p.TickDocument(name, received);
        await db.SaveChangesAsync(ct);
        return p.Version;
    }

    /// <summary>Records a fee paid with its receipt number. A receipt number is used once in the whole project: the fees
    /// are a JSON list, so the database cannot index them and the service checks every procedure of the project.</summary>
    public async Task<int> RecordFeeAsync(int procedureId, int expectedVersion, string item, decimal amount, string receiptNumber, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await LoadAsync(db, procedureId, expectedVersion, ct);
        var receipt = receiptNumber?.Trim() ?? "";
        if (receipt.Length > 0)
        {
            var others = await db.MoveInProcedures.AsNoTracking().Where(x => x.Id != p.Id).Select(x => x.Fees).ToListAsync(ct);
            if (others.Any(fees => fees.Any(f => f.ReceiptNumber == receipt)))
                throw new ValidationException([new(nameof(FeeRecord.ReceiptNumber), new($"收据号 {receipt} 已在本项目其他入伙手续中登记", $"Receipt number {receipt} is recorded on another move-in of this project"))]);
        }
        p.RecordFee(item ?? "", amount, receiptNumber ?? "");
        await db.SaveChangesAsync(ct);
        return p.Version;
    }

    /// <summary>钥匙交接单: the key types and counts handed over, and who received them (replaces an earlier list).</summary>
    public async Task<int> HandOverKeysAsync(int procedureId, int expectedVersion, IReadOnlyCollection<KeyHandover> keys, string receivedBy, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await LoadAsync(db, procedureId, expectedVersion, ct);
        p.HandOverKeys(keys, receivedBy ?? "");
        await db.SaveChangesAsync(ct);
        return p.Version;
    }

    /// <summary>办结: every missing piece is listed at once (inspection, documents, keys, owner file, state) and nothing
    /// changes; otherwise the unit becomes <paramref name="deliverAs"/> (its history records it) in the same save.</summary>
    public async Task CompleteAsync(int procedureId, int expectedVersion, UnitState deliverAs, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await LoadAsync(db, procedureId, expectedVersion, ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == p.UnitId, ct) ?? throw new RecordNotFoundException();
        // No inspection yet: an unsaved, unfinished one lets the procedure list "complete the inspection" with the rest.
        var inspection = await db.DeliveryInspections.AsNoTracking().FirstOrDefaultAsync(i => i.BatchId == p.BatchId && i.UnitId == p.UnitId, ct)
            ?? DeliveryInspection.Start(p.BatchId, p.UnitId, p.OwnerId, null, ["-"], ["-"]);
        var ownerFile = await DeliveryQueries.OwnerFileAsync(db, p.OwnerId, p.UnitId, ct);
        p.Complete(unit, inspection, ownerFile.Complete, deliverAs, Clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<MoveInProcedure> LoadAsync(AppDbContext db, int id, int expectedVersion, CancellationToken ct)
    {
        var p = await db.MoveInProcedures.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (p.Version != expectedVersion) throw new ConcurrencyConflictException();
        return p;
    }
}
