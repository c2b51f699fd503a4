using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Identity;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Web.Tests;

/// <summary>The real app on PostgreSQL (a fresh database on the run's throwaway cluster): it migrates with the
/// PostgreSQL set, seeds the demo, signs staff in and serves the owner list.</summary>
public sealed class PostgreSqlAppFixture : WebAppFixture
{
    public string Database { get; } = PostgresCluster.NewDatabaseName("pcweb");

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting(DatabaseProviders.SettingKey, "PostgreSql");
        builder.UseSetting("ConnectionStrings:Default", PostgresCluster.Instance.ConnectionString(Database));
        // Nothing removed: Hangfire's storage follows the provider, so the whole app (jobs included) runs on PostgreSQL.
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        PostgresCluster.Instance.Drop(Database);
    }
}

public sealed class PostgreSqlAppTests(PostgreSqlAppFixture app) : IClassFixture<PostgreSqlAppFixture>
{
    [Fact]
    public async Task The_app_migrates_seeds_and_serves_the_owner_list_on_PostgreSQL()
    {
        var client = app.Client();
        var login = await WebAppFixture.SignInAsync(client, "staff");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var page = await client.GetAsync("/p/1/owners");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The database really is PostgreSQL, migrated with its own set.
        using var scope = app.Services.CreateScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        // Background jobs live in the same PostgreSQL database: the start registered the recurring jobs (escalation per
        // project, the outbox) in Hangfire's schema there.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int recurring;
        while ((recurring = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.set WHERE key = 'recurring-jobs'").SingleAsync()) == 0
               && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.True(recurring >= 2, $"{recurring} recurring jobs in PostgreSQL");
        Assert.Equal(db.Database.GetMigrations().Last(), (await db.Database.GetAppliedMigrationsAsync()).Last());

        // The page renders in its circuit (no prerender), so its data is fetched as the circuit does: staff enters
        // project 1 through the project door and asks the owner service for the first page, sorted as the page asks.
        var staff = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("staff");
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.SetUser(new UserIdentity(staff!.Id, "客服 王芳", staff.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        await scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterAsync(1);
        var list = await scope.ServiceProvider.GetRequiredService<OwnerService>().ListAsync(new OwnerListQuery(), 1, 20);
        var stored = await db.Owners.IgnoreQueryFilters().CountAsync(o => o.ProjectId == 1);
        Assert.True(stored > 20, $"demo owners in project 1: {stored}");
        Assert.Equal(stored, list.Total);
        Assert.Equal(20, list.Items.Count);
        Assert.All(list.Items, o => Assert.False(string.IsNullOrEmpty(o.Name)));
    }
}
