using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Jobs;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>Hangfire inside the app. Everything Hangfire needs is registered per service provider (storage,
/// filters, activator) instead of through its static globals, so two apps in one process (the tests) never
/// share a storage or a filter; `AddHangfire` then only fills in what we did not register.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddPropertyCareJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(_ => CreateStorage(config));
        services.AddSingleton<ProjectJobFilter>();
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var retryBase = config.GetValue("PropertyCare:Jobs:RetryBaseSeconds", 60);
            var filters = new JobFilterCollection
            {
                // Back-off of 1 then 2 minutes (JobRun.Fail says the same), then the job stays visibly failed.
                new AutomaticRetryAttribute { Attempts = JobRun.MaxAttempts - 1, DelaysInSeconds = [retryBase, 2 * retryBase], OnAttemptsExceeded = AttemptsExceededAction.Fail },
                new StatisticsHistoryAttribute(),
            };
            filters.Add(sp.GetRequiredService<ProjectJobFilter>());
            // Attributes on job methods (e.g. the outbox's own retry rule) override the defaults above.
            return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
        });
        services.AddSingleton<JobActivator, ProjectJobActivator>();
        services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseLogProvider(new SafeLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(sp.GetRequiredService<ILoggerFactory>()))));
        services.AddHangfireServer((_, o) =>
        {
            // The embedded SQLite storage has had race bugs under many workers: few workers, proven exactly-once by test.
            o.WorkerCount = config.GetValue("PropertyCare:Jobs:Workers", IsSqlite(config) ? 2 : Math.Min(20, Environment.ProcessorCount * 5));
            o.SchedulePollingInterval = TimeSpan.FromMilliseconds(config.GetValue("PropertyCare:Jobs:PollMs", 5000));
            o.ServerTimeout = TimeSpan.FromMinutes(1);
        });
        services.AddSingleton<JobScheduler>();
        services.AddScoped<JobDashboard>();
        return services;
    }

    public static bool IsSqlite(IConfiguration config) =>
        string.Equals(config["PropertyCare:Database:Provider"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase);

    /// <summary>The storage follows the database provider. SQLite: a file of its own beside the application
    /// database (Hangfire.Storage.SQLite writes through its own SQLite library; one file would make the two
    /// writers wait on each other's locks). Server databases: Hangfire's own schema in the same database.</summary>
    public static JobStorage CreateStorage(IConfiguration config)
    {
        var connection = config.GetConnectionString("Default") ?? DependencyInjection.DefaultConnection;
        var provider = config["PropertyCare:Database:Provider"] ?? "Sqlite";
        var poll = TimeSpan.FromMilliseconds(config.GetValue("PropertyCare:Jobs:PollMs", 5000));
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => new SQLiteStorage(StorageFile(connection), new SQLiteStorageOptions { QueuePollInterval = poll }),
            "postgresql" => new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connection, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { QueuePollInterval = poll, PrepareSchemaIfNecessary = true }),
            "sqlserver" => new SqlServerStorage(connection, new SqlServerStorageOptions { QueuePollInterval = TimeSpan.Zero, PrepareSchemaIfNecessary = true }),
            _ => throw new InvalidOperationException($"Unknown PropertyCare:Database:Provider '{provider}' (Sqlite, SqlServer or PostgreSql)."),
        };
    }

    /// <summary>data/propertycare.db → data/propertycare-jobs.db.</summary>
    public static string StorageFile(string sqliteConnection)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(sqliteConnection).DataSource);
        return Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + "-jobs.db");
    }
}

/// <summary>Hangfire's log provider is process-wide, ours belongs to one service provider: when that is disposed
/// (a test's app, or the host at shutdown) while another app in the process still runs, Hangfire must not
/// fail on the disposed logger factory; it logs nothing instead.</summary>
internal sealed class SafeLogProvider(Hangfire.Logging.ILogProvider inner) : Hangfire.Logging.ILogProvider
{
    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try { return inner.GetLogger(name); }
        catch (ObjectDisposedException) { return Silent.Instance; }
    }
}

internal sealed class Silent : Hangfire.Logging.ILog
{
    public static readonly Silent Instance = new();
    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
}
