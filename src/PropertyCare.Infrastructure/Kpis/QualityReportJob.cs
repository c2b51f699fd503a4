using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>周报表 (Monday 08:00) and 月报表 (the 1st, 08:00), a recurring project job in the project's time zone: writes the
/// project's snapshot of the week (Monday–Sunday) or month that just ended. The company-wide snapshot has no project to
/// run in, so it is written by the job of the company's <em>anchor</em> project — its lowest-id active project — right
/// after that project's own; HQ auditors of the company are told through the outbox (messages kept under the anchor
/// project, dedup key per report and person). Idempotent: a snapshot that exists is not written again and nobody is
/// told twice (QualityReportService.WriteAsync, unique index, dedup keys).</summary>
public sealed class QualityReportJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string WeeklyKey = "quality-report-weekly";
    public const string MonthlyKey = "quality-report-monthly";
    public const string WeeklyCron = "0 8 * * 1";
    public const string MonthlyCron = "0 8 1 * *";

    public Task<int> RunForProjectAsync(int projectId, ReportKind kind, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(kind, ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    /// <summary>Returns how many snapshots this run wrote (0 on a re-run).</summary>
    public Task<int> RunAsync(ReportKind kind, CancellationToken ct = default)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var today = ProjectClock.For(time, project).Today;
        var start = kind == ReportKind.Weekly ? QualityReport.WeekOf(today).Start.AddDays(-7) : QualityReport.MonthOf(today).Start.AddMonths(-1);
        return WriteAsync(kind, start, ct);
    }

    /// <summary>The scale benchmark's entry: the monthly snapshots of a given month (the data set's "today" is fixed).</summary>
    public Task<int> WriteMonthForBenchmarkAsync(DateOnly monthStart) => WriteAsync(ReportKind.Monthly, monthStart, CancellationToken.None);

    private async Task<int> WriteAsync(ReportKind kind, DateOnly start, CancellationToken ct)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, project);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var written = (await QualityReportService.WriteAsync(db, project.CompanyId, project, kind, start, clock.UtcNow, ct)).Written ? 1 : 0;

        var anchor = await db.Projects.AsNoTracking().Where(p => p.CompanyId == project.CompanyId && p.IsActive).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        if (anchor != project.Id) return written;
        db.ChangeTracker.Clear();
        var (company, wrote) = await QualityReportService.WriteAsync(db, project.CompanyId, null, kind, start, clock.UtcNow, ct);
        if (wrote) written++;
        var title = QualityReportService.Title(kind, company.PeriodStart, company.PeriodEnd, null).Zh;
        foreach (var hq in await ComplaintJobPeople.HqAuditorsAsync(db, project.CompanyId, ct))
            await outbox.EnqueueAsync(db, Channel.InApp, hq.UserId, $"{title}已生成", $"{title}已生成，请在总部“报表”中查看：/hq/reports/{company.Id}",
                $"quality-report-{company.Id}-{hq.UserId}", ct);
        await db.SaveChangesAsync(ct);
        return written;
    }
}
