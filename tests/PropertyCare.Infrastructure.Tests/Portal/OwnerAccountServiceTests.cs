using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Portal;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Portal;

public sealed class OwnerAccountServiceTests
{
    private static async Task<(Project A1, Project B1, int OwnerA1, int OwnerB1)> SeedAsync(AppServices app)
    {
        var options = app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, null);
        var a1 = new Project { Name = "翠湖花园", Code = "A1", Company = new Company { Name = "甲", Code = "A" } };
        var b1 = new Project { Name = "滨江壹号", Code = "B1", Company = new Company { Name = "乙", Code = "B" } };
        db.Projects.AddRange(a1, b1);
        await db.SaveChangesAsync();
        int Add(Project p, string phone)
        {
            using var scope = app.As(Roles.ServiceDesk, p);
            using var ctx = new AppDbContext(options, scope.ServiceProvider.GetRequiredService<Infrastructure.Tenancy.TenantContext>());
            var o = new Owner { Name = "林晓", IdNumber = "11010519491231002X", Phone = phone };
            ctx.Owners.Add(o);
            ctx.SaveChanges();
            return o.Id;
        }
        return (a1, b1, Add(a1, "13911112222"), Add(b1, "13933334444"));
    }

    [Fact]
    public async Task Opening_an_account_creates_an_owner_login_linked_to_the_owner_and_the_project()
    {
        await using var app = new AppServices();
        var (a1, _, ownerA1, _) = await SeedAsync(app);
        using var scope = app.As(Roles.ServiceDesk, a1);
        var accounts = scope.ServiceProvider.GetRequiredService<OwnerAccountService>();

        var password = await accounts.OpenAsync(ownerA1);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync("13911112222");
        Assert.NotNull(user);
        Assert.Equal(ownerA1, user.OwnerId);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.Equal([Roles.Owner], await users.GetRolesAsync(user));
        await Assert.ThrowsAsync<DomainException>(() => accounts.OpenAsync(ownerA1));
    }

    [Fact]
    public async Task Another_projects_owner_cannot_be_given_an_account()
    {
        await using var app = new AppServices();
        var (a1, _, _, ownerB1) = await SeedAsync(app);
        using var scope = app.As(Roles.ServiceDesk, a1);
        var accounts = scope.ServiceProvider.GetRequiredService<OwnerAccountService>();
        await Assert.ThrowsAsync<RecordNotFoundException>(() => accounts.OpenAsync(ownerB1));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("13933334444"));
    }

    [Fact]
    public async Task Only_staff_who_may_edit_owner_records_open_accounts()
    {
        await using var app = new AppServices();
        var (a1, _, ownerA1, _) = await SeedAsync(app);
        using var scope = app.As(Roles.HqAuditor, a1);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<OwnerAccountService>().OpenAsync(ownerA1));
    }
}
