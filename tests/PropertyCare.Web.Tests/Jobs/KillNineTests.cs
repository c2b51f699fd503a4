using System.Diagnostics;
using System.Net;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Jobs;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Web.Tests.Jobs;

/// <summary>The real app (its built executable) on a temp SQLite file, or on a fresh database of the run's throwaway
/// PostgreSQL cluster, is killed with SIGKILL while a callback reminder and an escalation wait for their time;
/// started again, each runs exactly once: nothing is lost with the process, nothing runs twice.
/// Real time, on purpose: the app is a separate process and Hangfire's scheduler reads the system clock, so the jobs
/// are due a few seconds after the kill and the test polls (with a deadline) until they ran.</summary>
public sealed class KillNineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pc-kill-{Guid.NewGuid():N}");
    private string Db => Path.Combine(_dir, "kill.db");
    private readonly AppProcesses _processes = new();
    private string _provider = "Sqlite";
    private string? _pgDatabase;

    /// <summary>What the app and the test's own client are pointed at: the same database and job store.</summary>
    private Dictionary<string, string?> Settings => _pgDatabase is null
        ? new() { ["ConnectionStrings:Default"] = $"Data Source={Db}" }
        : new() { ["PropertyCare:Database:Provider"] = _provider, ["ConnectionStrings:Default"] = PostgresCluster.Instance.ConnectionString(_pgDatabase) };

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Jobs_waiting_when_the_app_is_killed_run_exactly_once_after_it_starts_again(string provider)
    {
        _provider = provider;
        if (provider == "PostgreSql") _pgDatabase = PostgresCluster.NewDatabaseName("pckill");
        Directory.CreateDirectory(_dir);
        var first = await StartAsync();

        // Scheduled straight into the app's job store (as TechnicianService and the escalation do), due in 20 s.
        var config = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        await using var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(config)
            .AddPropertyCareInfrastructure(config).BuildServiceProvider();
        services.GetRequiredService<IGlobalConfiguration>();
        Callback callback;
        await using (var db = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
            callback = await db.Callbacks.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).FirstAsync(c => c.Status == CallbackStatus.Pending);
        var jobs = services.GetRequiredService<JobScheduler>();
        var due = DateTimeOffset.UtcNow.AddSeconds(20);
        int projectId = callback.ProjectId, callbackId = callback.Id;
        var reminderKey = CallbackReminderJob.KeyFor(callbackId);
        const string escalationKey = "escalation-after-kill";
        var reminderJob = jobs.ScheduleAt<CallbackReminderJob>(projectId, reminderKey, due, j => j.RemindAsync(projectId, callbackId, CancellationToken.None));
        var escalationJob = jobs.ScheduleAt<RepairEscalation>(projectId, escalationKey, due, e => e.RunForProjectAsync(projectId, CancellationToken.None));

        first.Kill(); // SIGKILL on Linux: no shutdown, no flush
        await first.WaitForExitAsync();
        Assert.True(DateTimeOffset.UtcNow < due, "the app was killed only after the jobs were due; the test proves nothing");
        Assert.Equal(0, Runs(services, reminderKey) + Runs(services, escalationKey));

        var second = await StartAsync();
        try
        {
            var storage = services.GetRequiredService<JobStorage>();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            bool Done(string id) { using var c = storage.GetConnection(); return c.GetStateData(id)?.Name == "Succeeded"; }
            while (!(Done(reminderJob) && Done(escalationJob)) && DateTime.UtcNow < deadline) await Task.Delay(250);
            Assert.True(Done(reminderJob) && Done(escalationJob), "the jobs did not run after the restart:\n" + Log);
            // Not before their time (the job stores keep due times to the whole second: up to 1 s early).
            Assert.True(DateTimeOffset.UtcNow >= due.AddSeconds(-1));
            Assert.Equal(1, Runs(services, reminderKey));
            Assert.Equal(1, Runs(services, escalationKey));
            // The reminder reached the project's service desk, once.
            await using var db = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
            var reminders = await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.DedupKey.StartsWith($"callback-due-{callbackId}-"));
            Assert.True(reminders >= 1, $"callback {callbackId} of project {projectId}: " +
                string.Join(", ", await db.OutboxMessages.IgnoreQueryFilters().Select(m => m.ProjectId + ":" + m.DedupKey).ToListAsync()));
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync();
        }
    }

    private static int Runs(IServiceProvider services, string key)
    {
        using var db = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return db.JobRuns.IgnoreQueryFilters().Count(r => r.JobKey == key && r.Status == JobRunStatus.Succeeded);
    }

    private string Log => _processes.Log;

    private async Task<Process> StartAsync()
    {
        var url = AppProcesses.FreeUrl();
        var app = _processes.Launch(url, Settings);
        await _processes.WaitHealthyAsync(app, url, TimeSpan.FromSeconds(120));
        return app;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_pgDatabase is not null) PostgresCluster.Instance.Drop(_pgDatabase);
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
