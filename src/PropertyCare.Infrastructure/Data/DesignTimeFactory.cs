using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PropertyCare.Infrastructure.Data;

/// <summary>Used by `dotnet ef` (infra/ef.sh) and the migration tests. The provider comes after `--`: `-- --provider PostgreSql`
/// (EF's documented way to generate one migrations set per provider from one context); no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        return Create(DatabaseProviders.Parse(at >= 0 && at + 1 < args.Length ? args[at + 1] : null));
    }

    /// <summary>A context for generating and checking a migrations set; the connection string is a placeholder
    /// (nothing connects), so it works without a server.</summary>
    public static AppDbContext Create(DatabaseProvider provider)
    {
        var connection = provider switch
        {
            DatabaseProvider.SqlServer => "Server=localhost;Database=PropertyCare;Integrated Security=true;TrustServerCertificate=true",
            DatabaseProvider.PostgreSql => "Host=localhost;Database=propertycare",
            _ => "Data Source=design.db",
        };
        return new(new DbContextOptionsBuilder<AppDbContext>().Use(provider, connection).Options, null);
    }
}
