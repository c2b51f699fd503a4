using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>HQ works from /hq, outside any project, but its records (抽访记录, 整改通知) and the messages they send live in
/// the project they are about, and the isolation guard refuses a tenant-owned write outside the current project. So an HQ
/// write enters the record's project in a context of its own — only after checking the project is of the HQ user's own
/// company (another company's looks like "not found") — and the guard still holds: that context can write nothing of any
/// other project.</summary>
internal sealed class HqProjectScope : IAsyncDisposable
{
    public required AppDbContext Db { get; init; }
    public required Project Project { get; init; }
    public required TenantContext Tenant { get; init; }
    public required NotificationOutbox Outbox { get; init; }

    public static async Task<HqProjectScope> EnterAsync(DbContextOptions<AppDbContext> options, TenantContext caller, TimeProvider time, int projectId,
        CancellationToken ct)
    {
        var user = caller.RequireUser();
        if (!user.Has(Permissions.HqAudit)) throw new AccessDeniedException();
        Project project;
        await using (var lookup = new AppDbContext(options, null))
            project = await lookup.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.CompanyId == user.CompanyId, ct)
                ?? throw new RecordNotFoundException();
        var tenant = new TenantContext { ClientIp = caller.ClientIp };
        tenant.SetUser(user);
        tenant.SetProject(project);
        var factory = new AppDbContextFactory(options, tenant);
        return new HqProjectScope { Db = factory.CreateDbContext(), Project = project, Tenant = tenant, Outbox = new NotificationOutbox(factory, tenant, time) };
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>The company's project ids, the one boundary of every HQ quality query (the HqQueries pattern).</summary>
internal static class HqCompany
{
    public static async Task<(int CompanyId, List<int> ProjectIds)> ProjectsAsync(AppDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        var ids = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return (companyId, ids);
    }
}
