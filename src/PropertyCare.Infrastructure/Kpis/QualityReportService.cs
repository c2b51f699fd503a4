using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Kpis;

public sealed record QualityReportRow(int Id, int? ProjectId, string? ProjectName, ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime GeneratedAt);

public sealed record QualityReportView(QualityReportRow Row, QualityReportContent Content);

/// <summary>Report snapshots: written once by <see cref="QualityReportJob"/> (through <see cref="WriteAsync"/>), read by HQ
/// (every report of its own company) and by a project's manager (the project's own reports, QualityRectify). There is no
/// update and no delete here, and the database refuses both (QualityReportGuard).</summary>
public sealed class QualityReportService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<Page<QualityReportRow>> ListForHqAsync(ReportKind? kind, int? projectId, bool companyWideOnly, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqRead);
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.QualityReports.AsNoTracking().Where(r => r.CompanyId == companyId);
        if (kind is { } k) q = q.Where(r => r.Kind == k);
        if (companyWideOnly) q = q.Where(r => r.ProjectId == null);
        else if (projectId is { } p) q = q.Where(r => r.ProjectId == p);
        return await PageAsync(db, q, pageIndex, pageSize, ct);
    }

    public async Task<Page<QualityReportRow>> ListForProjectAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.QualityRectify);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PageAsync(db, db.QualityReports.AsNoTracking().Where(r => r.ProjectId == projectId), pageIndex, pageSize, ct);
    }

    /// <summary>HQ: any report of its company. A manager: only a report of the project they are in. Anything else: not found.</summary>
    public async Task<QualityReportView> GetAsync(int id, CancellationToken ct = default)
    {
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.QualityReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        var allowed = user.Has(Permissions.HqRead)
            ? r.CompanyId == user.CompanyId
            : user.Has(Permissions.QualityRectify) && r.ProjectId != null && r.ProjectId == tenant.ProjectId;
        if (!allowed) throw new RecordNotFoundException();
        var name = r.ProjectId is { } p ? await db.Projects.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).FirstAsync(ct) : null;
        return new(Row(r, name), QualityReportContent.Parse(r.Content));
    }

    /// <summary>The snapshot as an xlsx (same access as <see cref="GetAsync"/>).</summary>
    public async Task<byte[]> ExportAsync(int id, CancellationToken ct = default) => QualityReportExport.Write(await GetAsync(id, ct));

    private static async Task<Page<QualityReportRow>> PageAsync(AppDbContext db, IQueryable<QualityReport> q, int pageIndex, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.PeriodStart).ThenBy(r => r.Kind).ThenBy(r => r.ProjectId ?? 0).Skip((Math.Max(1, pageIndex) - 1) * pageSize).Take(pageSize)
            .Select(r => new { Report = r, Name = db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Name).FirstOrDefault() }).ToListAsync(ct);
        return new(rows.Select(x => Row(x.Report, x.Name)).ToList(), total, pageIndex, pageSize);
    }

    private static QualityReportRow Row(QualityReport r, string? name) => new(r.Id, r.ProjectId, name, r.Kind, r.PeriodStart, r.PeriodEnd, r.GeneratedAt);

    public static Text Title(ReportKind kind, DateOnly start, DateOnly end, string? project) =>
        new($"{project ?? "全公司"} {(kind == ReportKind.Weekly ? "周报表" : "月报表")} {start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}",
            $"{project ?? "Company-wide"} {(kind == ReportKind.Weekly ? "weekly" : "monthly")} report {start:yyyy-MM-dd} to {end:yyyy-MM-dd}");

    /// <summary>Writes the snapshot of one project (or the company, projectId null) for the period starting at
    /// <paramref name="start"/> unless it exists; returns the stored one and whether this call wrote it. A concurrent
    /// writer of the same snapshot loses on the unique index and gets the winner's. Trusted: the caller is the job.</summary>
    internal static async Task<(QualityReport Report, bool Written)> WriteAsync(AppDbContext db, int companyId, Project? project, ReportKind kind, DateOnly start,
        DateTime nowUtc, CancellationToken ct)
    {
        var scope = project?.Id ?? 0;
        var existing = await db.QualityReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.CompanyId == companyId && r.ScopeKey == scope && r.Kind == kind && r.PeriodStart == start, ct);
        if (existing != null) return (existing, false);
        var end = kind == ReportKind.Weekly ? start.AddDays(6) : start.AddMonths(1).AddDays(-1);
        var projects = project != null ? [project]
            : await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
        var figures = await KpiFigureQueries.ComputeAsync(db, projects, start, end, nowUtc, ct);
        var weights = await KpiQueries.WeightsAsync(db, companyId, ct);
        var total = PeriodFigures.Sum(figures.Values);
        var monthly = kind == ReportKind.Monthly;
        var content = new QualityReportContent(Title(kind, start, end, project?.Name).Zh, total,
            monthly ? total.Measures().Select(m => new SnapshotKpi(m.Kind, m.Part, m.Whole, weights.GetValueOrDefault(m.Kind))).ToList() : null,
            monthly ? total.Score(weights) : null,
            project == null ? projects.Select(p => new SnapshotProject(p.Id, p.Name, figures[p.Id], monthly ? figures[p.Id].Score(weights) : null)).ToList() : null);
        var report = QualityReport.Create(companyId, project?.Id, kind, start, end, nowUtc, content.Serialize());
        db.QualityReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
            return (report, true);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.QualityReports.AsNoTracking()
                .FirstOrDefaultAsync(r => r.CompanyId == companyId && r.ScopeKey == scope && r.Kind == kind && r.PeriodStart == start, ct);
            return winner != null ? (winner, false) : throw new InvalidOperationException("The report snapshot could not be written.");
        }
    }
}

/// <summary>A snapshot as one sheet: the lines, then the KPIs with weight and definition, then the projects.</summary>
internal static class QualityReportExport
{
    public static byte[] Write(QualityReportView v)
    {
        var c = v.Content;
        var rows = new List<IReadOnlyList<string>> { new[] { "报表", c.Title, "", "" }, new[] { "生成时间 (UTC)", v.Row.GeneratedAt.ToString("yyyy-MM-dd HH:mm"), "", "" } };
        if (c.Score != null || c.Kpis != null) rows.Add(["得分", c.Score?.ToString("0.0") ?? "—", c.Band?.Label().Zh ?? "无数据", ""]);
        rows.Add(["", "", "", ""]);
        rows.AddRange(c.Lines().Select(l => (IReadOnlyList<string>)[l.Label.Zh, l.Value, "", ""]));
        if (c.Kpis is { } kpis)
        {
            rows.Add(["", "", "", ""]);
            rows.Add(["KPI", "数值", "权重", "口径"]);
            rows.AddRange(kpis.Select(k =>
            {
                var d = KpiDefinitions.For(k.Kind);
                return (IReadOnlyList<string>)[d.Name.Zh, new KpiValue(d, k.Measure, k.Weight).Shown, k.Weight.ToString(), d.Definition.Zh];
            }));
        }
        if (c.Projects is { } projects)
        {
            rows.Add(["", "", "", ""]);
            rows.Add(["项目", "报修受理", "回访率", "得分"]);
            rows.AddRange(projects.OrderByDescending(p => p.Score ?? -1).Select(p => (IReadOnlyList<string>)
                [p.Name, p.Figures.OrdersReceived.ToString(), QualityReportContent.Rate(p.Figures.CallbacksDone, p.Figures.CallbacksDue), p.Score?.ToString("0.0") ?? "—"]));
        }
        return Spreadsheets.XlsxWriter.Write(["指标", "数值", "", ""], rows, c.Title.Length > 31 ? c.Title[..31] : c.Title);
    }
}
