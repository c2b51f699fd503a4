using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Notifications;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>At start, makes sure every active project has its recurring repair jobs (in the project's time
/// zone) and the outbox has its dispatcher. Registering under the same id replaces, so this is safe on every
/// start and picks up projects created since.</summary>
public sealed class RepairJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler, Hangfire.IRecurringJobManager recurring,
    ILogger<RepairJobsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            Ensure(scheduler, p.Id, p.TimeZone);
        OutboxDispatcher.Register(recurring);
        log.LogInformation("Repair escalation and outbox jobs registered");
    }

    public static void Ensure(JobScheduler scheduler, int projectId, string timeZone) =>
        scheduler.ScheduleCron<RepairEscalation>(projectId, RepairEscalation.JobKey, RepairEscalation.Cron, timeZone, e => e.RunForProjectAsync(projectId, CancellationToken.None));

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
