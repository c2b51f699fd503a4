using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Tenancy;

/// <summary>Enters a project for the signed-in user, or refuses. Every project page and every job goes
/// through here, so the access rule is asked in one place.</summary>
public sealed class TenantAccessor(TenantContext tenant, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<Project> EnterAsync(int projectId, CancellationToken ct = default)
    {
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().Include(p => p.Company).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        var assigned = await db.ProjectAssignments.Where(a => a.UserId == user.UserId).Select(a => a.ProjectId).ToListAsync(ct);
        // Not found and not allowed look the same, so project ids cannot be probed.
        if (project == null || !ProjectAccess.CanEnter(user, project, assigned)) throw new RecordNotFoundException();
        tenant.SetProject(project);
        return project;
    }

    /// <summary>The projects the user may switch to, for the project switcher.</summary>
    public async Task<List<Project>> AccessibleProjectsAsync(CancellationToken ct = default)
    {
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assigned = await db.ProjectAssignments.Where(a => a.UserId == user.UserId).Select(a => a.ProjectId).ToListAsync(ct);
        var candidates = await db.Projects.AsNoTracking().Include(p => p.Company).Where(p => p.CompanyId == user.CompanyId).OrderBy(p => p.Id).ToListAsync(ct);
        return candidates.Where(p => ProjectAccess.CanEnter(user, p, assigned)).ToList();
    }

    /// <summary>For background work and tests: run as a given user inside a project without a UI.</summary>
    public void EnterTrusted(Project project) => tenant.SetProject(project);
}
