using Microsoft.EntityFrameworkCore;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = new TestDatabase();
        using var ctx = db.Db(null);
        Assert.False(ctx.Database.HasPendingModelChanges(), "The model changed without a migration: run infra/ef.sh migrations add <Name>.");
    }

    /// <summary>Every provider's set is checked against the one model without a server: the snapshot of each set
    /// must equal the model as that provider builds it.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Every_provider_set_has_every_model_change(DatabaseProvider provider)
    {
        using var ctx = DesignTimeFactory.Create(provider);
        Assert.True(ctx.Database.GetMigrations().Any(), $"{provider}: no migrations found in {DatabaseProviders.MigrationsAssembly(provider)}.");
        Assert.False(ctx.Database.HasPendingModelChanges(), $"{provider}: the model changed without a migration in this set: run infra/ef.sh migrations add <Name>.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void An_empty_database_is_migrated_to_the_latest_migration(DatabaseProvider provider)
    {
        using var db = new TestDatabase(provider);
        using var ctx = db.Db(null);
        Assert.Empty(ctx.Database.GetPendingMigrations());
        Assert.Equal(ctx.Database.GetMigrations().Last(), ctx.Database.GetAppliedMigrations().Last());
    }
}
