using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Tests;

/// <summary>Temporary and initial passwords at the door and after it, changing one's own password, and who reads
/// the account audit — over HTTP against the real app, as a holder of a temporary password (or someone who found
/// it on a note) would try.</summary>
[Collection("web")]
public sealed partial class StaffAccountTests(WebAppFixture app)
{
    private const string Temporary = "Temp#2026a";

    /// <summary>A desk user of project 1 (翠湖花园) that no other test uses.</summary>
    private async Task<string> DeskUserAsync(string name, bool mustChange, DateTime? expiresAt)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var u = new AppUser
        {
            UserName = name, DisplayName = name, CompanyId = 1, CreatedAt = DateTime.UtcNow, EmailConfirmed = true,
            MustChangePassword = mustChange, TemporaryPasswordExpiresAt = expiresAt,
        };
        Assert.True((await users.CreateAsync(u, Temporary)).Succeeded);
        await users.AddToRoleAsync(u, Roles.ServiceDesk);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ProjectAssignments.Add(new ProjectAssignment { UserId = u.Id, ProjectId = 1 });
        await db.SaveChangesAsync();
        return u.Id;
    }

    private static async Task<HttpResponseMessage> PostPasswordAsync(HttpClient client, string? current, string newPassword, string? confirm = null)
    {
        var form = await client.GetStringAsync("/account/password");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "password", ["__RequestVerificationToken"] = TokenRegex().Match(form).Groups[1].Value,
            ["Input.New"] = newPassword, ["Input.Confirm"] = confirm ?? newPassword,
        };
        if (current != null) fields["Input.Current"] = current;
        return await client.PostAsync("/account/password", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static string? Location(HttpResponseMessage r) =>
        r.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;

    [Fact]
    public async Task An_expired_temporary_password_does_not_sign_in()
    {
        await DeskUserAsync("expired-temp", mustChange: true, DateTime.UtcNow.AddMinutes(-1));
        var client = app.Client();
        var login = await WebAppFixture.SignInAsync(client, "expired-temp", Temporary);
        Assert.NotEqual(HttpStatusCode.Redirect, login.StatusCode);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("pc.auth=", StringComparison.Ordinal) && !c.StartsWith("pc.auth=;")));
        var owners = await client.GetAsync("/p/1/owners");
        Assert.StartsWith("/account/login", owners.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporary_password_session_reaches_only_set_a_new_password_until_it_is_set()
    {
        var id = await DeskUserAsync("must-change", mustChange: true, DateTime.UtcNow.AddHours(24));
        using (var s = app.Services.CreateScope())
        {
            // The session's principal holds no role and no permission, whatever page or service it reaches.
            var holder = (await s.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
            var principal = await s.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(holder);
            Assert.Contains(principal.Claims, c => c.Type == AppClaims.MustChangePassword);
            Assert.DoesNotContain(principal.Claims, c => c.Type is AppClaims.Permission or System.Security.Claims.ClaimTypes.Role);
            Assert.Empty(AppClaimsFactory.ToIdentity(principal)!.Permissions);
        }
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, "must-change", Temporary)).StatusCode);

        // Every page leads to "set a new password"; the circuit hub and posts are refused outright.
        foreach (var url in new[] { "/", "/p/1/owners", "/p/1/owners/1", "/p/1/repairs", "/account-events", "/admin/users", "/my", "/p/1/repair-photos/1" })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal("/account/password", Location(r));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
        var page = await client.GetStringAsync("/account/password");
        Assert.Contains("设置新密码", page);
        Assert.DoesNotContain("Input.Current", page);

        // The same password again, or two different ones, are refused with the reason.
        Assert.Contains("新密码不能与临时密码相同", await (await PostPasswordAsync(client, null, Temporary)).Content.ReadAsStringAsync());
        Assert.Contains("两次输入的新密码不一致", await (await PostPasswordAsync(client, null, "Mine#2026b", "Mine#2026c")).Content.ReadAsStringAsync());
        Assert.Contains("密码须包含大写字母", await (await PostPasswordAsync(client, null, "mine#2026b")).Content.ReadAsStringAsync());

        var saved = await PostPasswordAsync(client, null, "Mine#2026b");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/", Location(saved));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/p/1/owners")).StatusCode);

        using var scope = app.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
        Assert.False(user.MustChangePassword);
        Assert.Null(user.TemporaryPasswordExpiresAt);
        var e = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccountEvents.SingleAsync(x => x.TargetUserId == id);
        Assert.Equal((AccountAction.PasswordSetWithCredential, id), (e.Action, e.ActorUserId));
        // The temporary password is gone.
        Assert.NotEqual(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(app.Client(), "must-change", Temporary)).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_own_password_needs_the_current_one_and_renews_the_security_stamp()
    {
        var id = await DeskUserAsync("own-change", mustChange: false, null);
        var client = app.Client();
        await WebAppFixture.SignInAsync(client, "own-change", Temporary);
        string StampOf(IServiceScope s) => s.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().Single(u => u.Id == id).SecurityStamp!;
        string before;
        using (var s = app.Services.CreateScope()) before = StampOf(s);
        Assert.Contains("修改密码", await client.GetStringAsync("/account/password"));

        Assert.Contains("请输入当前密码", await (await PostPasswordAsync(client, "", "Mine#2026b")).Content.ReadAsStringAsync());
        Assert.Contains("当前密码不正确", await (await PostPasswordAsync(client, "Wrong#2026", "Mine#2026b")).Content.ReadAsStringAsync());
        var saved = await PostPasswordAsync(client, Temporary, "Mine#2026b");
        Assert.Equal("/account/password?done=1", Location(saved));
        Assert.Contains("密码已修改", await client.GetStringAsync("/account/password?done=1"));
        // This session goes on (its cookie was re-issued); others end at their next security-stamp check.
        using (var s = app.Services.CreateScope()) Assert.NotEqual(before, StampOf(s));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/p/1/owners")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(app.Client(), "own-change", "Mine#2026b")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(app.Client(), "own-change", Temporary)).StatusCode);

        using var scope = app.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccountEvents.Where(x => x.TargetUserId == id).ToListAsync();
        Assert.Equal([AccountAction.PasswordChanged], events.Select(x => x.Action));
    }

    [Fact]
    public async Task The_password_page_needs_a_signed_in_user()
    {
        var r = await app.Client().GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/account/login", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("staff")]
    [InlineData("tech")]
    [InlineData("owner")]
    public async Task Only_the_platform_admin_and_head_office_open_the_account_audit(string user)
    {
        var client = app.Client();
        await WebAppFixture.SignInAsync(client, user);
        var r = await client.GetAsync("/account-events");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/account/denied", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_office_of_one_company_never_reads_another_companys_account_events()
    {
        int otherCompany;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var b = new Company { Name = "乙物业（审计测试）", Code = "AUDITB" };
            db.Companies.Add(b);
            await db.SaveChangesAsync();
            otherCompany = b.Id;
            db.AccountEvents.AddRange(
                new AccountEvent { At = DateTime.UtcNow, Action = AccountAction.TemporaryPasswordIssued, TargetLabel = "b-secret-target", ActorName = "乙经理", CompanyId = b.Id },
                new AccountEvent { At = DateTime.UtcNow, Action = AccountAction.Disabled, TargetLabel = "a-visible-target", ActorName = "甲经理", CompanyId = 1 });
            await db.SaveChangesAsync();
        }

        using var hq = app.Services.CreateScope();
        hq.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("hq-a", "总部", 1, new HashSet<string> { Roles.HqAuditor }, null));
        var queries = hq.ServiceProvider.GetRequiredService<AccountEventQueries>();
        var seen = await queries.ListAsync(null, null, 1, 100);
        Assert.Contains(seen.Items, e => e.TargetLabel == "a-visible-target");
        Assert.DoesNotContain(seen.Items, e => e.CompanyId != 1);
        // Searching for the other company's target or actor by name finds nothing either.
        Assert.Equal(0, (await queries.ListAsync(null, "b-secret", 1, 100)).Total);
        Assert.Equal(0, (await queries.ListAsync(AccountAction.TemporaryPasswordIssued, "乙经理", 1, 100)).Total);

        // A project manager with the same company is refused outright, even calling the service.
        using var manager = app.Services.CreateScope();
        manager.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("m", "经理", 1, new HashSet<string> { Roles.ProjectManager }, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => manager.ServiceProvider.GetRequiredService<AccountEventQueries>().ListAsync(null, null, 1, 10));

        using var admin = app.Services.CreateScope();
        admin.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("a", "平台", null, new HashSet<string> { Roles.PlatformAdmin }, null));
        Assert.Contains((await admin.ServiceProvider.GetRequiredService<AccountEventQueries>().ListAsync(null, "b-secret", 1, 10)).Items, e => e.CompanyId == otherCompany);
    }
}
