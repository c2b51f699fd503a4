using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>At start, gives every active project its two report jobs (weekly Monday 08:00, monthly the 1st 08:00, in the
/// project's time zone). Same ids replace, so every start is safe.</summary>
public sealed class QualityReportJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            Ensure(scheduler, p.Id, p.TimeZone);
    }

    public static void Ensure(JobScheduler scheduler, int projectId, string timeZone)
    {
        var zone = string.IsNullOrWhiteSpace(timeZone) ? "Asia/Shanghai" : timeZone;
        scheduler.ScheduleCron<QualityReportJob>(projectId, QualityReportJob.WeeklyKey, QualityReportJob.WeeklyCron, zone,
            j => j.RunForProjectAsync(projectId, ReportKind.Weekly, CancellationToken.None));
        scheduler.ScheduleCron<QualityReportJob>(projectId, QualityReportJob.MonthlyKey, QualityReportJob.MonthlyCron, zone,
            j => j.RunForProjectAsync(projectId, ReportKind.Monthly, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
