using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>The owner's delivery inspections in the portal: only of units they own (co-owners included), with the
/// defects and where their warranty repairs stand. Another owner's unit is "not found".</summary>
public sealed class PortalDeliveryService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    private int Me()
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        return tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
    }

    public async Task<List<PortalDeliveryInspection>> MineAsync(CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = db.UnitOwnerships.Where(o => o.OwnerId == me).Select(o => o.UnitId);
        var list = await db.DeliveryInspections.AsNoTracking().Where(i => units.Contains(i.UnitId)).OrderByDescending(i => i.Id).ToListAsync(ct);
        var result = new List<PortalDeliveryInspection>();
        foreach (var i in list) result.Add(await ViewAsync(db, i, ct));
        return result;
    }

    public async Task<PortalDeliveryInspection> GetAsync(int inspectionId, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.DeliveryInspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        if (!await db.UnitOwnerships.AnyAsync(o => o.OwnerId == me && o.UnitId == i.UnitId, ct)) throw new RecordNotFoundException();
        return await ViewAsync(db, i, ct);
    }

    private static async Task<PortalDeliveryInspection> ViewAsync(AppDbContext db, DeliveryInspection i, CancellationToken ct)
    {
        var batch = await db.DeliveryBatches.AsNoTracking().Where(b => b.Id == i.BatchId).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        return new PortalDeliveryInspection(i.Id, await DeliveryQueries.AddressAsync(db, i.UnitId, ct), batch, i.Status, i.CompletedAt, i.Lines.Count,
            i.Lines.Count(l => l.Result == CheckResult.Passed), i.Lines.Count(l => l.Result == CheckResult.Failed),
            i.Lines.Count(l => l.Result == CheckResult.NotApplicable), await DeliveryQueries.DefectsAsync(db, i.Defects, ct), i.Meters,
            await AttachmentService.ListAsync(db, AttachmentKind.DeliveryInspectionPhoto, i.Id, ct));
    }
}
