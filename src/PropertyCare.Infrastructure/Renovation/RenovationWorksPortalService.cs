using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>What the owner sees of the works of their own application in the portal: patrol dates and results, violations
/// with deadlines and photos, the acceptance result and the end of the observation period. Another owner's application
/// is "not found".</summary>
public sealed class RenovationWorksPortalService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public async Task<MyWorksView> SummaryAsync(int applicationId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        var owner = tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
        var clock = ProjectClock.For(time, tenant.Project!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.OwnerId == owner, ct)
            ?? throw new RecordNotFoundException();
        var patrols = await db.RenovationPatrols.AsNoTracking().Where(p => p.ApplicationId == app.Id).OrderByDescending(p => p.PatrolledAt).Take(30).ToListAsync(ct);
        var violations = await db.RenovationViolations.AsNoTracking().Where(v => v.ApplicationId == app.Id).OrderByDescending(v => v.FoundAt).ToListAsync(ct);
        var photos = await AttachmentService.ListAsync(db, AttachmentKind.RenovationViolationPhoto, violations.Select(v => v.Id).ToList(), ct);
        var last = await db.RenovationAcceptances.AsNoTracking().Where(a => a.ApplicationId == app.Id).OrderByDescending(a => a.CheckedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return new MyWorksView(app.Id, app.Status, patrols.Select(p => (clock.ToLocal(p.PatrolledAt), p.ResultText())).ToList(),
            violations.Select(v => new MyViolation(v.Id, v.Type, v.Description, v.RectifyBy, v.Status, v.IsOverdue(clock.Today), photos.GetValueOrDefault(v.Id, []))).ToList(),
            last?.Passed, last is null ? null : clock.ToLocal(last.CheckedAt), last?.RectificationItems ?? [], app.ObservationEndsOn);
    }
}

/// <summary>Who may read the photos of patrols, violations and acceptances: staff who read renovations (HQ included, its
/// data layer keeps it to its company); an owner only the violation photos of their own application.</summary>
internal static class RenovationWorksFiles
{
    public static async Task<bool?> MayReadAsync(AppDbContext db, UserIdentity user, AttachmentKind kind, int? recordId, CancellationToken ct)
    {
        if (kind is not (AttachmentKind.RenovationPatrolPhoto or AttachmentKind.RenovationViolationPhoto or AttachmentKind.RenovationAcceptancePhoto)) return null;
        if (user.Has(Permissions.RenovationRead)) return true;
        if (kind != AttachmentKind.RenovationViolationPhoto || recordId == null || !user.Has(Permissions.OwnerPortal) || user.OwnerId is not { } owner) return false;
        return await (from v in db.RenovationViolations
                      join a in db.RenovationApplications on v.ApplicationId equals a.Id
                      where v.Id == recordId && a.OwnerId == owner
                      select v.Id).AnyAsync(ct);
    }
}
