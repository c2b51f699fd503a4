using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Tenancy;
using Quartz;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>On a callback's day (09:00 project time) reminds the desk that it is due, unless it was done
/// already. The worklist does not depend on this job: it reads the callback's due day directly, so a
/// reminder lost with a crashed scheduler never loses a callback.</summary>
public sealed class CallbackReminderJob(IServiceProvider services) : ProjectJob(services)
{
    public const string CallbackIdKey = "callbackId";
    private readonly IServiceProvider _services = services;

    public static string KeyFor(int callbackId) => $"callback-{callbackId}";

    internal static async Task ScheduleAsync(JobScheduler scheduler, ProjectClock clock, Callback callback, ILogger log, CancellationToken ct)
    {
        var at = clock.ToUtc(callback.DueOn.ToDateTime(new TimeOnly(9, 0)));
        try
        {
            await scheduler.ScheduleAtAsync<CallbackReminderJob>(callback.ProjectId, KeyFor(callback.Id), new DateTimeOffset(at, TimeSpan.Zero),
                new Dictionary<string, string> { [CallbackIdKey] = callback.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not schedule the reminder of callback {Callback}; it is on the worklist regardless", callback.Id);
        }
    }

    protected override async Task ExecuteInProjectAsync(IJobExecutionContext context, int projectId, CancellationToken ct)
    {
        var id = context.MergedJobDataMap.GetIntValueFromString(CallbackIdKey);
        var dbFactory = _services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var outbox = _services.GetRequiredService<NotificationOutbox>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Callbacks.AsNoTracking().Include(x => x.RepairOrder).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c == null || c.Status != CallbackStatus.Pending) return;
        foreach (var desk in await ProjectPeople.InRoleAsync(db, projectId, Roles.ServiceDesk, ct))
            await outbox.EnqueueAsync(db, Channel.InApp, desk.UserId, $"今日回访 {c.RepairOrder!.Number}",
                $"{c.RepairOrder.Category}：{c.RepairOrder.ContactName ?? ""} 的工单今日需回访（第 {c.Round} 次）。", $"callback-due-{c.Id}-{desk.UserId}", ct);
        await db.SaveChangesAsync(ct);
    }
}
