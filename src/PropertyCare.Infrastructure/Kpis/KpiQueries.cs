using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>HQ's named cross-project KPI queries (the HqQueries pattern): HqRead first, the company from the user, and
/// every query names the company's projects explicitly after ignoring the tenant filter. The dashboard's services
/// (ranking, trends, worst KPIs, open notices) are here too.</summary>
public sealed class KpiQueries(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    private int Company()
    {
        tenant.Require(Permissions.HqRead);
        return tenant.RequireUser().CompanyId ?? -1;
    }

    private static Task<List<Project>> ProjectsAsync(AppDbContext db, int companyId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The company's weights, or the defaults when HQ has not set any.</summary>
    internal static async Task<Dictionary<KpiKind, int>> WeightsAsync(AppDbContext db, int companyId, CancellationToken ct) =>
        (await db.KpiWeightSets.AsNoTracking().FirstOrDefaultAsync(w => w.CompanyId == companyId, ct))?.Weights ?? KpiWeightSet.Defaults();

    internal static IReadOnlyList<KpiValue> Values(PeriodFigures f, IReadOnlyDictionary<KpiKind, int> weights) =>
        f.Measures().Select(m => new KpiValue(KpiDefinitions.For(m.Kind), m, weights.GetValueOrDefault(m.Kind))).ToList();

    /// <summary>The ranking for a month: every active project of the company by score (no score last), and the company
    /// as a whole (its figures summed, then scored like one project).</summary>
    public async Task<KpiRanking> RankingAsync(KpiMonth month, CancellationToken ct = default)
    {
        var companyId = Company();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = await ProjectsAsync(db, companyId, ct);
        return await RankingAsync(db, companyId, projects, month, time.GetUtcNow().UtcDateTime, ct);
    }

    internal static async Task<KpiRanking> RankingAsync(AppDbContext db, int companyId, List<Project> projects, KpiMonth month, DateTime asOf, CancellationToken ct)
    {
        var weights = await WeightsAsync(db, companyId, ct);
        var figures = await KpiFigureQueries.ComputeAsync(db, projects, month.First, month.Last, asOf, ct);
        var rows = projects.Select(p => new ProjectKpiScore(p.Id, p.Name, figures[p.Id].Score(weights), Values(figures[p.Id], weights)))
            .OrderByDescending(r => r.Score ?? -1).ThenBy(r => r.ProjectId).ToList();
        var total = PeriodFigures.Sum(figures.Values);
        return new(month, rows, new ProjectKpiScore(0, "全公司", total.Score(weights), Values(total, weights)));
    }

    /// <summary>Twelve months up to and including <paramref name="last"/>: the score of one project, or of the company
    /// (projectId null). A month with a monthly snapshot shows the snapshot's score (what HQ saw, with the weights of that
    /// day) — which also keeps the trend to one live month instead of twelve at scale; a month without one is computed
    /// live. A project of another company is not found.</summary>
    public async Task<List<KpiTrendPoint>> TrendAsync(int? projectId, KpiMonth last, CancellationToken ct = default)
    {
        var companyId = Company();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = await ProjectsAsync(db, companyId, ct);
        if (projectId is { } id) projects = projects.Where(p => p.Id == id).ToList() is { Count: 1 } one ? one : throw new RecordNotFoundException();
        var first = KpiMonth.Of(last.First.AddMonths(-11));
        var scope = projectId ?? 0;
        var snapshots = (await db.QualityReports.AsNoTracking()
                .Where(r => r.CompanyId == companyId && r.ScopeKey == scope && r.Kind == ReportKind.Monthly && r.PeriodStart >= first.First && r.PeriodStart <= last.First)
                .Select(r => new { r.PeriodStart, r.Content }).ToListAsync(ct))
            .ToDictionary(r => KpiMonth.Of(r.PeriodStart), r => QualityReportContent.Parse(r.Content).Score);
        var weights = await WeightsAsync(db, companyId, ct);
        var asOf = time.GetUtcNow().UtcDateTime;
        var result = new List<KpiTrendPoint>();
        for (var m = first; m.First <= last.First; m = KpiMonth.Of(m.First.AddMonths(1)))
        {
            if (snapshots.TryGetValue(m, out var stored)) { result.Add(new(m, stored)); continue; }
            var figures = await KpiFigureQueries.ComputeAsync(db, projects, m.First, m.Last, asOf, ct);
            result.Add(new(m, PeriodFigures.Sum(figures.Values).Score(weights)));
        }
        return result;
    }

    /// <summary>The KPIs with the lowest attainment this month: for each KPI, the project doing worst, sorted worst first.</summary>
    public async Task<List<WorstKpi>> WorstKpisAsync(KpiMonth month, int take = 5, CancellationToken ct = default)
    {
        var ranking = await RankingAsync(month, ct);
        return ranking.Projects
            .SelectMany(p => p.Kpis.Where(k => k.Measure.Attainment != null).Select(k => (p, k)))
            .GroupBy(x => x.k.Definition.Kind)
            .Select(g =>
            {
                var worst = g.OrderBy(x => x.k.Measure.Attainment).ThenBy(x => x.p.ProjectId).First();
                return new WorstKpi(worst.k.Definition, worst.p.ProjectId, worst.p.Name, worst.k.Measure.Attainment!.Value, worst.k.Shown,
                    Math.Round(g.Average(x => x.k.Measure.Attainment!.Value), 4));
            })
            .OrderBy(w => w.Attainment).ThenBy(w => w.AverageAttainment).Take(take).ToList();
    }

    /// <summary>整改通知 not yet accepted, per project of the company (projects with none included, as 0).</summary>
    public async Task<List<OpenNotices>> OpenNoticesAsync(CancellationToken ct = default)
    {
        var companyId = Company();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = await ProjectsAsync(db, companyId, ct);
        var ids = projects.Select(p => p.Id).ToList();
        var open = await db.RectificationNotices.IgnoreQueryFilters().AsNoTracking()
            .Where(n => ids.Contains(n.ProjectId) && n.Status != RectificationStatus.Accepted)
            .GroupBy(n => n.ProjectId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return projects.Select(p => new OpenNotices(p.Id, p.Name, open.GetValueOrDefault(p.Id))).OrderByDescending(x => x.Open).ThenBy(x => x.ProjectId).ToList();
    }

    /// <summary>The records behind one KPI figure of one project and month. Another company's project is not found.</summary>
    public async Task<KpiDrillDown> DrillDownAsync(int projectId, KpiMonth month, string kpiKey, CancellationToken ct = default)
    {
        var companyId = Company();
        var definition = KpiDefinitions.ByKey(kpiKey) ?? throw new RecordNotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.CompanyId == companyId, ct) ?? throw new RecordNotFoundException();
        var weights = await WeightsAsync(db, companyId, ct);
        var asOf = time.GetUtcNow().UtcDateTime;
        var figures = (await KpiFigureQueries.ComputeAsync(db, [project], month.First, month.Last, asOf, ct))[projectId];
        var value = Values(figures, weights).Single(v => v.Definition.Kind == definition.Kind);
        var rows = await KpiDrill.RowsAsync(db, project, month, definition.Kind, asOf, ct);
        return new(projectId, project.Name, month, definition, value, rows);
    }
}
