using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Tests.Support;

/// <summary>The infrastructure's real service registrations (Identity included) over a fresh SQLite file,
/// for services that create users. On PostgreSQL: a fresh database of the run's throwaway cluster.</summary>
public sealed class AppServices : IAsyncDisposable
{
    private readonly string _path;
    private readonly bool _ownsFile;
    private readonly string? _pgDatabase;
    public ServiceProvider Provider { get; }
    public string DatabaseFile => _path;

    public AppServices(Action<IServiceCollection>? replace = null, string? databaseFile = null, IDictionary<string, string?>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _path = databaseFile ?? Path.Combine(Path.GetTempPath(), $"pc-svc-{Guid.NewGuid():N}.db");
        _ownsFile = databaseFile == null;
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["ConnectionStrings:Default"] = $"Data Source={_path}" };
        if (provider == DatabaseProvider.PostgreSql)
        {
            // A fresh database on the run's throwaway cluster (or the named one, shared across "restarts"); the app's
            // own registration picks the PostgreSQL set.
            _pgDatabase = databaseFile ?? PostgresCluster.NewDatabaseName("pcsvc");
            values["ConnectionStrings:Default"] = PostgresCluster.Instance.ConnectionString(_pgDatabase);
            values[DatabaseProviders.SettingKey] = nameof(DatabaseProvider.PostgreSql);
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(config).AddPropertyCareInfrastructure(config);
        replace?.Invoke(services);
        Provider = services.BuildServiceProvider();
        DependencyInjection.PrepareDatabaseAsync(Provider).GetAwaiter().GetResult();
    }

    /// <summary>Two projects of two different companies, for isolation checks.</summary>
    public async Task<(Project A, Project B)> TwoCompaniesAsync()
    {
        await using var db = new AppDbContext(Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var a = new Project { Name = "翠湖花园", Code = "A1", Company = new Company { Name = "甲", Code = "A" } };
        var b = new Project { Name = "滨江壹号", Code = "B1", Company = new Company { Name = "乙", Code = "B" } };
        db.Projects.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a, b);
    }

    /// <summary>A scope whose tenant context is a user of the given role inside the project.</summary>
    public IServiceScope As(string role, Project project, string userId = "u-test")
    {
        var scope = Provider.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.SetUser(new UserIdentity(userId, "测试用户", project.CompanyId, new HashSet<string> { role }, null));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        if (_pgDatabase != null)
        {
            if (_ownsFile) PostgresCluster.Instance.Drop(_pgDatabase);
            return;
        }
        SqliteConnection.ClearAllPools();
        if (_ownsFile)
            foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
