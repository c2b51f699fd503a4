using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PropertyCare.Web.Hosting;

/// <summary>Which peers may tell us the client's address and scheme (X-Forwarded-For/Proto). Only the configured
/// reverse proxies — PropertyCare:ForwardedHeaders:KnownProxies (addresses) and :KnownNetworks (CIDR ranges) —
/// and loopback when none is configured. A header from anyone else is ignored, so a client cannot pose as another
/// address (rate limits, audit "from where") or as HTTPS.</summary>
public static class ProxyTrust
{
    public static void Configure(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var section = config.GetSection("PropertyCare:ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return; // the framework's defaults: 127.0.0.0/8 and ::1
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var p in proxies)
            o.KnownProxies.Add(IPAddress.TryParse(p, out var ip) ? ip
                : throw new InvalidOperationException($"PropertyCare:ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
        foreach (var n in networks)
            o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var net) ? net
                : throw new InvalidOperationException($"PropertyCare:ForwardedHeaders:KnownNetworks: '{n}' is not a CIDR range such as 172.16.0.0/12."));
    }
}
