using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>A new project's repair settings row is made with defaults on first use. When two requests make it at the
/// same moment, the unique index keeps one, and the request that lost reads the winner's row instead of failing.</summary>
[Collection(RepairsCollection.Name)]
public class RepairSettingsFirstUseTests
{
    /// <summary>Right after a request has read that there is no settings row (and before it stores its own), another
    /// request stores one, with other categories.</summary>
    private sealed class OtherRequestFirst(Func<Project> project, Func<DbContextOptions<AppDbContext>> plainOptions) : DbCommandInterceptor
    {
        public bool Done { get; private set; }

        public override InterceptionResult DataReaderDisposing(System.Data.Common.DbCommand command, DataReaderDisposingEventData e, InterceptionResult result)
        {
            if (!Done && command.CommandText.Contains("\"RepairSettings\"") && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Done = true;
                var tenant = new TenantContext();
                tenant.SetUser(new UserIdentity("u-other", "另一位经理", project().CompanyId, new HashSet<string> { Roles.ProjectManager }, null));
                new TenantAccessor(tenant, new AppDbContextFactory(plainOptions(), tenant)).EnterTrusted(project());
                using var other = new AppDbContext(plainOptions(), tenant);
                var s = new RepairSettings();
                s.Change(3, 2, ["门窗", "水电"]);
                other.RepairSettings.Add(s);
                other.SaveChanges();
            }
            return result;
        }
    }

    [Fact]
    public async Task Two_first_uses_at_once_keep_one_settings_row_and_both_read_it()
    {
        Project a = null!;
        DbContextOptions<AppDbContext> plain = null!;
        var race = new OtherRequestFirst(() => a, () => plain);
        await using var app = new AppServices(services =>
        {
            plain = (DbContextOptions<AppDbContext>)services.Single(d => d.ServiceType == typeof(DbContextOptions<AppDbContext>)).ImplementationInstance!;
            services.Replace(ServiceDescriptor.Singleton(new DbContextOptionsBuilder<AppDbContext>(plain).AddInterceptors(race).Options));
        });
        (a, _) = await app.TwoCompaniesAsync();
        using var scope = app.As(Roles.ProjectManager, a);

        var settings = await scope.ServiceProvider.GetRequiredService<RepairSettingsService>().GetAsync();

        Assert.True(race.Done);
        Assert.Equal(["门窗", "水电"], settings.CategoryList);
        await using var db = new AppDbContext(plain, null);
        Assert.Equal(1, await db.RepairSettings.IgnoreQueryFilters().CountAsync(x => x.ProjectId == a.Id));
    }
}
