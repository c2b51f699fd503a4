using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PropertyCare.Web.Tests;

/// <summary>Behind the proxy the app believes X-Forwarded-For/Proto — but only from the proxy. An attacker who reaches
/// the app directly (or through a proxy we did not configure) must not be able to pose as another address (rate
/// limits, audit "from where") or as HTTPS. The test host has no real socket, so a first middleware plays the TCP
/// peer (X-Test-Peer) and reports what the app ended up believing.</summary>
[Collection("web")]
public sealed class ForwardedHeadersTests(WebAppFixture app)
{
    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => b =>
        {
            b.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(http.Request.Headers["X-Test-Peer"].ToString());
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers["X-Test-Seen-Ip"] = http.Connection.RemoteIpAddress?.ToString();
                    http.Response.Headers["X-Test-Seen-Scheme"] = http.Request.Scheme;
                    return Task.CompletedTask;
                });
                return nextMiddleware(http);
            });
            next(b);
        };
    }

    private HttpClient Client(params (string Key, string Value)[] settings)
    {
        var factory = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("PropertyCare:BehindProxy", "true");
            foreach (var (k, v) in settings) b.UseSetting(k, v);
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFilter>());
        });
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    private static async Task<(string Ip, string Scheme)> AskAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        return (response.Headers.GetValues("X-Test-Seen-Ip").Single(), response.Headers.GetValues("X-Test-Seen-Scheme").Single());
    }

    [Fact]
    public async Task A_spoofed_forwarded_for_from_a_client_is_ignored_by_default()
    {
        var client = Client();
        Assert.Equal(("203.0.113.7", "http"), await AskAsync(client, "203.0.113.7", "10.1.2.3"));
        // The default proxy is on the same machine.
        Assert.Equal(("10.1.2.3", "https"), await AskAsync(client, "127.0.0.1", "10.1.2.3"));
    }

    [Fact]
    public async Task Only_the_configured_proxies_are_believed()
    {
        var client = Client(("PropertyCare:ForwardedHeaders:KnownNetworks:0", "172.16.0.0/12"), ("PropertyCare:ForwardedHeaders:KnownProxies:0", "192.0.2.10"));
        Assert.Equal(("10.1.2.3", "https"), await AskAsync(client, "172.18.0.5", "10.1.2.3"));
        Assert.Equal(("10.1.2.3", "https"), await AskAsync(client, "192.0.2.10", "10.1.2.3"));
        Assert.Equal(("192.0.2.11", "http"), await AskAsync(client, "192.0.2.11", "10.1.2.3"));
        // Configuring proxies replaces the loopback default.
        Assert.Equal(("127.0.0.1", "http"), await AskAsync(client, "127.0.0.1", "10.1.2.3"));
    }
}
