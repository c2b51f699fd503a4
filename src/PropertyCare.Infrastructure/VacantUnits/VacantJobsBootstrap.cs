using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>At start, gives every active project its recurring vacant-unit jobs in the project's time zone (like
/// <see cref="Repairs.RepairJobsBootstrap"/>; registering under the same id replaces, so every start is safe).</summary>
public sealed class VacantJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler, ILogger<VacantJobsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            Ensure(scheduler, p.Id, p.TimeZone);
        log.LogInformation("Vacant-unit cycle and escalation jobs registered");
    }

    public static void Ensure(JobScheduler scheduler, int projectId, string timeZone)
    {
        scheduler.ScheduleCron<VacantCycleJob>(projectId, VacantCycleJob.JobKey, VacantCycleJob.Cron, timeZone, j => j.RunForProjectAsync(projectId, CancellationToken.None));
        scheduler.ScheduleCron<VacantEscalationJob>(projectId, VacantEscalationJob.JobKey, VacantEscalationJob.Cron, timeZone, j => j.RunForProjectAsync(projectId, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
