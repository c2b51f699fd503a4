using System.Net;

namespace PropertyCare.Web.Tests;

[Collection("web")]
public sealed class CultureTests(WebAppFixture app)
{
    [Fact]
    public async Task Chinese_is_the_default_even_when_the_browser_asks_for_English()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var page = await client.GetStringAsync("/account/login");
        Assert.Contains("登录名", page);
        Assert.Contains("lang=\"zh-CN\"", page);
    }

    [Fact]
    public async Task Switching_to_English_persists_in_a_cookie()
    {
        var client = app.Client();
        var response = await client.GetAsync("/culture/set?culture=en-US&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync("/account/login");
        Assert.Contains("User name", page);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Language_switch_is_not_an_open_redirect(string returnUrl)
    {
        var response = await app.Client().GetAsync($"/culture/set?culture=zh-CN&returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_culture_falls_back_to_Chinese()
    {
        var client = app.Client();
        await client.GetAsync("/culture/set?culture=fr-FR&returnUrl=%2F");
        Assert.Contains("登录名", await client.GetStringAsync("/account/login"));
    }
}
