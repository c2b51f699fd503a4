using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>At start, makes sure every active project has its recurring repair jobs. Scheduling under the same
/// key replaces, so this is safe on every start and picks up projects created since.</summary>
public sealed class RepairJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler, ILogger<RepairJobsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            await EnsureAsync(scheduler, p.Id, p.TimeZone, ct);
        log.LogInformation("Repair escalation jobs scheduled");
    }

    public static Task EnsureAsync(JobScheduler scheduler, int projectId, string timeZone, CancellationToken ct = default) =>
        scheduler.ScheduleCronAsync<RepairEscalationJob>(projectId, RepairEscalationJob.Key, RepairEscalationJob.Cron, timeZone, ct: ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
