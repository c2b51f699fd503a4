using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>On a callback's day (09:00 project time) reminds the desk that it is due, unless it was done
/// already — a delayed Hangfire job. The worklist does not depend on this job: it reads the callback's due
/// day directly, so a reminder lost with the job store never loses a callback.</summary>
public sealed class CallbackReminderJob(IDbContextFactory<AppDbContext> dbFactory, NotificationOutbox outbox, TenantContext tenant)
{
    public static string KeyFor(int callbackId) => $"callback-{callbackId}";

    internal static void Schedule(JobScheduler scheduler, ProjectClock clock, Callback callback, ILogger log)
    {
        var at = clock.ToUtc(callback.DueOn.ToDateTime(new TimeOnly(9, 0)));
        try
        {
            int projectId = callback.ProjectId, id = callback.Id;
            scheduler.ScheduleAt<CallbackReminderJob>(projectId, KeyFor(id), new DateTimeOffset(at, TimeSpan.Zero), j => j.RemindAsync(projectId, id, CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not schedule the reminder of callback {Callback}; it is on the worklist regardless", callback.Id);
        }
    }

    /// <summary>The job. Idempotent: each message has a dedup key, so a second run sends nothing new.</summary>
    public async Task RemindAsync(int projectId, int callbackId, CancellationToken ct)
    {
        if (tenant.ProjectId != projectId) throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Callbacks.AsNoTracking().Include(x => x.RepairOrder).FirstOrDefaultAsync(x => x.Id == callbackId, ct);
        if (c == null || c.Status != CallbackStatus.Pending) return;
        foreach (var desk in await ProjectPeople.InRoleAsync(db, projectId, Roles.ServiceDesk, ct))
            await outbox.EnqueueAsync(db, Channel.InApp, desk.UserId, $"今日回访 {c.RepairOrder!.Number}",
                $"{c.RepairOrder.Category}：{c.RepairOrder.ContactName ?? ""} 的工单今日需回访（第 {c.Round} 次）。", $"callback-due-{c.Id}-{desk.UserId}", ct);
        await db.SaveChangesAsync(ct);
    }
}
