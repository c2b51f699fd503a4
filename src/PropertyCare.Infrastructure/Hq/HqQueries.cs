using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Hq;

/// <summary>The only queries that read across projects. Each one ignores the tenant filter on purpose
/// and puts back the one boundary HQ has: the projects of the user's own company.</summary>
public sealed class HqQueries(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider? time = null)
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

    /// <summary>空置房巡查覆盖率 per project of the company, each in its own current cycle (its frequency, its time zone).
    /// One project at a time: each query ignores the tenant filter and names the project itself.</summary>
    public async Task<List<ProjectVacantCoverage>> VacantCoverageAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqRead);
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId).OrderBy(p => p.Id).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var frequencies = await db.VacantInspectionSettings.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.ProjectId))
            .ToDictionaryAsync(s => s.ProjectId, s => s.Frequency, ct);
        var result = new List<ProjectVacantCoverage>();
        foreach (var p in projects)
        {
            var clock = Repairs.ProjectClock.For(time ?? TimeProvider.System, p);
            var cycle = PropertyCare.Domain.VacantUnits.InspectionCycle.At(
                frequencies.GetValueOrDefault(p.Id, PropertyCare.Domain.VacantUnits.InspectionFrequency.Monthly), clock.UtcNow, clock.Zone);
            var coverage = await VacantUnits.VacantQueries.CoverageAsync(
                db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.ProjectId == p.Id),
                db.VacantUnitInspections.IgnoreQueryFilters().AsNoTracking().Where(i => i.ProjectId == p.Id),
                db.RepairOrders.IgnoreQueryFilters().AsNoTracking().Where(o => o.ProjectId == p.Id), cycle, ct);
            result.Add(new(p.Id, p.Name, cycle.Key, coverage));
        }
        return result;
    }
}

public sealed record ProjectVacantCoverage(int ProjectId, string Name, string CycleKey, PropertyCare.Domain.VacantUnits.Coverage Coverage);

public sealed record ProjectOverview(int ProjectId, string Name, string City, int Units, int Occupied, int Vacant, int Renovating, int Owners, int FlaggedPhones)
{
    public double OccupancyRate => Units == 0 ? 0 : (double)Occupied / Units;
}
