using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Admin;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Staff;

/// <summary>Attack scenario 1 (a manager reaching a project not theirs through a shared staff member) and the
/// platform admin's part of scenario 2 (owner accounts), tried against the services as an attacker would:
/// by calling them directly with the target's id, not through the page.</summary>
public class StaffAuthorityTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string Password = "Init@2026";
    private const string AttackerIp = "203.0.113.7";

    private sealed record World(Project P1, Project P2, Project P3, string Manager, string Shared, string Own, string Owner);

    /// <summary>Manager M works in projects 1 and 2; S in 1 and 3; S' in 1 only; an owner account in project 1.</summary>
    private static async Task<World> SeedAsync(AppServices app)
    {
        var options = app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var company = new Company { Name = "甲", Code = "A" };
        var p1 = new Project { Name = "翠湖花园", Code = "P1", Company = company };
        var p2 = new Project { Name = "锦江华府", Code = "P2", Company = company };
        var p3 = new Project { Name = "滨江壹号", Code = "P3", Company = company };
        await using (var db = new AppDbContext(options, null))
        {
            db.Projects.AddRange(p1, p2, p3);
            await db.SaveChangesAsync();
        }
        using var scope = app.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        async Task<string> Add(string name, string role, params Project[] projects)
        {
            var u = new AppUser { UserName = name, DisplayName = name, CompanyId = company.Id, OwnerId = role == Roles.Owner ? 1 : null };
            Assert.True((await users.CreateAsync(u, Password)).Succeeded);
            await users.AddToRoleAsync(u, role);
            await using var db = new AppDbContext(options, null);
            db.ProjectAssignments.AddRange(projects.Select(p => new ProjectAssignment { UserId = u.Id, ProjectId = p.Id }));
            await db.SaveChangesAsync();
            return u.Id;
        }
        return new World(p1, p2, p3,
            await Add("manager", Roles.ProjectManager, p1, p2),
            await Add("shared", Roles.ServiceDesk, p1, p3),
            await Add("ownstaff", Roles.ServiceDesk, p1),
            await Add("13912345678", Roles.Owner, p1));
    }

    private static IServiceScope AsManager(AppServices app, World w)
    {
        var scope = app.As(Roles.ProjectManager, w.P1, userId: w.Manager);
        scope.ServiceProvider.GetRequiredService<TenantContext>().ClientIp = AttackerIp;
        return scope;
    }

    private static IServiceScope AsAdmin(AppServices app, string userId = "admin-id")
    {
        var scope = app.Provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity(userId, "平台管理员", null, new HashSet<string> { Roles.PlatformAdmin }, null));
        scope.ServiceProvider.GetRequiredService<TenantContext>().ClientIp = AttackerIp;
        return scope;
    }

    private static async Task<AppUser> UserAsync(AppServices app, string id)
    {
        using var scope = app.Provider.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
    }

    private static async Task<bool> PasswordIsAsync(AppServices app, string id, string password)
    {
        using var scope = app.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(id))!, password);
    }

    private static async Task<List<AccountEvent>> EventsAsync(AppServices app)
    {
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return await db.AccountEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task A_manager_cannot_reset_disable_or_enable_staff_who_also_work_in_a_project_the_manager_does_not_run()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        using var scope = AsManager(app, w);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();

        // The forged calls: S is on the manager's staff page (project 1), but S also works in project 3.
        var reset = await Assert.ThrowsAsync<AccessDeniedException>(() => staff.ResetPasswordAsync(w.Shared));
        Assert.Contains("未负责的项目", reset.Text.Zh);
        Assert.Contains("platform admin", reset.Text.En);
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.SetActiveAsync(w.Shared, false));
        Assert.True((await UserAsync(app, w.Shared)).IsActive);
        Assert.True(await PasswordIsAsync(app, w.Shared, Password));

        // Re-enabling after the admin disabled S is wider authority too.
        using (var admin = AsAdmin(app)) await admin.ServiceProvider.GetRequiredService<PlatformAdminService>().SetActiveAsync(w.Shared, false);
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.SetActiveAsync(w.Shared, true));
        Assert.False((await UserAsync(app, w.Shared)).IsActive);

        // The page is told why, instead of offering the action.
        var row = (await staff.ListAsync()).Single(s => s.Id == w.Shared);
        Assert.False(row.CanManage);
        Assert.Contains("未负责的项目", row.Unavailable!.Zh);
        Assert.DoesNotContain(await EventsAsync(app), e => e.TargetUserId == w.Shared && e.ActorUserId == w.Manager);
    }

    [Fact]
    public async Task A_manager_resets_own_staff_to_a_temporary_password_that_must_be_changed_within_24_hours_and_is_audited()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        var before = await UserAsync(app, w.Own);
        using (var s = app.Provider.CreateScope())
        {
            var users = s.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(w.Own))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        using var scope = AsManager(app, w);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();

        var temporary = await staff.ResetPasswordAsync(w.Own);

        var after = await UserAsync(app, w.Own);
        Assert.True(await PasswordIsAsync(app, w.Own, temporary));
        Assert.True(after.MustChangePassword);
        Assert.NotNull(after.TemporaryPasswordExpiresAt);
        Assert.InRange(after.TemporaryPasswordExpiresAt!.Value, DateTime.UtcNow.AddHours(23.9), DateTime.UtcNow.AddHours(24.1));
        Assert.Null(after.LockoutEnd);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        var e = Assert.Single(await EventsAsync(app), x => x.Action == AccountAction.TemporaryPasswordIssued);
        Assert.Equal((w.Manager, w.Own, AttackerIp, w.P1.Id), (e.ActorUserId, e.TargetUserId, e.IpAddress, e.ProjectId));
        Assert.Contains("ownstaff", e.TargetLabel);
        Assert.DoesNotContain(temporary, e.Detail ?? "");
        Assert.True((await staff.ListAsync()).Single(r => r.Id == w.Own).CanManage);
    }

    [Fact]
    public async Task Disabling_and_enabling_own_staff_is_audited()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        using var scope = AsManager(app, w);
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
        await staff.SetActiveAsync(w.Own, false);
        await staff.SetActiveAsync(w.Own, true);
        Assert.Equal([AccountAction.Disabled, AccountAction.Enabled],
            (await EventsAsync(app)).Where(e => e.TargetUserId == w.Own && e.ActorUserId == w.Manager && e.IpAddress == AttackerIp).Select(e => e.Action));
    }

    [Fact]
    public async Task New_staff_must_change_the_initial_password_at_first_sign_in_and_the_opening_is_audited()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        string byManager, byAdmin;
        using (var scope = AsManager(app, w))
            byManager = await scope.ServiceProvider.GetRequiredService<StaffService>().AddAsync("lina", "李娜", null, Roles.Technician, Password);
        using (var scope = AsAdmin(app))
            byAdmin = await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().CreateUserAsync("zhouqi", "周琪", Roles.ServiceDesk, w.P1.CompanyId, [w.P1.Id], Password);
        foreach (var id in new[] { byManager, byAdmin })
        {
            var u = await UserAsync(app, id);
            Assert.True(u.MustChangePassword);
            Assert.InRange(u.TemporaryPasswordExpiresAt!.Value, DateTime.UtcNow.AddHours(23.9), DateTime.UtcNow.AddHours(24.1));
        }
        var created = (await EventsAsync(app)).Where(e => e.Action == AccountAction.Created).ToList();
        Assert.Equal([(w.Manager, byManager), ("admin-id", byAdmin)], created.Select(e => (e.ActorUserId!, e.TargetUserId!)));
        Assert.All(created, e => Assert.Equal(AttackerIp, e.IpAddress));
    }

    [Fact]
    public async Task The_platform_admin_neither_sees_nor_finds_owner_accounts_and_cannot_reset_or_disable_them()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        using var scope = AsAdmin(app);
        var admin = scope.ServiceProvider.GetRequiredService<PlatformAdminService>();

        var all = await admin.UsersAsync(null, 1, 100);
        Assert.DoesNotContain(all.Items, u => u.Id == w.Owner || u.Roles.Contains(Roles.Owner));
        Assert.Contains(all.Items, u => u.Id == w.Shared);
        foreach (var probe in new[] { "13912345678", "1391234", "5678", "owner" })
            Assert.Equal(0, (await admin.UsersAsync(probe, 1, 100)).Total);

        // The forged calls with the owner account's id.
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.ResetPasswordAsync(w.Owner));
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.SetActiveAsync(w.Owner, false));
        var owner = await UserAsync(app, w.Owner);
        Assert.True(owner.IsActive);
        Assert.False(owner.MustChangePassword);
        Assert.True(await PasswordIsAsync(app, w.Owner, Password));
        Assert.DoesNotContain(await EventsAsync(app), e => e.TargetUserId == w.Owner);
    }

    [Fact]
    public async Task The_platform_admin_resets_any_staff_account_to_an_audited_temporary_password()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await SeedAsync(app);
        using var scope = AsAdmin(app);
        var admin = scope.ServiceProvider.GetRequiredService<PlatformAdminService>();

        var temporary = await admin.ResetPasswordAsync(w.Shared);
        await admin.SetActiveAsync(w.Shared, false);

        var u = await UserAsync(app, w.Shared);
        Assert.True(await PasswordIsAsync(app, w.Shared, temporary));
        Assert.True(u.MustChangePassword);
        Assert.Equal([AccountAction.TemporaryPasswordIssued, AccountAction.Disabled],
            (await EventsAsync(app)).Where(e => e.TargetUserId == w.Shared && e.ActorUserId == "admin-id" && e.IpAddress == AttackerIp).Select(e => e.Action));
    }
}
