using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace PropertyCare.Infrastructure.Data;

/// <summary>Which database the app runs on (<c>PropertyCare:Database:Provider</c>, connection string
/// <c>ConnectionStrings:Default</c>). SQLite is the embedded single-instance default; SQL Server and PostgreSQL
/// serve several app instances. Each provider has its own migrations set (docs/decisions/0014).</summary>
public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

public static class DatabaseProviders
{
    public const string SettingKey = "PropertyCare:Database:Provider";

    /// <summary>The assembly holding each provider's migrations; SQLite's history stays in Infrastructure, where
    /// existing databases' __EFMigrationsHistory rows point.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => "PropertyCare.Migrations.SqlServer",
        DatabaseProvider.PostgreSql => "PropertyCare.Migrations.PostgreSql",
        _ => typeof(AppDbContext).Assembly.GetName().Name!,
    };

    public static DatabaseProvider FromConfig(IConfiguration config) => Parse(config[SettingKey]);

    /// <summary>Unknown names stop the start with a clear message rather than silently falling back to SQLite.</summary>
    public static DatabaseProvider Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) ? p
        : throw new InvalidOperationException($"{SettingKey} = '{value}': use Sqlite, SqlServer or PostgreSql.");

    /// <summary>Points the options at the provider and its migrations set. SQLite-only pieces (the secure_delete
    /// interceptor) are added only for SQLite.</summary>
    public static DbContextOptionsBuilder<AppDbContext> Use(this DbContextOptionsBuilder<AppDbContext> b, DatabaseProvider provider, string connection)
    {
        var migrations = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.SqlServer => b.UseSqlServer(connection, o => o.CommandTimeout(30).MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => b.UseNpgsql(connection, o => o.CommandTimeout(30).MigrationsAssembly(migrations)),
            _ => b.UseSqlite(connection, o => o.CommandTimeout(30)).AddInterceptors(new SecureDeleteInterceptor()),
        };
    }
}
