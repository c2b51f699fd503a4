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

public class StaffServiceTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<(Project A1, Project A2)> ProjectsAsync(AppServices app)
    {
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var company = new Company { Name = "甲", Code = "A" };
        var a1 = new Project { Name = "翠湖花园", Code = "A1", Company = company };
        var a2 = new Project { Name = "锦江华府", Code = "A2", Company = company };
        db.Projects.AddRange(a1, a2);
        await db.SaveChangesAsync();
        return (a1, a2);
    }

    [Fact]
    public async Task A_manager_adds_disables_and_resets_staff_of_the_own_project()
    {
        await using var app = new AppServices(provider: Provider);
        var (a1, _) = await ProjectsAsync(app);
        // The manager runs project A1: authority comes from the manager's assignments (see StaffAuthorityTests).
        var manager = new AppUser { UserName = "manager", DisplayName = "李静", CompanyId = a1.CompanyId };
        using (var setup = app.Provider.CreateScope())
        {
            var um = setup.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await um.CreateAsync(manager, "Init@2026")).Succeeded);
            await um.AddToRoleAsync(manager, Roles.ProjectManager);
        }
        await using (var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            db.ProjectAssignments.Add(new ProjectAssignment { UserId = manager.Id, ProjectId = a1.Id });
            await db.SaveChangesAsync();
        }
        using var scope = app.As(Roles.ProjectManager, a1, userId: manager.Id);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();

        var id = await staff.AddAsync("wangfang", "王芳", "13800138000", Roles.ServiceDesk, "Init@2026");
        // The manager is on the list too, but not theirs to reset or disable.
        var list = await staff.ListAsync();
        Assert.Equal(["manager", "wangfang"], list.Select(s => s.UserName));
        Assert.Equal([false, true], list.Select(s => s.CanManage));

        await staff.SetActiveAsync(id, false);
        var password = await staff.ResetPasswordAsync(id);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(id))!;
        Assert.False(user.IsActive);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.False(await users.CheckPasswordAsync(user, "Init@2026"));
    }

    [Fact]
    public async Task Weak_passwords_duplicate_names_and_non_staff_roles_are_refused()
    {
        await using var app = new AppServices(provider: Provider);
        var (a1, _) = await ProjectsAsync(app);
        using var scope = app.As(Roles.ProjectManager, a1);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
        var weak = await Assert.ThrowsAsync<ValidationException>(() => staff.AddAsync("lina", "李娜", null, Roles.ServiceDesk, "short"));
        Assert.Contains(weak.Errors, e => e.Field == "Password" && e.Message.Zh.Contains("密码"));
        await Assert.ThrowsAsync<ValidationException>(() => staff.AddAsync("boss", "老板", null, Roles.HqAuditor, "Init@2026"));
        await staff.AddAsync("lina", "李娜", null, Roles.Technician, "Init@2026");
        var dup = await Assert.ThrowsAsync<ValidationException>(() => staff.AddAsync("lina", "李娜二", null, Roles.Technician, "Init@2026"));
        Assert.Contains(dup.Errors, e => e.Message.Zh == "该登录名已被使用");
    }

    [Fact]
    public async Task A_manager_cannot_touch_staff_of_another_project()
    {
        await using var app = new AppServices(provider: Provider);
        var (a1, a2) = await ProjectsAsync(app);
        string other;
        using (var scopeA2 = app.As(Roles.ProjectManager, a2, userId: "mgrA2"))
            other = await scopeA2.ServiceProvider.GetRequiredService<StaffService>().AddAsync("chenchen", "陈晨", null, Roles.ServiceDesk, "Init@2026");

        using var scope = app.As(Roles.ProjectManager, a1);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
        Assert.Empty(await staff.ListAsync());
        await Assert.ThrowsAsync<RecordNotFoundException>(() => staff.SetActiveAsync(other, false));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => staff.ResetPasswordAsync(other));
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(other))!;
        Assert.True(user.IsActive);
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CheckPasswordAsync(user, "Init@2026"));
    }

    [Fact]
    public async Task Service_desk_staff_cannot_manage_staff()
    {
        await using var app = new AppServices(provider: Provider);
        var (a1, _) = await ProjectsAsync(app);
        using var scope = app.As(Roles.ServiceDesk, a1);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<StaffService>().ListAsync());
    }
}
