using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>At start, gives every active project its quality jobs (the weekly 抽访 draw, Monday 06:00, and the overdue
/// 整改通知 escalation, hourly) in the project's time zone; registering under the same id replaces, so every start is safe.
/// They show on the project's 后台任务 page with 立即执行.</summary>
public sealed class QualityJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler, ILogger<QualityJobsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            Ensure(scheduler, p.Id, p.TimeZone);
        log.LogInformation("Quality sample and notice escalation jobs registered");
    }

    public static void Ensure(JobScheduler scheduler, int projectId, string timeZone)
    {
        scheduler.ScheduleCron<CallbackSampleJob>(projectId, CallbackSampleJob.JobKey, CallbackSampleJob.Cron, timeZone, j => j.RunForProjectAsync(projectId, CancellationToken.None));
        scheduler.ScheduleCron<NoticeEscalationJob>(projectId, NoticeEscalationJob.JobKey, NoticeEscalationJob.Cron, timeZone, j => j.RunForProjectAsync(projectId, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
