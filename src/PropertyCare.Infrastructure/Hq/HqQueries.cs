using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Hq;

/// <summary>The only queries that read across projects. Each one ignores the tenant filter on purpose
/// and puts back the one boundary HQ has: the projects of the user's own company.</summary>
public sealed class HqQueries(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<List<ProjectOverview>> ProjectOverviewAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqRead);
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId).OrderBy(p => p.Id).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var units = await db.Units.IgnoreQueryFilters().Where(u => ids.Contains(u.ProjectId))
            .GroupBy(u => new { u.ProjectId, u.State }).Select(g => new { g.Key.ProjectId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var owners = await db.Owners.IgnoreQueryFilters().Where(o => ids.Contains(o.ProjectId))
            .GroupBy(o => o.ProjectId).Select(g => new { ProjectId = g.Key, Count = g.Count(), Flagged = g.Count(o => o.PhoneFlaggedWrong) }).ToListAsync(ct);
        return projects.Select(p =>
        {
            int U(UnitState? s) => units.Where(x => x.ProjectId == p.Id && (s == null || x.State == s)).Sum(x => x.Count);
            var o = owners.FirstOrDefault(x => x.ProjectId == p.Id);
            return new ProjectOverview(p.Id, p.Name, p.City, U(null), U(UnitState.Occupied), U(UnitState.Vacant), U(UnitState.Renovating),
                o?.Count ?? 0, o?.Flagged ?? 0);
        }).ToList();
    }
}

public sealed record ProjectOverview(int ProjectId, string Name, string City, int Units, int Occupied, int Vacant, int Renovating, int Owners, int FlaggedPhones)
{
    public double OccupancyRate => Units == 0 ? 0 : (double)Occupied / Units;
}
