using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Hosting;

/// <summary>Gives the circuit's tenant context the address the browser connects from, so a reveal, print or
/// export says whose session made it (保密日志). A circuit has no HTTP request of its own; while it connects (and
/// on every reconnect, which may come from another network) the accessor still sees the SignalR connection's
/// request, after the forwarded-headers middleware has put the real client address there.</summary>
internal sealed class ClientIpCircuitHandler(TenantContext tenant, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct)
    {
        if (http.HttpContext?.Connection.RemoteIpAddress is { } ip) tenant.ClientIp = Text(ip);
        return Task.CompletedTask;
    }

    /// <summary>An IPv4 client over a dual-stack socket is shown as 10.0.0.5, not ::ffff:10.0.0.5.</summary>
    internal static string Text(IPAddress ip) => (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
}

internal static class ClientIpCapture
{
    /// <summary>The same for plain HTTP requests (the sign-in, code and password pages, the photo endpoint): after the
    /// forwarded-headers middleware, so only a configured proxy can change the address that is recorded.</summary>
    internal static void UseClientIpCapture(this WebApplication app) =>
        app.Use((http, next) =>
        {
            if (http.Connection.RemoteIpAddress is { } ip) http.RequestServices.GetRequiredService<TenantContext>().ClientIp = ClientIpCircuitHandler.Text(ip);
            return next(http);
        });
}
