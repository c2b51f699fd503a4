using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Hq;

/// <summary>保证金 across the projects of HQ's own company (like <see cref="HqQueries"/>: each query ignores the tenant filter
/// on purpose, names the project itself, and only projects of the user's company are looked at). Read-only.</summary>
public sealed class HqDepositQueries(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    /// <summary>Every project of the company with its figures; the total is their sum (the company's liability).</summary>
    public async Task<List<ProjectDepositSummary>> SummaryAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqRead);
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var company = db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId);
        var projects = await company.OrderBy(p => p.Id).ToListAsync(ct);
        return await DepositReporting.SummariesAsync(db, projects, company.Select(p => p.Id), time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>The drill-down of one project of the company; another company's project is not found.</summary>
    public async Task<List<DepositAppRow>> ApplicationsAsync(int projectId, DepositFilter filter, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqRead);
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == projectId && x.CompanyId == companyId, ct) ?? throw new RecordNotFoundException();
        return DepositReporting.Filter((await DepositReporting.ForProjectAsync(db, p, time.GetUtcNow().UtcDateTime, true, ct)).Rows, filter).ToList();
    }

    public static ProjectDepositSummary Total(IReadOnlyCollection<ProjectDepositSummary> rows) =>
        new(0, "合计", rows.Sum(r => r.Held), rows.Sum(r => r.HeldCount), rows.Sum(r => r.CollectedThisMonth), rows.Sum(r => r.RefundsDue),
            rows.Sum(r => r.RefundsDueAmount), rows.Sum(r => r.OverdueRefunds), rows.Sum(r => r.OverdueAmount));
}
