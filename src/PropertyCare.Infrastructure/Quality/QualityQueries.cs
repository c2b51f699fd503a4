using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>The audit and notice lists, shared by HQ (across the company's projects, tenant filter ignored and the project
/// ids named) and the project (its own, through the tenant filter). The caller passes the base queries.</summary>
internal static class QualityQueries
{
    public static async Task<Page<AuditRow>> AuditsAsync(AppDbContext db, IQueryable<CallbackAudit> audits, IQueryable<CallbackSample> samples,
        AuditFilter f, int pageIndex, int pageSize, CancellationToken ct)
    {
        var q = from a in audits
                join s in samples on a.SampleId equals s.Id
                join p in db.Projects on a.ProjectId equals p.Id
                select new { a, s.WeekStart, ProjectName = p.Name };
        if (f.ProjectId is { } pid) q = q.Where(x => x.a.ProjectId == pid);
        if (f.WeekStart is { } w) q = q.Where(x => x.WeekStart == w);
        if (f.Status is { } st) q = q.Where(x => x.a.Status == st);
        if (f.Reason is { } r) q = q.Where(x => x.a.Reason == r);
        var total = await q.CountAsync(ct);
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        // Newest week first; within it what is still to call first, mandatory cases before random ones.
        var rows = await q.OrderByDescending(x => x.WeekStart).ThenBy(x => x.a.Status).ThenByDescending(x => x.a.Reason).ThenBy(x => x.a.Id)
            .Skip((pageIndex - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AuditRow>(rows.Select(x => Row(x.a, x.ProjectName, x.WeekStart)).ToList(), total, pageIndex, pageSize);
    }

    public static AuditRow Row(CallbackAudit a, string projectName, DateOnly weekStart) =>
        new(a.Id, a.ProjectId, projectName, weekStart, a.Source, a.SourceNumber, a.Round, a.Reason, a.Status, a.ProjectSatisfaction, a.Authenticity,
            a.SatisfactionNow, a.AuditorName, a.AuditedAt, a.NoticeId);

    public static async Task<Page<NoticeRow>> NoticesAsync(AppDbContext db, IQueryable<RectificationNotice> notices, IQueryable<CallbackAudit> audits,
        NoticeFilter f, DateTime nowUtc, int pageIndex, int pageSize, CancellationToken ct)
    {
        var q = from n in notices
                join p in db.Projects on n.ProjectId equals p.Id
                join a in audits on n.AuditId equals a.Id into aa
                from a in aa.DefaultIfEmpty()
                select new { n, ProjectName = p.Name, SourceNumber = a == null ? null : a.SourceNumber };
        if (f.ProjectId is { } pid) q = q.Where(x => x.n.ProjectId == pid);
        if (f.Status is { } st) q = q.Where(x => x.n.Status == st);
        if (f.OverdueOnly) q = q.Where(x => (x.n.Status == RectificationStatus.Issued || x.n.Status == RectificationStatus.Returned) && x.n.DueAt < nowUtc);
        var total = await q.CountAsync(ct);
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var rows = await q.OrderBy(x => x.n.Status == RectificationStatus.Accepted).ThenBy(x => x.n.DueAt).ThenBy(x => x.n.Id)
            .Skip((pageIndex - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<NoticeRow>(rows.Select(x => new NoticeRow(x.n.Id, x.n.ProjectId, x.ProjectName, x.n.Number, x.n.Status, x.n.IssuedAt, x.n.DueAt,
            x.n.IsOverdue(nowUtc), x.n.EscalatedAt != null, x.n.Rounds.Count, x.SourceNumber)).ToList(), total, pageIndex, pageSize);
    }

    public static async Task<NoticeDetail?> NoticeAsync(AppDbContext db, IQueryable<RectificationNotice> notices, IQueryable<CallbackAudit> audits, int id,
        DateTime nowUtc, CancellationToken ct)
    {
        var n = await notices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n == null) return null;
        var name = await db.Projects.AsNoTracking().Where(p => p.Id == n.ProjectId).Select(p => p.Name).FirstAsync(ct);
        var a = n.AuditId is { } aid ? await audits.AsNoTracking().Where(x => x.Id == aid).Select(x => new { x.SourceNumber, x.Source }).FirstOrDefaultAsync(ct) : null;
        return new NoticeDetail(n, name, a?.SourceNumber, a?.Source, n.IsOverdue(nowUtc));
    }
}
