using System.Collections.Specialized;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Impl;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>Runs Quartz inside the app with the persistent ADO job store in the application database
/// (tables from the QuartzJobStore migration). The same properties run clustered on a server database
/// (set quartz.jobStore.clustered and the provider/delegate for that database).</summary>
public sealed class SchedulerHost(IConfiguration config, IServiceScopeFactory scopes) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IScheduler? _scheduler;

    public async Task<IScheduler> SchedulerAsync(CancellationToken ct = default)
    {
        if (_scheduler != null) return _scheduler;
        await _lock.WaitAsync(ct);
        try
        {
            if (_scheduler != null) return _scheduler;
            var scheduler = await new StdSchedulerFactory(Properties()).GetScheduler(ct);
            scheduler.JobFactory = new ScopedJobFactory(scopes);
            return _scheduler = scheduler;
        }
        finally
        {
            _lock.Release();
        }
    }

    public NameValueCollection Properties()
    {
        var connection = new SqliteConnectionStringBuilder(config.GetConnectionString("Default") ?? DependencyInjection.DefaultConnection);
        connection.DataSource = Path.GetFullPath(connection.DataSource);
        return new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = "PropertyCare",
            ["quartz.scheduler.instanceId"] = "AUTO",
            ["quartz.threadPool.maxConcurrency"] = "2",
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.SQLiteDelegate, Quartz",
            ["quartz.jobStore.tablePrefix"] = "QRTZ_",
            ["quartz.jobStore.dataSource"] = "default",
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.jobStore.clustered"] = config["PropertyCare:Jobs:Clustered"] ?? "false",
            // A trigger more than a minute late counts as misfired and follows its misfire instruction.
            ["quartz.jobStore.misfireThreshold"] = config["PropertyCare:Jobs:MisfireThresholdMs"] ?? "60000",
            // How long the scheduler sleeps when nothing is due; scheduling a job wakes it anyway.
            ["quartz.scheduler.idleWaitTime"] = config["PropertyCare:Jobs:IdleWaitMs"] ?? "30000",
            ["quartz.dataSource.default.provider"] = "SQLite-Microsoft",
            ["quartz.dataSource.default.connectionString"] = connection.ToString(),
            ["quartz.serializer.type"] = typeof(JsonObjectSerializer).AssemblyQualifiedName!,
        };
    }

    public async Task StartAsync(CancellationToken ct) => await (await SchedulerAsync(ct)).Start(ct);

    public async Task StopAsync(CancellationToken ct)
    {
        if (_scheduler != null) await _scheduler.Shutdown(waitForJobsToComplete: true, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is { IsShutdown: false }) await _scheduler.Shutdown(false);
    }
}
