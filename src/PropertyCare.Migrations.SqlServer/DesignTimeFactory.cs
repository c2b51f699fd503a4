using Microsoft.EntityFrameworkCore.Design;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Migrations.SqlServer;

/// <summary>`dotnet ef` looks for the factory in the startup project; infra/ef.sh makes this project the startup
/// project of its own set, so the context is configured for SqlServer whatever arguments come.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => Infrastructure.Data.DesignTimeFactory.Create(DatabaseProvider.SqlServer);
}
