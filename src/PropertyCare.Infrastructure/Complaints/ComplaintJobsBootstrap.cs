using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>At start, gives every active project its recurring complaint jobs (escalation hourly, follow-up and callback
/// reminders daily at 09:00) in the project's time zone; registering under the same id replaces, so every start is safe.</summary>
public sealed class ComplaintJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler, ILogger<ComplaintJobsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            Ensure(scheduler, p.Id, p.TimeZone);
        log.LogInformation("Complaint escalation and reminder jobs registered");
    }

    public static void Ensure(JobScheduler scheduler, int projectId, string timeZone)
    {
        scheduler.ScheduleCron<ComplaintEscalationJob>(projectId, ComplaintEscalationJob.JobKey, ComplaintEscalationJob.Cron, timeZone, j => j.RunForProjectAsync(projectId, CancellationToken.None));
        scheduler.ScheduleCron<ComplaintFollowUpReminderJob>(projectId, ComplaintFollowUpReminderJob.JobKey, ComplaintFollowUpReminderJob.Cron, timeZone,
            j => j.RunForProjectAsync(projectId, CancellationToken.None));
        scheduler.ScheduleCron<ComplaintCallbackDueJob>(projectId, ComplaintCallbackDueJob.JobKey, ComplaintCallbackDueJob.Cron, timeZone,
            j => j.RunForProjectAsync(projectId, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
