using Quartz;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>What the application asks of the scheduler: run a project's job at a time or on a cron
/// schedule (in the project's time zone), cancel or reschedule it by key. Keys are per project
/// (group "p{projectId}"), so scheduling the same key again replaces instead of doubling.</summary>
public sealed class JobScheduler(SchedulerHost host)
{
    public static JobKey Key(int projectId, string key) => new(key, $"p{projectId}");

    public async Task ScheduleAtAsync<TJob>(int projectId, string key, DateTimeOffset at, IReadOnlyDictionary<string, string>? data = null, CancellationToken ct = default)
        where TJob : ProjectJob
    {
        var job = Job<TJob>(projectId, key, data);
        var trigger = TriggerBuilder.Create().WithIdentity(key, job.Key.Group).ForJob(job).StartAt(at)
            // A time that passed while the app was down fires once at start.
            .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow()).Build();
        await (await host.SchedulerAsync(ct)).ScheduleJob(job, [trigger], replace: true, ct);
    }

    public async Task ScheduleCronAsync<TJob>(int projectId, string key, string cron, string timeZone, IReadOnlyDictionary<string, string>? data = null, CancellationToken ct = default)
        where TJob : ProjectJob
    {
        var job = Job<TJob>(projectId, key, data);
        var trigger = TriggerBuilder.Create().WithIdentity(key, job.Key.Group).ForJob(job)
            // A missed run (app down) runs once at start, not once per missed occurrence.
            .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(timeZone)).WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        await (await host.SchedulerAsync(ct)).ScheduleJob(job, [trigger], replace: true, ct);
    }

    public async Task<bool> CancelAsync(int projectId, string key, CancellationToken ct = default) =>
        await (await host.SchedulerAsync(ct)).DeleteJob(Key(projectId, key), ct);

    public async Task<bool> RescheduleAsync(int projectId, string key, DateTimeOffset at, CancellationToken ct = default)
    {
        var scheduler = await host.SchedulerAsync(ct);
        var triggerKey = new TriggerKey(key, $"p{projectId}");
        var trigger = TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(Key(projectId, key)).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow()).Build();
        return await scheduler.RescheduleJob(triggerKey, trigger, ct) != null;
    }

    private static IJobDetail Job<TJob>(int projectId, string key, IReadOnlyDictionary<string, string>? data) where TJob : ProjectJob
    {
        var map = new JobDataMap { [ProjectJob.ProjectIdKey] = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (k, v) in data ?? new Dictionary<string, string>()) map[k] = v;
        return JobBuilder.Create<TJob>().WithIdentity(Key(projectId, key)).UsingJobData(map).RequestRecovery().StoreDurably().Build();
    }
}
