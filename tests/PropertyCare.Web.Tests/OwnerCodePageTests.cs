using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Portal;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Tests;

/// <summary>/account/code, the owner's door for one-time codes, posted like a browser would (antiforgery token
/// from the page) and like an attacker would (without it; with guessed numbers and codes).</summary>
[Collection("web")]
public sealed partial class OwnerCodePageTests(WebAppFixture app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static async Task<string> TokenAsync(HttpClient client) =>
        TokenRegex().Match(await client.GetStringAsync("/account/code")).Groups[1].Value;

    private static async Task<HttpResponseMessage> RedeemAsync(HttpClient client, string mobile, string code, string password, bool withToken = true)
    {
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "redeem-code", ["Redeem.Mobile"] = mobile, ["Redeem.Code"] = code, ["Redeem.Password"] = password, ["Redeem.Confirm"] = password,
        };
        if (withToken) form["__RequestVerificationToken"] = await TokenAsync(client);
        return await client.PostAsync("/account/code", new FormUrlEncodedContent(form));
    }

    private static async Task<string> RequestAsync(HttpClient client, string mobile) =>
        await (await client.PostAsync("/account/code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "request-code", ["__RequestVerificationToken"] = await TokenAsync(client), ["Request.Mobile"] = mobile,
        }))).Content.ReadAsStringAsync();

    /// <summary>The desk opens an account for a demo owner who has none (an SMS goes to the outbox), and the owner's
    /// phone holds a code: the test gives the account one more code of its own choosing, stored as the service stores
    /// codes (a PBKDF2 hash), since the SMS text is not for tests to race the dispatcher for.</summary>
    private async Task<string> OwnerWithCodeAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DbContextOptions<AppDbContext>>();
        int ownerId, projectId;
        await using (var db = new AppDbContext(options, null))
        {
            var withAccount = db.Users.Where(u => u.OwnerId != null).Select(u => u.OwnerId!.Value);
            var staffProjects = db.ProjectAssignments.Where(a => a.UserId == db.Users.First(u => u.UserName == "staff").Id).Select(a => a.ProjectId);
            var owner = await db.Owners.IgnoreQueryFilters()
                .Where(o => staffProjects.Contains(o.ProjectId) && !withAccount.Contains(o.Id) && o.Phone.StartsWith("1") && o.Phone.Length == 11)
                .OrderByDescending(o => o.Id).FirstAsync();
            (ownerId, projectId) = (owner.Id, owner.ProjectId);
        }
        var desk = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("staff");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(desk!);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        await sp.GetRequiredService<TenantAccessor>().EnterAsync(projectId);
        await sp.GetRequiredService<OwnerAccountService>().OpenAsync(ownerId);

        await using var codes = new AppDbContext(options, null);
        var user = await codes.Users.FirstAsync(u => u.OwnerId == ownerId);
        codes.OneTimeCodes.Add(new OneTimeCode
        {
            UserId = user.Id, Purpose = OneTimeCodePurpose.Activate, CodeHash = sp.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, code),
            CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddHours(1),
        });
        await codes.SaveChangesAsync();
        return user.UserName!;
    }

    [Fact]
    public async Task The_page_renders_both_forms_for_anyone_and_refuses_a_post_without_the_antiforgery_token()
    {
        var client = app.Client();
        var page = await client.GetAsync("/account/code");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-test=\"redeem-form\"", html);
        Assert.Contains("data-test=\"request-form\"", html);
        Assert.Equal(2, TokenRegex().Matches(html).Count);
        Assert.Contains("href=\"/account/code\"", await client.GetStringAsync("/account/login"));

        var forged = await RedeemAsync(app.Client(), "13900000000", "123456", "Forged#2026pw", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task The_owner_sets_a_password_with_the_code_and_signs_in_with_it_and_the_code_works_once()
    {
        var mobile = await OwnerWithCodeAsync("482915");
        var client = app.Client();

        var done = await RedeemAsync(client, mobile, "482915", "Owner#2026pw");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("data-test=\"code-done\"", html);
        Assert.DoesNotContain("Owner#2026pw", html);

        var login = await WebAppFixture.SignInAsync(app.Client(), mobile, "Owner#2026pw");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain("/account/login", login.Headers.Location!.OriginalString);

        var again = await (await RedeemAsync(app.Client(), mobile, "482915", "Thief#2026pw")).Content.ReadAsStringAsync();
        Assert.Contains("验证码无效或已过期", again);
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(app.Client(), mobile, "Owner#2026pw")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_number_and_a_wrong_code_get_the_same_page()
    {
        var mobile = await OwnerWithCodeAsync("730461");
        var wrong = await (await RedeemAsync(app.Client(), mobile, "111111", "Guess#2026pw")).Content.ReadAsStringAsync();
        var unknown = await (await RedeemAsync(app.Client(), "13000000001", "111111", "Guess#2026pw")).Content.ReadAsStringAsync();
        // Byte for byte the same page, once the typed number and the per-request tokens (antiforgery, the
        // encrypted component state, the CSP nonce) are taken out.
        static string Page(string html) =>
            Regex.Replace(Regex.Replace(Regex.Replace(html, "value=\"[^\"]*\"", ""), "<!--Blazor[^>]*-->", ""), "nonce=\"[^\"]*\"", "");
        Assert.Contains("验证码无效或已过期", wrong);
        Assert.Equal(Page(wrong), Page(unknown));
        Assert.DoesNotContain("data-test=\"error-Mobile\"", wrong + unknown);

        // 忘记密码 answers the same for an account and a number without one.
        var known = await RequestAsync(app.Client(), mobile);
        var nobody = await RequestAsync(app.Client(), "13000000001");
        Assert.Contains("如该号码已开通业主账号，验证码已发送", known);
        Assert.Contains("如该号码已开通业主账号，验证码已发送", nobody);
    }
}
