using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;
using Quartz;

namespace PropertyCare.Infrastructure.Tests.Jobs;

/// <summary>The Quartz scheduler with its persistent job store in the application's SQLite database.</summary>
public sealed class SchedulerTests
{
    private static readonly Dictionary<string, string?> FastPolling = new()
    {
        ["PropertyCare:Jobs:IdleWaitMs"] = "1000",
        ["PropertyCare:Jobs:MisfireThresholdMs"] = "1000",
    };

    /// <summary>Adds a building named after its key, in whatever project it runs in.</summary>
    public sealed class MarkerJob(IServiceProvider services) : ProjectJob(services)
    {
        private readonly IServiceProvider _services = services;
        protected override async Task ExecuteInProjectAsync(IJobExecutionContext context, int projectId, CancellationToken ct)
        {
            var tenant = _services.GetRequiredService<TenantContext>();
            await using var db = new AppDbContext(_services.GetRequiredService<DbContextOptions<AppDbContext>>(), tenant);
            var name = context.JobDetail.Key.Name;
            // Idempotent: a second run of the same job finds its building and does nothing.
            if (!await db.Buildings.AnyAsync(b => b.Name == name, ct)) db.Buildings.Add(new Building { Name = name, Floors = 1 });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Tries to reach another project's data from inside a job and records what happened.</summary>
    public sealed class ProbeJob(IServiceProvider services) : ProjectJob(services)
    {
        public static readonly ConcurrentDictionary<string, string> Results = new();
        private readonly IServiceProvider _services = services;
        protected override async Task ExecuteInProjectAsync(IJobExecutionContext context, int projectId, CancellationToken ct)
        {
            var tenant = _services.GetRequiredService<TenantContext>();
            await using var db = new AppDbContext(_services.GetRequiredService<DbContextOptions<AppDbContext>>(), tenant);
            var target = int.Parse(context.MergedJobDataMap.GetString("target")!);
            var visible = await db.Buildings.CountAsync(b => b.ProjectId == target, ct);
            db.Buildings.Add(new Building { ProjectId = target, Name = "越界", Floors = 1 });
            string write;
            try { await db.SaveChangesAsync(ct); write = "saved"; }
            catch (TenantViolationException) { write = "refused"; }
            Results[context.JobDetail.Key.Name] = $"visible={visible};write={write}";
        }
    }

    /// <summary>Always fails.</summary>
    public sealed class BrokenJob(IServiceProvider services) : ProjectJob(services)
    {
        public static int Calls;
        protected override Task ExecuteInProjectAsync(IJobExecutionContext context, int projectId, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("短信网关无响应");
        }
    }

    private static List<(int ProjectId, string Name)> Buildings(AppServices app)
    {
        using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return db.Buildings.IgnoreQueryFilters().OrderBy(b => b.Id).Select(b => new { b.ProjectId, b.Name }).AsEnumerable().Select(b => (b.ProjectId, b.Name)).ToList();
    }

    private static async Task WaitUntil(Func<bool> condition, int seconds = 30)
    {
        for (var i = 0; i < seconds * 10 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "the job did not run in time");
    }

    [Fact]
    public async Task A_job_scheduled_before_a_restart_fires_after_it_and_a_missed_time_fires_at_start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pc-jobs-{Guid.NewGuid():N}.db");
        try
        {
            Project a;
            await using (var first = new AppServices(databaseFile: file, settings: FastPolling))
            {
                (a, _) = await first.TwoCompaniesAsync();
                var host = first.Provider.GetRequiredService<SchedulerHost>();
                await host.StartAsync(default);
                var jobs = first.Provider.GetRequiredService<JobScheduler>();
                await jobs.ScheduleAtAsync<MarkerJob>(a.Id, "after-restart", DateTimeOffset.UtcNow.AddSeconds(4));
                await jobs.ScheduleAtAsync<MarkerJob>(a.Id, "missed-while-down", DateTimeOffset.UtcNow.AddSeconds(1));
                await host.StopAsync(default);
                Assert.Empty(Buildings(first));
            }
            // The app is "down" past the second job's time and past the misfire threshold.
            await Task.Delay(2500);

            await using var second = new AppServices(databaseFile: file, settings: FastPolling);
            var again = second.Provider.GetRequiredService<SchedulerHost>();
            await again.StartAsync(default);
            await WaitUntil(() => Buildings(second).Count == 2);
            Assert.Equal([(a.Id, "after-restart"), (a.Id, "missed-while-down")], Buildings(second).OrderBy(b => b.Name).ToList());
            await again.StopAsync(default);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(f)) File.Delete(f);
        }
    }

    [Fact]
    public async Task A_job_of_one_project_cannot_see_or_touch_another_projects_data()
    {
        await using var app = new AppServices(settings: FastPolling);
        var (a, b) = await app.TwoCompaniesAsync();
        var host = app.Provider.GetRequiredService<SchedulerHost>();
        await host.StartAsync(default);
        var jobs = app.Provider.GetRequiredService<JobScheduler>();
        await jobs.ScheduleAtAsync<MarkerJob>(b.Id, "b-own", DateTimeOffset.UtcNow);
        await WaitUntil(() => Buildings(app).Count == 1);
        // Idempotent: the same job run again does no second piece of work.
        await jobs.ScheduleAtAsync<MarkerJob>(b.Id, "b-own", DateTimeOffset.UtcNow);
        using (var scope = app.As(Domain.Access.Roles.ProjectManager, b))
            await WaitUntil(() => scope.ServiceProvider.GetRequiredService<JobDashboard>().RunsAsync(Domain.Jobs.JobRunStatus.Succeeded, 1, 10).Result.Total == 2);
        var key = $"probe-{Guid.NewGuid():N}";
        await jobs.ScheduleAtAsync<ProbeJob>(a.Id, key, DateTimeOffset.UtcNow, new Dictionary<string, string> { ["target"] = b.Id.ToString() });
        await WaitUntil(() => ProbeJob.Results.ContainsKey(key));
        Assert.Equal("visible=0;write=refused", ProbeJob.Results[key]);
        Assert.Equal([(b.Id, "b-own")], Buildings(app));
        await host.StopAsync(default);
    }

    [Fact]
    public async Task Scheduling_the_same_key_again_replaces_and_cancel_removes()
    {
        await using var app = new AppServices(settings: FastPolling);
        var (a, _) = await app.TwoCompaniesAsync();
        var host = app.Provider.GetRequiredService<SchedulerHost>();
        var jobs = app.Provider.GetRequiredService<JobScheduler>();
        await jobs.ScheduleAtAsync<MarkerJob>(a.Id, "callback-BX-1", DateTimeOffset.UtcNow.AddDays(1));
        await jobs.ScheduleAtAsync<MarkerJob>(a.Id, "callback-BX-1", DateTimeOffset.UtcNow.AddDays(2));
        var scheduler = await host.SchedulerAsync();
        var triggers = await scheduler.GetTriggersOfJob(JobScheduler.Key(a.Id, "callback-BX-1"));
        Assert.Single(triggers);
        Assert.True(triggers.Single().GetNextFireTimeUtc() > DateTimeOffset.UtcNow.AddDays(1.5));
        Assert.True(await jobs.RescheduleAsync(a.Id, "callback-BX-1", DateTimeOffset.UtcNow.AddHours(3)));
        Assert.True((await scheduler.GetTriggersOfJob(JobScheduler.Key(a.Id, "callback-BX-1"))).Single().GetNextFireTimeUtc() < DateTimeOffset.UtcNow.AddHours(4));
        // A daily report at 09:00 project time (Asia/Shanghai, UTC+8) fires at 01:00 UTC.
        await jobs.ScheduleCronAsync<MarkerJob>(a.Id, "daily-report", "0 0 9 * * ?", "Asia/Shanghai");
        var daily = (await scheduler.GetTriggersOfJob(JobScheduler.Key(a.Id, "daily-report"))).Single().GetNextFireTimeUtc()!.Value;
        Assert.Equal((1, 0, 0), (daily.UtcDateTime.Hour, daily.UtcDateTime.Minute, daily.UtcDateTime.Second));
        Assert.True(await jobs.CancelAsync(a.Id, "callback-BX-1"));
        Assert.False(await scheduler.CheckExists(JobScheduler.Key(a.Id, "callback-BX-1")));
        Assert.False(await jobs.CancelAsync(a.Id, "callback-BX-1"));
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_back_off_then_shows_as_failed_and_can_be_retried_by_hand()
    {
        // The app's clock runs ten minutes behind the real one, so each back-off (1, 2 minutes) has already
        // passed for Quartz and the retries happen at once instead of after waiting.
        var clock = new TestClock(DateTimeOffset.UtcNow.AddMinutes(-10));
        await using var app = new AppServices(s => s.AddSingleton<TimeProvider>(clock), settings: FastPolling);
        var (a, b) = await app.TwoCompaniesAsync();
        var host = app.Provider.GetRequiredService<SchedulerHost>();
        await host.StartAsync(default);
        await app.Provider.GetRequiredService<JobScheduler>().ScheduleAtAsync<BrokenJob>(a.Id, "sms-1", DateTimeOffset.UtcNow);

        using var scope = app.As(Domain.Access.Roles.ProjectManager, a);
        var dashboard = scope.ServiceProvider.GetRequiredService<JobDashboard>();
        await WaitUntil(() => dashboard.RunsAsync(null, 1, 10).Result.Items.Any(r => r.Status == Domain.Jobs.JobRunStatus.Failed));
        var runs = (await dashboard.RunsAsync(null, 1, 10)).Items.OrderBy(r => r.Id).ToList();
        Assert.Equal([(1, Domain.Jobs.JobRunStatus.Retrying), (2, Domain.Jobs.JobRunStatus.Retrying), (3, Domain.Jobs.JobRunStatus.Failed)],
            runs.Select(r => (r.Attempt, r.Status)));
        Assert.All(runs, r => Assert.Equal("短信网关无响应", r.Error));
        Assert.Empty(await dashboard.ScheduledAsync());

        await dashboard.RetryAsync("sms-1");
        await WaitUntil(() => dashboard.RunsAsync(null, 1, 10).Result.Total == 4);

        // Another project's manager neither sees the runs nor can retry or delete the job.
        using var other = app.As(Domain.Access.Roles.ProjectManager, b);
        var theirs = other.ServiceProvider.GetRequiredService<JobDashboard>();
        Assert.Equal(0, (await theirs.RunsAsync(null, 1, 10)).Total);
        await Assert.ThrowsAsync<Domain.Common.RecordNotFoundException>(() => theirs.RetryAsync("sms-1"));
        await Assert.ThrowsAsync<Domain.Common.RecordNotFoundException>(() => theirs.DeleteAsync("sms-1"));
        await WaitUntil(() => dashboard.RunsAsync(null, 1, 10).Result.Items.Count(r => r.Status == Domain.Jobs.JobRunStatus.Failed) == 2);
        await dashboard.DeleteAsync("sms-1");
        await host.StopAsync(default);
    }
}
