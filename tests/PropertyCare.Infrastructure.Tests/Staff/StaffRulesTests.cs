using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Staff;

/// <summary>The manager's staff page rules that StaffServiceTests and StaffAuthorityTests leave open: the phone
/// number of a new colleague, and accounts on the project that are not plain desk staff or technicians.</summary>
public class StaffRulesTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string Password = "Init@2026";

    private sealed record World(Project P1, string Manager);

    private static async Task<World> SeedAsync(AppServices app)
    {
        var p1 = new Project { Name = "翠湖花园", Code = "P1", Company = new Company { Name = "甲", Code = "A" } };
        await using (var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            db.Projects.Add(p1);
            await db.SaveChangesAsync();
        }
        return new World(p1, await AddAsync(app, p1, "manager", Roles.ProjectManager));
    }

    private static async Task<string> AddAsync(AppServices app, Project project, string name, params string[] roles)
    {
        using var scope = app.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var u = new AppUser { UserName = name, DisplayName = name, CompanyId = project.CompanyId };
        Assert.True((await users.CreateAsync(u, Password)).Succeeded);
        foreach (var role in roles) await users.AddToRoleAsync(u, role);
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        db.ProjectAssignments.Add(new ProjectAssignment { UserId = u.Id, ProjectId = project.Id });
        await db.SaveChangesAsync();
        return u.Id;
    }

    private static async Task<AppUser> UserAsync(AppServices app, string id)
    {
        using var scope = app.Provider.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
    }

    [Fact]
    public async Task A_new_colleagues_phone_number_is_kept_trimmed_and_an_invalid_one_is_refused()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        using var scope = app.As(Roles.ProjectManager, w.P1, userId: w.Manager);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();

        var withPhone = await staff.AddAsync("wangfang", "王芳", " 13800138000 ", Roles.ServiceDesk, Password);
        var without = await staff.AddAsync("lina", "李娜", "  ", Roles.Technician, Password);
        var bad = await Assert.ThrowsAsync<ValidationException>(() => staff.AddAsync("zhaomin", "赵敏", "12345", Roles.ServiceDesk, Password));

        Assert.Equal("13800138000", (await UserAsync(app, withPhone)).PhoneNumber);
        Assert.Null((await UserAsync(app, without)).PhoneNumber);
        Assert.Equal(["Phone"], bad.Errors.Select(e => e.Field));
        Assert.DoesNotContain(await staff.ListAsync(), s => s.UserName == "zhaomin");
    }

    public static TheoryData<string[]> NotOnlyProjectStaff => new()
    {
        Array.Empty<string>(),                             // an account without a role
        new[] { Roles.ServiceDesk, Roles.ProjectManager }, // desk staff who is also a manager
        new[] { Roles.Technician, Roles.HqAuditor },       // a technician who is also head office
    };

    [Theory, MemberData(nameof(NotOnlyProjectStaff))]
    public async Task A_manager_may_not_act_on_an_account_that_is_not_only_desk_staff_or_technician(string[] roles)
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        var target = await AddAsync(app, w.P1, "target", roles);
        using var scope = app.As(Roles.ProjectManager, w.P1, userId: w.Manager);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => staff.SetActiveAsync(target, false));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.ResetPasswordAsync(target));

        Assert.Equal(StaffService.NotProjectStaff, refused.Text);
        Assert.True((await UserAsync(app, target)).IsActive);
        var row = (await staff.ListAsync()).Single(s => s.Id == target);
        Assert.Equal(StaffService.NotProjectStaff, row.Unavailable);
    }
}
