using System.Net;
using System.Text.RegularExpressions;

namespace PropertyCare.Web.Tests;

/// <summary>Hangfire's dashboard at /admin/jobs: the platform admin only; it runs under the app's CSP.</summary>
[Collection("web")]
public sealed partial class JobsDashboardTests(WebAppFixture app)
{
    [Fact]
    public async Task The_platform_admin_gets_the_dashboard_under_the_apps_content_security_policy()
    {
        var client = app.Client();
        await WebAppFixture.SignInAsync(client, "admin");
        var response = await client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hangfire", html);
        // The CSP allows scripts from our origin (and the nonce) only: the dashboard has no inline script, just
        // script files under its own path, which the policy's 'self' covers.
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotMatch(InlineScript(), html);
        var scripts = ScriptSrc().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.StartsWith("/admin/jobs/", s, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(WebUtility.HtmlDecode(scripts[0]))).StatusCode);
        // The recurring jobs the app registered at start are there (the outbox and each project's escalation).
        var recurring = await client.GetStringAsync("/admin/jobs/recurring");
        Assert.Contains("outbox-dispatch", recurring);
        Assert.Contains("repair-escalation", recurring);
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in()
    {
        foreach (var url in new[] { "/admin/jobs", "/admin/jobs/recurring", "/admin/jobs/stats" })
        {
            var response = await app.Client().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("manager")]
    [InlineData("hq")]
    [InlineData("owner")]
    public async Task Everyone_else_is_denied_the_pages_and_the_actions(string user)
    {
        var client = app.Client();
        await WebAppFixture.SignInAsync(client, user);
        foreach (var url in new[] { "/admin/jobs", "/admin/jobs/jobs/failed", "/admin/jobs/stats" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        // An action posted straight at the dashboard (trigger every recurring job) is refused as well.
        var post = await client.PostAsync("/admin/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "outbox-dispatch")]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.NoContent, post.StatusCode);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<script[^>]*\bsrc=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSrc();
}
