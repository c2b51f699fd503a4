using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>At start, gives every active project its recurring renovation-works jobs (patrol due, violation escalation) in
/// the project's time zone; registering under the same id replaces, so every start is safe.</summary>
public sealed class RenovationWorksJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler, ILogger<RenovationWorksJobsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            Ensure(scheduler, p.Id, p.TimeZone);
        log.LogInformation("Renovation patrol and violation escalation jobs registered");
    }

    public static void Ensure(JobScheduler scheduler, int projectId, string timeZone)
    {
        scheduler.ScheduleCron<RenovationPatrolDueJob>(projectId, RenovationPatrolDueJob.JobKey, RenovationPatrolDueJob.Cron, timeZone, j => j.RunForProjectAsync(projectId, CancellationToken.None));
        scheduler.ScheduleCron<RenovationViolationEscalationJob>(projectId, RenovationViolationEscalationJob.JobKey, RenovationViolationEscalationJob.Cron, timeZone,
            j => j.RunForProjectAsync(projectId, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
