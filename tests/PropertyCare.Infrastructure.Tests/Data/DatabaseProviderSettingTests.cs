using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Tests.Data;

/// <summary>`PropertyCare:Database:Provider` picks the provider and its migrations set; a wrong or incomplete setting
/// stops the start with a message naming the fix, instead of quietly running on a SQLite file.</summary>
public sealed class DatabaseProviderSettingTests
{
    private static DbContextOptions<AppDbContext> Options(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPropertyCareInfrastructure(config).BuildServiceProvider()
            .GetRequiredService<DbContextOptions<AppDbContext>>();
    }

    [Theory]
    [InlineData("SqlServer", "Server=db;Database=pc;User Id=pc;Password=x", "Microsoft.EntityFrameworkCore.SqlServer", "PropertyCare.Migrations.SqlServer")]
    [InlineData("postgresql", "Host=db;Database=pc", "Npgsql.EntityFrameworkCore.PostgreSQL", "PropertyCare.Migrations.PostgreSql")]
    [InlineData(null, "Data Source=/tmp/pc-setting-test.db", "Microsoft.EntityFrameworkCore.Sqlite", "PropertyCare.Infrastructure")]
    public void The_setting_chooses_the_provider_and_its_migrations_set(string? provider, string connection, string efProvider, string migrations)
    {
        var options = Options(new() { [DatabaseProviders.SettingKey] = provider, ["ConnectionStrings:Default"] = connection });
        using var db = new AppDbContext(options, null);
        Assert.Equal(efProvider, db.Database.ProviderName);
        Assert.Equal(migrations, db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>().Assembly.GetName().Name);
    }

    [Fact]
    public void An_unknown_provider_stops_the_start_naming_the_choices()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Options(new() { [DatabaseProviders.SettingKey] = "MySql" }));
        Assert.Contains("Sqlite, SqlServer or PostgreSql", e.Message);
    }

    [Fact]
    public void A_server_provider_without_a_connection_string_stops_the_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Options(new() { [DatabaseProviders.SettingKey] = "PostgreSql" }));
        Assert.Contains("ConnectionStrings:Default", e.Message);
    }
}
