using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>The owner's renovation in the portal (on a phone): file for a unit they own, see only their own
/// applications, correct and resubmit a returned one, withdraw before the permit, ask for an extension during the
/// works, see the permit. Another owner's application is "not found".</summary>
public sealed class PortalRenovationService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    private int Me()
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        return tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
    }

    /// <summary>The project's form: the scope list (with what needs review and what is prohibited, and why), the longest
    /// period and the allowed hours.</summary>
    public async Task<RenovationSettings> FormAsync(CancellationToken ct = default)
    {
        Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RenovationSettingsService.LoadAsync(db, tenant.ProjectId!.Value, ct);
    }

    /// <summary>The delivered units the owner owns, and whether each already has an open application.</summary>
    public async Task<List<FilingUnit>> MyUnitsAsync(CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.UnitOwnerships.AsNoTracking().Where(o => o.OwnerId == me).Select(o => o.UnitId).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id) && u.State != UnitState.NotDelivered).ToListAsync(ct);
        var names = await MoveInQueries.UnitsAsync(db, units.Select(u => u.Id).ToList(), ct);
        var open = await db.RenovationApplications.AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Status != RenovationStatus.Rejected
            && a.Status != RenovationStatus.Closed && a.Status != RenovationStatus.Withdrawn).Select(a => a.UnitId).ToListAsync(ct);
        var name = await db.Owners.AsNoTracking().Where(o => o.Id == me).Select(o => o.Name).FirstAsync(ct);
        return units.OrderBy(u => names[u.Id].Address).Select(u => new FilingUnit(u.Id, names[u.Id].Address, u.State, u.Area, open.Contains(u.Id), [(me, name)])).ToList();
    }

    public async Task<Page<RenovationRow>> MineAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Clock.Today;
        return await RenovationQueries.PageAsync(db, db.RenovationApplications.AsNoTracking().Where(a => a.OwnerId == me), today, pageIndex, Math.Min(pageSize, 50), ct);
    }

    public async Task<RenovationDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OwnerId == me, ct) ?? throw new RecordNotFoundException();
        return await RenovationQueries.DetailAsync(db, a, Clock.Today, ct);
    }

    public async Task<PermitPrint> PermitAsync(int id, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OwnerId == me, ct) ?? throw new RecordNotFoundException();
        return await RenovationApplicationService.PermitPrintAsync(db, a, tenant.Project!, Clock, ct);
    }

    public async Task<(int Id, string Number)> FileAsync(int unitId, ApplicationDetails details, IReadOnlyCollection<PhotoUpload> documents, CancellationToken ct = default)
    {
        var me = Me();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            // Another owner's unit is "not found", like any unit the owner cannot see.
            if (!await db.UnitOwnerships.AnyAsync(o => o.UnitId == unitId && o.OwnerId == me, ct)) throw new RecordNotFoundException();
        var user = tenant.RequireUser();
        return await RenovationFiling.FileAsync(dbFactory, tenant.ProjectId!.Value, Clock, unitId, me, details, documents, byOwner: true, user.UserId, user.DisplayName, ct);
    }

    /// <summary>Corrects the form; when it was returned, sends it back to the desk in the same save.</summary>
    public Task ChangeAndResubmitAsync(int id, int expectedVersion, ApplicationDetails details, IReadOnlyCollection<PhotoUpload> documents, CancellationToken ct = default) =>
        MineStepAsync(id, expectedVersion, async (db, a, s) =>
        {
            a.Change(details, s, Clock.Today);
            if (a.Status == RenovationStatus.Returned) a.Resubmit();
            await AttachmentService.AddAsync(db, AttachmentKind.RenovationDocument, a.Id, documents, tenant.RequireUser().DisplayName, Clock.UtcNow, ct);
        }, ct);

    public Task WithdrawAsync(int id, int expectedVersion, string reason, CancellationToken ct = default) =>
        MineStepAsync(id, expectedVersion, (db, a, s) => { a.Withdraw(reason); return Task.CompletedTask; }, ct);

    public Task RequestExtensionAsync(int id, int expectedVersion, DateOnly newEnd, string reason, CancellationToken ct = default) =>
        MineStepAsync(id, expectedVersion, (db, a, s) => { a.RequestExtension(newEnd, reason, tenant.RequireUser().DisplayName, Clock.UtcNow, s); return Task.CompletedTask; }, ct);

    private async Task MineStepAsync(int id, int expectedVersion, Func<AppDbContext, RenovationApplication, RenovationSettings, Task> step, CancellationToken ct)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.FirstOrDefaultAsync(x => x.Id == id && x.OwnerId == me, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(a, expectedVersion);
        await step(db, a, await RenovationSettingsService.LoadAsync(db, a.ProjectId, ct));
        await db.SaveChangesAsync(ct);
    }
}
