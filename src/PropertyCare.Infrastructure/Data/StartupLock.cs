using Microsoft.Extensions.Configuration;

namespace PropertyCare.Infrastructure.Data;

/// <summary>Held while an instance prepares the shared database at start (migrations, roles, the first admin, demo
/// data, Hangfire's schema, the first Data Protection key). Several instances started at once on an empty server
/// database would otherwise run the same migration or insert the same role twice and one would die; with the lock
/// the second waits, then finds everything done. SQLite is the single-instance embedded database: no lock.
/// The SQL is the provider's own, in its own class (PostgreSqlStartupLock, SqlServerStartupLock).</summary>
public static class StartupLock
{
    /// <summary>How long an instance waits for another one's start before it gives up with an error.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);

    public static async Task<IAsyncDisposable> AcquireAsync(IConfiguration config, CancellationToken ct = default)
    {
        var provider = DatabaseProviders.FromConfig(config);
        var connection = config.GetConnectionString("Default");
        return provider switch
        {
            DatabaseProvider.PostgreSql => await PostgreSqlStartupLock.AcquireAsync(connection!, ct),
            DatabaseProvider.SqlServer => await SqlServerStartupLock.AcquireAsync(connection!, ct),
            _ => NoLock.Instance,
        };
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
