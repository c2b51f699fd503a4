using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PropertyCare.Web.Tests;

/// <summary>Test-only: sets the request's client address from a header, as Kestrel would from the socket.</summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";
    private static int _next;

    /// <summary>A fresh address: 10.x.y.z, never the same twice in a test run.</summary>
    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var ip))
                http.Connection.RemoteIpAddress = ip;
            return nextMiddleware(http);
        });
        next(app);
    };
}
