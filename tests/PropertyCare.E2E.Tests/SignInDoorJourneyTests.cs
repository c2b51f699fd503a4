using Microsoft.Playwright;

namespace PropertyCare.E2E.Tests;

/// <summary>The sign-in door in the real browser against the real server (Kestrel, which refuses non-ASCII in a
/// Location header: a Chinese return link answered HTTP 500 after the password was accepted).</summary>
[Collection("app")]
public sealed class SignInDoorJourneyTests(AppServer app)
{
    [Theory]
    // A colleague's link to a search for 张三: not signed in, so the sign-in page comes first, keeping the link...
    [InlineData("/p/1/owners?q=张三")]
    // ...or a sign-in link with the return link in it as people write it (the browser sends it UTF-8 encoded once,
    // so the return link arrives with Chinese characters in it: this one answered HTTP 500).
    [InlineData("/account/login?ReturnUrl=/p/1/owners?q=张三")]
    [InlineData("/account/login?ReturnUrl=%2Fp%2F1%2Fowners%3Fq%3D%E5%BC%A0%E4%B8%89")]
    public async Task A_link_with_Chinese_characters_leads_through_sign_in_to_its_page(string link)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var serverErrors = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 500) serverErrors.Add($"{r.Status} {r.Url}"); };

        await page.GotoAsync(link);
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/account/login");
        await page.FillAsync("#username", "staff");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/p/1/owners", new() { Timeout = 15_000 });
        Assert.Equal("?q=张三", Uri.UnescapeDataString(new Uri(page.Url).Query));
        await Assertions.Expect(page.Locator("[data-test=owner-search]")).ToHaveValueAsync("张三", new() { Timeout = 15_000 });
        Assert.Empty(serverErrors);
        await context.CloseAsync();
    }
}
