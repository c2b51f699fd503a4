using System.Security.Cryptography;

namespace PropertyCare.Web.Hosting;

/// <summary>Headers every response carries, pages, static files, photos, PDFs and errors alike. Set when the response
/// starts, so the exception handler (which clears headers) cannot drop them from the error page.</summary>
public static class SecurityHeaders
{
    private const string NonceKey = "pc.csp-nonce";

    /// <summary>The per-request nonce for the one inline script Blazor renders (the import map). Pages have no
    /// other inline script: our own code lives in wwwroot/app.js.</summary>
    public static string Nonce(HttpContext http) =>
        http.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders must run before the page.");

    /// <summary>What the browser may do with our pages. Blazor Server needs no eval; MudBlazor sets inline styles
    /// (positions of popovers, the theme's CSS variables), hence 'unsafe-inline' for styles only. The circuit's
    /// WebSocket is same-origin, which 'self' covers. Images: our own, data: (the icon) and blob: (downloads).</summary>
    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'";

    public static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Hex, not base64: '+' and '/' are HTML-encoded in the attribute (&#x2B;), which is equivalent for the
        // browser but makes the page's nonce differ, as text, from the header's.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            // A photo is served with the type its upload claimed; nosniff stops a browser from running it as something else.
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h.ContentSecurityPolicy = Policy(nonce);
            return Task.CompletedTask;
        });
        return next(http);
    });
}
