using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public void An_empty_database_is_migrated_to_the_latest_migration()
    {
        using var db = new TestDatabase();
        using var ctx = db.Db(null);
        Assert.Empty(ctx.Database.GetPendingMigrations());
        Assert.Equal(ctx.Database.GetMigrations().Last(), ctx.Database.GetAppliedMigrations().Last());
    }
}
