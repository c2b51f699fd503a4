using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Admin;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Admin;

/// <summary>The platform admin's set-up work at the service: companies and projects with their codes, the staff
/// account list (owners never in it), owner-account counts, and opening accounts with a role and projects of the
/// company. The owner-account refusals and the audit of resets are in StaffAuthorityTests.</summary>
public class PlatformAdminServiceTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string Password = "Init@2026";
    private const string AdminId = "admin-id";

    private static IServiceScope AsAdmin(AppServices app, string userId = AdminId)
    {
        var scope = app.Provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity(userId, "平台管理员", null, new HashSet<string> { Roles.PlatformAdmin }, null));
        return scope;
    }

    private static PlatformAdminService Admin(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<PlatformAdminService>();

    private static AppDbContext Db(AppServices app) => new(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);

    /// <summary>An account made directly (no service rules), so owner-shaped and role-less accounts can exist too.</summary>
    private static async Task<string> AddUserAsync(AppServices app, string userName, string displayName, int? companyId, string? role, int? ownerId = null, params int[] projects)
    {
        using var scope = app.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var u = new AppUser { UserName = userName, DisplayName = displayName, CompanyId = companyId, OwnerId = ownerId };
        Assert.True((await users.CreateAsync(u, Password)).Succeeded);
        if (role != null) await users.AddToRoleAsync(u, role);
        await using var db = Db(app);
        db.ProjectAssignments.AddRange(projects.Select(p => new ProjectAssignment { UserId = u.Id, ProjectId = p }));
        await db.SaveChangesAsync();
        return u.Id;
    }

    private static async Task<ValidationException> RefusedAsync(Func<Task> call, params string[] fields)
    {
        var e = await Assert.ThrowsAsync<ValidationException>(call);
        Assert.Equal(fields.Order(), e.Errors.Select(x => x.Field).Distinct().Order());
        return e;
    }

    [Fact]
    public async Task Companies_are_listed_in_the_order_they_were_opened_each_with_only_its_own_projects()
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);
        var a = await admin.CreateCompanyAsync("甲物业", "JIA");
        var b = await admin.CreateCompanyAsync("乙物业", "YI");
        var c = await admin.CreateCompanyAsync("丙物业", "BING");
        var a1 = await admin.CreateProjectAsync(a, "翠湖花园", "CH1", "成都", "人民南路 1 号");
        var b1 = await admin.CreateProjectAsync(b, "滨江壹号", "BJ1", "重庆", "江北区 2 号");
        var a2 = await admin.CreateProjectAsync(a, "锦江华府", "JJ2", "成都", "锦江区 3 号");

        var rows = await admin.CompaniesAsync();

        Assert.Equal([a, b, c], rows.Select(r => r.Company.Id));
        Assert.Equal([[a1, a2], [b1], []], rows.Select(r => r.Projects.Select(p => p.Id).ToArray()));
    }

    [Fact]
    public async Task A_new_company_is_stored_with_its_name_trimmed_and_its_code_in_capitals()
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var id = await Admin(scope).CreateCompanyAsync("  甲物业  ", " jia1 ");

        await using var db = Db(app);
        var company = await db.Companies.SingleAsync();
        Assert.Equal((id, "甲物业", "JIA1"), (company.Id, company.Name, company.Code));
    }

    [Fact]
    public async Task A_company_code_already_taken_is_refused_whatever_its_case_or_spaces()
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);
        await admin.CreateCompanyAsync("甲物业", "JIA");
        await admin.CreateCompanyAsync("乙物业", "YI");

        await RefusedAsync(() => admin.CreateCompanyAsync("另一个甲", " jia "), "Code");

        await using var db = Db(app);
        Assert.Equal(["JIA", "YI"], await db.Companies.OrderBy(c => c.Id).Select(c => c.Code).ToListAsync());
    }

    public static TheoryData<string, string, string[]> NamesAndCodes => new()
    {
        { "", "A1", ["Name"] },
        { "   ", "A1", ["Name"] },
        { new string('名', TextLimits.OrganisationName + 1), "A1", ["Name"] },
        { "甲物业", "", ["Code"] },
        { "甲物业", "  ", ["Code"] },
        { "甲物业", new string('A', 21), ["Code"] },
        { "甲物业", "A-1", ["Code"] },
        { "甲物业", "甲1", ["Code"] },
        { "", "", ["Name", "Code"] },
    };

    [Theory, MemberData(nameof(NamesAndCodes))]
    public async Task A_company_or_project_needs_a_name_of_at_most_100_characters_and_a_code_of_1_to_20_letters_or_digits(string name, string code, string[] fields)
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);
        var company = await admin.CreateCompanyAsync("已有物业", "OLD");

        await RefusedAsync(() => admin.CreateCompanyAsync(name, code), fields);
        await RefusedAsync(() => admin.CreateProjectAsync(company, name, code, "成都", "人民南路 1 号"), fields);

        await using var db = Db(app);
        Assert.Equal(1, await db.Companies.CountAsync());
        Assert.Equal(0, await db.Projects.CountAsync());
    }

    [Fact]
    public async Task A_name_of_exactly_100_characters_and_a_code_of_exactly_20_letters_and_digits_are_accepted()
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);
        var name = new string('名', TextLimits.OrganisationName);
        var company = await admin.CreateCompanyAsync($" {name} ", "Ab345678901234567890");
        var project = await admin.CreateProjectAsync(company, name, "x2345678901234567890", "成都", "人民南路 1 号");

        await using var db = Db(app);
        var stored = await db.Companies.SingleAsync();
        Assert.Equal((name, "AB345678901234567890"), (stored.Name, stored.Code));
        Assert.Equal("X2345678901234567890", (await db.Projects.SingleAsync(p => p.Id == project)).Code);
    }

    [Fact]
    public async Task A_new_project_belongs_to_the_chosen_company_with_its_fields_trimmed_and_its_code_in_capitals()
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);
        await admin.CreateCompanyAsync("甲物业", "JIA");
        var yi = await admin.CreateCompanyAsync("乙物业", "YI");

        var id = await admin.CreateProjectAsync(yi, " 滨江壹号 ", " bj1 ", " 重庆 ", " 江北区 2 号 ");

        await using var db = Db(app);
        var p = await db.Projects.SingleAsync();
        Assert.Equal((id, yi, "滨江壹号", "BJ1", "重庆", "江北区 2 号"), (p.Id, p.CompanyId, p.Name, p.Code, p.City, p.Address));
    }

    [Fact]
    public async Task A_project_of_a_company_that_does_not_exist_is_refused()
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);
        var jia = await admin.CreateCompanyAsync("甲物业", "JIA");
        await admin.CreateCompanyAsync("乙物业", "YI");

        await RefusedAsync(() => admin.CreateProjectAsync(jia + 100, "翠湖花园", "CH1", "成都", "人民南路 1 号"), "CompanyId");

        await using var db = Db(app);
        Assert.Equal(0, await db.Projects.CountAsync());
    }

    [Fact]
    public async Task A_project_code_is_unique_across_all_companies()
    {
        await using var app = new AppServices(provider: Provider);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);
        var jia = await admin.CreateCompanyAsync("甲物业", "JIA");
        var yi = await admin.CreateCompanyAsync("乙物业", "YI");
        await admin.CreateProjectAsync(jia, "翠湖花园", "CH1", "成都", "人民南路 1 号");
        await admin.CreateProjectAsync(jia, "锦江华府", "JJ2", "成都", "锦江区 3 号");

        await RefusedAsync(() => admin.CreateProjectAsync(yi, "重庆翠湖", " ch1 ", "重庆", "江北区 2 号"), "Code");

        await using var db = Db(app);
        Assert.Equal(["CH1", "JJ2"], await db.Projects.OrderBy(p => p.Id).Select(p => p.Code).ToListAsync());
    }

    /// <summary>Companies jia (projects CH1, JJ2) and yi (BJ1); staff and HQ accounts; three kinds of owner account.</summary>
    private sealed record People(int Jia, int Yi, int Ch1, int Jj2, int Bj1, string Zhang, string Li, string Wang, string Zhao, string NoRole);

    private static async Task<People> PeopleAsync(AppServices app)
    {
        int jia, yi, ch1, jj2, bj1;
        using (var scope = AsAdmin(app))
        {
            var admin = Admin(scope);
            jia = await admin.CreateCompanyAsync("甲物业", "JIA");
            yi = await admin.CreateCompanyAsync("乙物业", "YI");
            ch1 = await admin.CreateProjectAsync(jia, "翠湖花园", "CH1", "成都", "人民南路 1 号");
            jj2 = await admin.CreateProjectAsync(jia, "锦江华府", "JJ2", "成都", "锦江区 3 号");
            bj1 = await admin.CreateProjectAsync(yi, "滨江壹号", "BJ1", "重庆", "江北区 2 号");
        }
        var zhao = await AddUserAsync(app, "zhaomin", "赵敏", jia, Roles.ServiceDesk, null, ch1);
        var wang = await AddUserAsync(app, "wangfang", "王芳", yi, Roles.Technician, null, bj1);
        var li = await AddUserAsync(app, "lina", "李娜", jia, Roles.ProjectManager, null, ch1, jj2);
        var zhang = await AddUserAsync(app, "hq.zhang", "张伟", jia, Roles.HqAuditor);
        // An account without any role yet (an interrupted opening): staff-shaped, so the admin sees it.
        var noRole = await AddUserAsync(app, "norole", "无角色", yi, null);
        // Owner accounts: linked to an owner record, in the owner role, or both — none is the admin's business.
        await AddUserAsync(app, "13900000001", "业主一", jia, null, ownerId: 1);
        await AddUserAsync(app, "13900000002", "业主二", jia, Roles.Owner);
        await AddUserAsync(app, "13900000003", "业主三", jia, Roles.Owner, ownerId: 3);
        return new People(jia, yi, ch1, jj2, bj1, zhang, li, wang, zhao, noRole);
    }

    [Fact]
    public async Task The_user_list_shows_staff_accounts_by_login_with_company_roles_and_projects_and_never_an_owner_account()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = AsAdmin(app);

        var page = await Admin(scope).UsersAsync(null, 1, 20);

        Assert.Equal(5, page.Total);
        Assert.Equal(["hq.zhang", "lina", "norole", "wangfang", "zhaomin"], page.Items.Select(u => u.UserName));
        var rows = page.Items.ToDictionary(u => u.Id);
        Assert.Equal(("张伟", "甲物业", true), (rows[w.Zhang].DisplayName, rows[w.Zhang].Company, rows[w.Zhang].IsActive));
        Assert.Equal([Roles.HqAuditor], rows[w.Zhang].Roles);
        Assert.Empty(rows[w.Zhang].Projects);
        Assert.Equal([Roles.ProjectManager], rows[w.Li].Roles);
        Assert.Equal(["翠湖花园", "锦江华府"], rows[w.Li].Projects.Order());
        Assert.Equal(("乙物业", Roles.Technician, "滨江壹号"), (rows[w.Wang].Company, string.Join(",", rows[w.Wang].Roles), string.Join(",", rows[w.Wang].Projects)));
        Assert.Equal((Roles.ServiceDesk, "翠湖花园"), (string.Join(",", rows[w.Zhao].Roles), string.Join(",", rows[w.Zhao].Projects)));
        Assert.Empty(rows[w.NoRole].Roles);
    }

    [Fact]
    public async Task The_user_list_pages_in_login_order()
    {
        await using var app = new AppServices(provider: Provider);
        await PeopleAsync(app);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);

        var second = await admin.UsersAsync(null, 2, 2);
        var third = await admin.UsersAsync(null, 3, 2);
        var beforeFirst = await admin.UsersAsync(null, 0, 2);

        Assert.Equal(5, second.Total);
        Assert.Equal(["norole", "wangfang"], second.Items.Select(u => u.UserName));
        Assert.Equal(["zhaomin"], third.Items.Select(u => u.UserName));
        Assert.Equal(["hq.zhang", "lina"], beforeFirst.Items.Select(u => u.UserName));
    }

    [Theory]
    [InlineData("lina", new[] { "lina" })]
    [InlineData(" 王芳 ", new[] { "wangfang" })]
    [InlineData("n", new[] { "hq.zhang", "lina", "norole", "wangfang", "zhaomin" })]
    [InlineData("赵", new[] { "zhaomin" })]
    [InlineData("nobody", new string[0])]
    public async Task The_user_list_is_searched_by_login_or_name(string search, string[] expected)
    {
        await using var app = new AppServices(provider: Provider);
        await PeopleAsync(app);
        using var scope = AsAdmin(app);

        var page = await Admin(scope).UsersAsync(search, 1, 20);

        Assert.Equal(expected, page.Items.Select(u => u.UserName));
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task Owner_accounts_are_counted_per_company_and_a_company_without_any_counts_zero()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using (var scope = AsAdmin(app)) await Admin(scope).CreateCompanyAsync("丙物业", "BING");
        await AddUserAsync(app, "13900000004", "业主四", w.Yi, Roles.Owner);

        using var admin = AsAdmin(app);
        var counts = await Admin(admin).OwnerAccountCountsAsync();

        Assert.Equal([new("甲物业", 3), new("乙物业", 1), new OwnerAccountCount("丙物业", 0)], counts);
    }

    [Theory]
    [InlineData(Roles.Owner)]
    [InlineData(Roles.PlatformAdmin)]
    [InlineData("Janitor")]
    public async Task The_admin_opens_no_owner_admin_or_unknown_role_accounts(string role)
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = AsAdmin(app);

        await RefusedAsync(() => Admin(scope).CreateUserAsync("newuser", "新用户", role, w.Jia, [w.Ch1], Password), "Role");

        await using var db = Db(app);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "newuser"));
    }

    [Fact]
    public async Task A_project_account_needs_at_least_one_project_while_head_office_needs_none()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);

        foreach (var role in new[] { Roles.ProjectManager, Roles.ServiceDesk, Roles.Technician })
            await RefusedAsync(() => admin.CreateUserAsync("newuser", "新用户", role, w.Jia, [], Password), "Projects");
        var hq = await admin.CreateUserAsync("hq.new", "总部新人", Roles.HqAuditor, w.Jia, [], Password);

        await using var db = Db(app);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "newuser"));
        Assert.Equal(w.Jia, (await db.Users.SingleAsync(u => u.Id == hq)).CompanyId);
        Assert.False(await db.ProjectAssignments.AnyAsync(a => a.UserId == hq));
    }

    [Fact]
    public async Task An_account_is_refused_a_project_of_another_company_even_beside_one_of_its_own()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);

        await RefusedAsync(() => admin.CreateUserAsync("newuser", "新用户", Roles.ServiceDesk, w.Jia, [w.Ch1, w.Bj1], Password), "Projects");
        await RefusedAsync(() => admin.CreateUserAsync("newuser", "新用户", Roles.HqAuditor, w.Jia, [w.Bj1], Password), "Projects");

        await using var db = Db(app);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "newuser"));
    }

    [Fact]
    public async Task An_account_of_a_company_that_does_not_exist_is_refused()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = AsAdmin(app);

        await RefusedAsync(() => Admin(scope).CreateUserAsync("newuser", "新用户", Roles.HqAuditor, w.Yi + 100, [], Password), "CompanyId");

        await using var db = Db(app);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "newuser"));
    }

    [Fact]
    public async Task A_new_account_gets_its_role_and_exactly_the_chosen_projects_of_its_company()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);

        var id = await admin.CreateUserAsync(" sunli ", " 孙丽 ", Roles.ProjectManager, w.Jia, [w.Ch1, w.Jj2], Password);

        var row = (await admin.UsersAsync("sunli", 1, 20)).Items.Single();
        Assert.Equal((id, "sunli", "孙丽", "甲物业"), (row.Id, row.UserName, row.DisplayName, row.Company));
        Assert.Equal([Roles.ProjectManager], row.Roles);
        Assert.Equal(["翠湖花园", "锦江华府"], row.Projects.Order());
    }

    [Fact]
    public async Task The_admin_can_neither_disable_nor_reset_their_own_account_here()
    {
        await using var app = new AppServices(provider: Provider);
        await PeopleAsync(app);
        var self = await AddUserAsync(app, "admin", "平台管理员", null, Roles.PlatformAdmin);
        using var scope = AsAdmin(app, self);
        var admin = Admin(scope);

        await Assert.ThrowsAsync<DomainException>(() => admin.SetActiveAsync(self, false));
        await Assert.ThrowsAsync<DomainException>(() => admin.ResetPasswordAsync(self));

        await using var db = Db(app);
        var u = await db.Users.SingleAsync(x => x.Id == self);
        Assert.True(u.IsActive);
        Assert.False(u.MustChangePassword);
        Assert.False(await db.AccountEvents.AnyAsync());
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        await using var app = new AppServices(provider: Provider);
        await PeopleAsync(app);
        using var scope = AsAdmin(app);
        var admin = Admin(scope);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => admin.SetActiveAsync("no-such-user", false));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => admin.ResetPasswordAsync("no-such-user"));
    }

    [Fact]
    public async Task Disabling_and_enabling_a_staff_account_is_audited_with_its_login_and_name()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using (var scope = AsAdmin(app))
        {
            await Admin(scope).SetActiveAsync(w.Zhao, false);
            Assert.False((await Admin(scope).UsersAsync("zhaomin", 1, 20)).Items.Single().IsActive);
            await Admin(scope).SetActiveAsync(w.Zhao, true);
        }

        await using var db = Db(app);
        var events = await db.AccountEvents.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AccountAction.Disabled, AccountAction.Enabled], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal((w.Zhao, "zhaomin (赵敏)", AdminId), (e.TargetUserId!, e.TargetLabel, e.ActorUserId!)));
        Assert.True((await db.Users.SingleAsync(u => u.Id == w.Zhao)).IsActive);
    }

    [Fact]
    public async Task Opening_an_account_is_audited_with_its_login_and_name()
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = AsAdmin(app);

        var id = await Admin(scope).CreateUserAsync("sunli", "孙丽", Roles.ServiceDesk, w.Jia, [w.Ch1], Password);

        await using var db = Db(app);
        var e = await db.AccountEvents.SingleAsync();
        Assert.Equal((AccountAction.Created, id, "sunli (孙丽)", (int?)w.Jia), (e.Action, e.TargetUserId!, e.TargetLabel, e.CompanyId));
    }

    public static TheoryData<string> Roleless => new() { Roles.HqAuditor, Roles.ProjectManager, Roles.ServiceDesk, Roles.Technician, Roles.Owner };

    [Theory, MemberData(nameof(Roleless))]
    public async Task Only_the_platform_admin_lists_companies_and_counts_owner_accounts(string role)
    {
        await using var app = new AppServices(provider: Provider);
        var w = await PeopleAsync(app);
        using var scope = app.Provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("u-x", "某人", w.Jia, new HashSet<string> { role }, null));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(scope).CompaniesAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(scope).OwnerAccountCountsAsync());
    }
}
