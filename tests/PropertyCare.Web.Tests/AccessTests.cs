using System.Net;

namespace PropertyCare.Web.Tests;

[Collection("web")]
public sealed class AccessTests(WebAppFixture app)
{
    [Fact]
    public async Task Health_endpoint_reports_the_database_healthy()
    {
        var response = await app.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/p/1/owners")]
    [InlineData("/p/1/owners/1")]
    [InlineData("/admin/users")]
    [InlineData("/admin/calendar")]
    [InlineData("/hq")]
    [InlineData("/my")]
    public async Task Pages_redirect_anonymous_users_to_sign_in(string url)
    {
        var response = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("owner", "/p/1/owners")]
    [InlineData("owner", "/admin/users")]
    [InlineData("tech", "/p/1/owners")]
    [InlineData("staff", "/admin/companies")]
    [InlineData("manager", "/admin/calendar")]
    [InlineData("staff", "/hq")]
    [InlineData("hq", "/p/1/staff")]
    [InlineData("staff", "/p/1/jobs")]
    [InlineData("staff", "/p/1/outbox")]
    [InlineData("admin", "/p/1/owners")]
    [InlineData("tech", "/p/1/repairs")]
    [InlineData("tech", "/p/1/callbacks")]
    [InlineData("owner", "/p/1/callbacks")]
    [InlineData("staff", "/p/1/repairs/settings")]
    [InlineData("hq", "/p/1/repairs/new")]
    [InlineData("hq", "/p/1/callbacks/1")]
    [InlineData("staff", "/p/1/my-work")]
    [InlineData("tech", "/my/repairs")]
    [InlineData("staff", "/my/repairs/new")]
    public async Task Pages_refuse_users_without_the_permission(string user, string url)
    {
        var client = app.Client();
        var login = await WebAppFixture.SignInAsync(client, user);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_clock_does_not_exist_unless_configured()
    {
        var response = await app.Client().PostAsync("/test/clock/advance?hours=24", null);
        // No endpoint takes the POST: 404, or 405 where the page router (GET only) matches every path.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_are_slowed_down_without_locking_the_account()
    {
        // A user no other test signs in with. Three wrong passwords from one address are simply refused...
        var attacker = TestClientAddress.Next();
        for (var i = 0; i < 3; i++)
        {
            var page = await (await WebAppFixture.SignInAsync(app.Client(attacker), "staff2", "Wrong#123")).Content.ReadAsStringAsync();
            Assert.Contains("登录名或密码错误", page);
        }
        // ...then that address has to wait, and not even the right password is checked from it...
        var fourth = await WebAppFixture.SignInAsync(app.Client(attacker), "staff2");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("尝试过于频繁", await fourth.Content.ReadAsStringAsync());
        // ...but the account is not locked: its owner, from another address, signs in.
        var owner = await WebAppFixture.SignInAsync(app.Client(), "staff2");
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task Login_without_antiforgery_token_is_rejected()
    {
        var response = await app.Client().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "staff", ["Input.Password"] = "Demo@2026",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("pc.auth")));
    }

    [Fact]
    public async Task Logout_requires_antiforgery_token()
    {
        var client = app.Client();
        await WebAppFixture.SignInAsync(client, "staff");
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_cookie_is_http_only()
    {
        var response = await WebAppFixture.SignInAsync(app.Client(), "staff");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pc.auth", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
