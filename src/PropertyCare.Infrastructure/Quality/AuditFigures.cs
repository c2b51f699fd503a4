using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>抽访 figures for the KPIs and reports (Part C): per project, how many audits were finished in a period, how many
/// found the callback 不实, how many owners could not be reached. A period is [fromUtc, toUtc) on AuditedAt — the caller
/// passes the project-local month's UTC bounds. The caller checks permission and names the projects (this ignores the
/// tenant filter on purpose: it is the building block of the named cross-project queries).</summary>
internal static class AuditFigures
{
    public static async Task<Dictionary<int, (int Audited, int Untrue, int Unreachable)>> ByProjectAsync(AppDbContext db, IReadOnlyCollection<int> projectIds,
        DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        var ids = projectIds.ToList();
        var rows = await db.CallbackAudits.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.ProjectId) && a.Status != AuditStatus.Pending && a.AuditedAt >= fromUtc && a.AuditedAt < toUtc)
            .GroupBy(a => a.ProjectId)
            .Select(g => new
            {
                ProjectId = g.Key,
                Audited = g.Count(a => a.Status == AuditStatus.Done),
                Untrue = g.Count(a => a.Status == AuditStatus.Done && a.Authenticity == Authenticity.Untrue),
                Unreachable = g.Count(a => a.Status == AuditStatus.Unreachable),
            }).ToListAsync(ct);
        var result = ids.Distinct().ToDictionary(id => id, _ => (0, 0, 0));
        foreach (var r in rows) result[r.ProjectId] = (r.Audited, r.Untrue, r.Unreachable);
        return result;
    }
}
