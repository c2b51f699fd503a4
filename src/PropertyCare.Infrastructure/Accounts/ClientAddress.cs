namespace PropertyCare.Infrastructure.Accounts;

/// <summary>Where the current request or circuit comes from, for audit records. Scoped: filled from the
/// HTTP request (after the forwarded-headers middleware, so only trusted proxies can change it) or, for a
/// Blazor circuit, from the connection that opened it.</summary>
public sealed class ClientAddress
{
    public string? Ip { get; set; }
}
