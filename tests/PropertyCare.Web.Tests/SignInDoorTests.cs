using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Web.Tests;

/// <summary>The sign-in door as an attacker tries it: what does it tell, how fast may one guess, can one keep
/// somebody else out. Each test uses its own accounts and addresses (the app is shared by the class).</summary>
[Collection("door")]
public sealed partial class SignInDoorTests(DoorAppFixture app)
{
    private const string Wrong = "Wrong#Guess1";

    [Fact]
    public async Task Unknown_name_wrong_password_disabled_and_locked_accounts_get_the_same_answer()
    {
        await ChangeUserAsync("tech", u => u.IsActive = false);
        await ChangeUserAsync("hq", u => u.LockoutEnd = DateTimeOffset.UtcNow.AddDays(1));

        var answers = new[]
        {
            await AttemptAsync("nobody-same-answer", Wrong),
            await AttemptAsync("staff", Wrong),
            await AttemptAsync("tech", "Demo@2026"), // right password, disabled account
            await AttemptAsync("hq", "Demo@2026"),   // right password, locked account
        };

        foreach (var a in answers)
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Equal("登录名或密码错误，或账号暂不可用。", a.Message);
            Assert.False(a.SignedIn);
        }
    }

    [Fact]
    public async Task An_unknown_name_costs_a_password_hash_check_like_a_real_one()
    {
        var before = app.HashChecks;
        await AttemptAsync("nobody-hash-cost", Wrong);
        Assert.Equal(1, app.HashChecks - before);

        before = app.HashChecks;
        await AttemptAsync("staff", Wrong);
        Assert.Equal(1, app.HashChecks - before);
    }

    [Fact]
    public async Task Unknown_names_are_throttled_exactly_like_real_ones()
    {
        var real = await HammerAsync("staff2", TestClientAddress.Next(), 4);
        var unknown = await HammerAsync("nobody-throttled", TestClientAddress.Next(), 4);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(real[i].Status, unknown[i].Status);
            Assert.Equal(Digitless(real[i].Message), Digitless(unknown[i].Message));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, real[3].Status);
        Assert.StartsWith("尝试过于频繁，请", real[3].Message);
        Assert.NotNull(real[3].RetryAfter);
        Assert.NotNull(unknown[3].RetryAfter);
    }

    [Fact]
    public async Task One_address_gets_ten_attempts_then_waits_whatever_the_names()
    {
        var address = TestClientAddress.Next();
        for (var i = 0; i < 10; i++)
        {
            var a = await AttemptAsync($"nobody-burst-{i}", Wrong, address);
            Assert.Equal(HttpStatusCode.OK, a.Status);
        }
        var eleventh = await AttemptAsync("nobody-burst-10", Wrong, address);
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.Status);
        Assert.Matches("^尝试过于频繁，请 [0-9]+ 秒后再试。$", eleventh.Message!);
        // Even the right password of a real account is not checked from that address now...
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync("staff", "Demo@2026", address)).Status);
        // ...while another address is not affected.
        Assert.True((await AttemptAsync("staff", "Demo@2026")).SignedIn);
    }

    [Fact]
    public async Task One_address_guessing_one_name_waits_longer_after_every_failure()
    {
        var address = TestClientAddress.Next();
        var first = await HammerAsync("owner", address, 4);
        Assert.All(first.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[3].Status);
        var firstWait = int.Parse(first[3].RetryAfter!);

        // The wait is for this name only: the same address may still try another one.
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync("nobody-other-name", Wrong, address)).Status);
        // The right password does not get through the wait either (it is not even checked).
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync("owner", "Demo@2026", address)).Status);

        app.DoorClock.Advance(TimeSpan.FromSeconds(firstWait + 0.5)); // the door's clock, not a sleep
        var after = await HammerAsync("owner", address, 2);
        Assert.Equal(HttpStatusCode.OK, after[0].Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, after[1].Status);
        Assert.True(int.Parse(after[1].RetryAfter!) > firstWait, $"wait {after[1].RetryAfter} s after {firstWait} s");
    }

    [Fact]
    public async Task An_attacker_hammering_the_managers_account_does_not_keep_the_manager_out()
    {
        var attacker = await HammerAsync("manager", TestClientAddress.Next(), 10);
        // The attacker is slowed down: after three guesses every further one is refused unchecked.
        Assert.All(attacker.Skip(3), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));

        var manager = await AttemptAsync("manager", "Demo@2026");
        Assert.True(manager.SignedIn, manager.Message);
    }

    [Fact]
    public async Task Many_addresses_guessing_one_name_slow_its_answers_but_never_refuse_the_right_password()
    {
        for (var i = 0; i < 6; i++) await AttemptAsync("admin", Wrong);

        var watch = Stopwatch.StartNew();
        var admin = await AttemptAsync("admin", "Demo@2026");
        watch.Stop();
        Assert.True(admin.SignedIn, admin.Message);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"answered in {watch.Elapsed}");
    }

    [Fact]
    public async Task A_reset_password_lifts_the_wait()
    {
        var address = TestClientAddress.Next();
        var hammered = await HammerAsync("staff", address, 4);
        Assert.Equal(HttpStatusCode.TooManyRequests, hammered[3].Status);

        // What an administrator's reset does to the account (a new password, so a new security stamp).
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var staff = (await users.FindByNameAsync("staff"))!;
            Assert.True((await users.ResetPasswordAsync(staff, await users.GeneratePasswordResetTokenAsync(staff), "Demo@2026")).Succeeded);
        }
        Assert.True((await AttemptAsync("staff", "Demo@2026", address)).SignedIn);
    }

    [Fact]
    public async Task Failed_sign_ins_are_logged_with_the_address_and_without_the_password()
    {
        const string secret = "Tr0ub4dor&Guess";
        await AttemptAsync("staff", secret, "10.250.1.7");
        await AttemptAsync("nobody-logged", secret, "10.250.1.8");

        var lines = app.Log.ToArray();
        Assert.Contains(lines, l => l.Contains("Sign-in failed") && l.Contains("10.250.1.7") && l.Contains("wrong password"));
        Assert.Contains(lines, l => l.Contains("Sign-in failed") && l.Contains("10.250.1.8") && l.Contains("unknown name"));
        Assert.DoesNotContain(lines, l => l.Contains(secret));
    }

    [Fact]
    public async Task The_refused_page_does_not_send_the_typed_password_back()
    {
        const string secret = "Echo#Guess123";
        var response = await WebAppFixture.SignInAsync(app.Client(), "staff", secret);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_return_link_with_Chinese_characters_opens_the_sign_in_page_and_lands_there_after_it()
    {
        const string login = "/account/login?ReturnUrl=%2Fp%2F1%2Fowners%3Fq%3D%E5%BC%A0%E4%B8%89";
        var client = app.Client();
        var page = await client.GetAsync(login);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var signedIn = await WebAppFixture.SignInAsync(client, "staff", page: login);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        // Kestrel refuses non-ASCII in headers (that was the HTTP 500): the link arrives percent-encoded.
        var location = signedIn.Headers.Location!;
        Assert.Equal("/p/1/owners?q=%E5%BC%A0%E4%B8%89", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);

        var landed = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
    }

    [Theory]
    [InlineData("/p/1/owners?q=张三", "/p/1/owners?q=%E5%BC%A0%E4%B8%89")]
    [InlineData("/p/1/owners?q=%E5%BC%A0", "/p/1/owners?q=%E5%BC%A0")]
    [InlineData("/\t/evil.example", "/%09/evil.example")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    public void Return_links_are_kept_on_the_site_and_made_fit_for_a_header(string url, string expected) =>
        Assert.Equal(expected, Hosting.AccountEndpoints.SafeLocal(url));

    private async Task<Attempt[]> HammerAsync(string user, string address, int times)
    {
        var answers = new Attempt[times];
        for (var i = 0; i < times; i++) answers[i] = await AttemptAsync(user, Wrong, address);
        return answers;
    }

    private async Task<Attempt> AttemptAsync(string user, string password, string? address = null)
    {
        var response = await WebAppFixture.SignInAsync(app.Client(address), user, password);
        var body = await response.Content.ReadAsStringAsync();
        var message = ErrorRegex().Match(body) is { Success: true } m ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim() : null;
        // Signed in = sent on from the sign-in page (the client keeps the cookie itself, under Kestrel).
        var signedIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login") == false;
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var r) ? r.Single() : null;
        return new Attempt(response.StatusCode, message, signedIn, retryAfter);
    }

    private async Task ChangeUserAsync(string userName, Action<AppUser> change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        change(user);
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    private static string? Digitless(string? s) => s == null ? null : Regex.Replace(s, "[0-9]+", "N");

    private sealed record Attempt(HttpStatusCode Status, string? Message, bool SignedIn, string? RetryAfter);

    [GeneratedRegex("data-test=\"login-error\".*?class=\"mud-alert-message\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorRegex();
}
