using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Tests.Support;

/// <summary>The infrastructure's real service registrations (Identity included) over a fresh SQLite file,
/// for services that create users.</summary>
public sealed class AppServices : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pc-svc-{Guid.NewGuid():N}.db");
    public ServiceProvider Provider { get; }

    public AppServices(Action<IServiceCollection>? replace = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={_path}" }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPropertyCareInfrastructure(config);
        replace?.Invoke(services);
        Provider = services.BuildServiceProvider();
        DependencyInjection.PrepareDatabaseAsync(Provider).GetAwaiter().GetResult();
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
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
