using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Web.Tests;

/// <summary>Every kind of response carries the browser-side defences: pages, static files, a user's uploaded photo
/// (served with the type its upload claimed) and the health probe.</summary>
[Collection("web")]
public sealed class SecurityHeadersTests(WebAppFixture app)
{
    private static void AssertDefended(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("form-action 'self'", csp);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/p/1/owners")] // the redirect to sign-in
    [InlineData("/no-such-page")]
    public async Task Anonymous_responses_carry_the_security_headers(string url)
    {
        var response = await app.Client().GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        AssertDefended(response);
    }

    [Fact]
    public async Task A_signed_in_page_uses_its_nonce_on_the_only_inline_script()
    {
        var client = app.Client();
        await WebAppFixture.SignInAsync(client, "staff");
        var response = await client.GetAsync("/p/1/owners");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDefended(response);
        var nonce = System.Text.RegularExpressions.Regex.Match(string.Join(",", response.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();
        // Every <script> either loads a file of ours or carries this response's nonce (Blazor's import map).
        foreach (System.Text.RegularExpressions.Match tag in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>"))
            Assert.True(tag.Value.Contains(" src=") || tag.Value.Contains($"nonce=\"{nonce}\""), tag.Value);
        // A fresh nonce for every response.
        var again = await client.GetAsync("/p/1/owners");
        Assert.DoesNotContain(nonce, string.Join(",", again.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task A_photo_whose_bytes_look_like_html_is_served_with_nosniff()
    {
        int photoId;
        using (var scope = app.Services.CreateScope())
        {
            var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
            await using var db = new AppDbContext(options, null);
            var order = await db.RepairOrders.IgnoreQueryFilters().Where(o => o.ProjectId == 1).Select(o => o.Id).FirstAsync();
            var bytes = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO RepairPhotos (ProjectId, RepairOrderId, Stage, FileName, ContentType, Bytes, Size, UploadedAt, UploadedBy) VALUES (1, {order}, 0, 'x.png', 'image/png', {bytes}, {bytes.Length}, {DateTime.UtcNow}, 'test')");
            photoId = await db.Database.SqlQueryRaw<int>("SELECT max(Id) AS Value FROM RepairPhotos").SingleAsync();
        }
        var client = app.Client();
        await WebAppFixture.SignInAsync(client, "staff");
        var response = await client.GetAsync($"/p/1/repair-photos/{photoId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        AssertDefended(response);
    }
}
