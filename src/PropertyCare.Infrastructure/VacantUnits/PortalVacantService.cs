using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>The owner's view of the vacant-unit inspections of the units they own: the list and each record with its
/// photos and the repair orders its findings became. Another unit's record is "not found".</summary>
public sealed class PortalVacantService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    private int Me()
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        return tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
    }

    private static IQueryable<int> UnitsOf(AppDbContext db, int ownerId) => db.UnitOwnerships.Where(o => o.OwnerId == ownerId).Select(o => o.UnitId);

    public async Task<Page<VacantInspectionRow>> MyInspectionsAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var me = Me();
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.VacantUnitInspections.AsNoTracking().Where(i => UnitsOf(db, me).Contains(i.UnitId));
        var total = await q.CountAsync(ct);
        return new Page<VacantInspectionRow>(await VacantUnitService.RowsAsync(db, q, pageIndex, pageSize, ct), total, pageIndex, pageSize);
    }

    public async Task<VacantInspectionDetail> GetAsync(int inspectionId, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.VacantUnitInspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == inspectionId && UnitsOf(db, me).Contains(x.UnitId), ct)
            ?? throw new RecordNotFoundException();
        return await VacantUnitService.DetailAsync(db, i, ct);
    }
}
