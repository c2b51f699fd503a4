using Microsoft.AspNetCore.Components.Server.Circuits;
using PropertyCare.Infrastructure.Accounts;

namespace PropertyCare.Web.Hosting;

/// <summary>Fills the scoped <see cref="ClientAddress"/> that audit records read: per HTTP request from the
/// connection (already rewritten by the forwarded-headers middleware, which trusts only configured proxies),
/// and per Blazor circuit from the request that opened the circuit's connection.</summary>
public static class ClientAddressCapture
{
    public static IServiceCollection AddClientAddressCapture(this IServiceCollection services) =>
        services.AddScoped<CircuitHandler, CircuitAddressHandler>();

    public static void UseClientAddressCapture(this WebApplication app) =>
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<ClientAddress>().Ip = http.Connection.RemoteIpAddress?.ToString();
            return next(http);
        });

    /// <summary>A circuit's scope is not a request's scope: the circuit opens inside the hub connection's request,
    /// the only moment its HttpContext is at hand.</summary>
    private sealed class CircuitAddressHandler(ClientAddress client, IHttpContextAccessor http) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
        {
            client.Ip ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
            return Task.CompletedTask;
        }
    }
}
