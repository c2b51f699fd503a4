using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Portal;

/// <summary>The owner's own view: only the units their owner record owns, inside their project.</summary>
public sealed class OwnerPortalService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<List<OwnedUnit>> MyUnitsAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        var ownerId = tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UnitOwnerships.AsNoTracking().Where(x => x.OwnerId == ownerId)
            .OrderBy(x => x.Unit!.Building!.Name).ThenBy(x => x.Unit!.Room)
            .Select(x => new OwnedUnit(x.Id, x.UnitId, x.Unit!.Building!.Name, x.Unit.Entrance, x.Unit.Floor, x.Unit.Room, x.Unit.Area, x.Unit.Type, x.Unit.State, x.IsPrimary))
            .ToListAsync(ct);
    }

    public async Task<(string Name, string PhoneMasked)> MeAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        var ownerId = tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Owners.AsNoTracking().Where(x => x.Id == ownerId).Select(x => new { x.Name, x.Phone }).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        return (o.Name, Domain.Owners.ContactRules.MaskPhone(o.Phone));
    }
}
