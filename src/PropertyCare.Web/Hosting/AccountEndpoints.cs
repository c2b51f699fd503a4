using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Web.Hosting;

/// <summary>HTTP endpoints that must set cookies, which an interactive circuit cannot do.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            // Minimal APIs check antiforgery only when they bind a form; this one binds nothing, so it asks itself.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        app.MapGet("/culture/set", async (string culture, string? returnUrl, HttpContext http, UserManager<AppUser> users) =>
        {
            culture = Culture.Normalize(culture);
            Culture.Write(http.Response, culture);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != culture)
            {
                user.PreferredCulture = culture;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(SafeLocal(returnUrl));
        });
    }

    /// <summary>Only same-site paths, so the switch cannot be used as an open redirect; percent-encoded so the
    /// result can go into a Location header (Kestrel refuses non-ASCII there: a Chinese return link answered 500).</summary>
    public static string SafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? EncodeForHeader(url) : "/";

    /// <summary>Percent-encodes (as UTF-8) what may not stand in a URL as it is: non-ASCII, spaces and control
    /// characters. Escapes already there stay as they are. A browser would drop a raw tab or newline, turning
    /// "/\t/evil.example" into "//evil.example"; encoded, it stays a path on this site.</summary>
    public static string EncodeForHeader(string url)
    {
        if (url.All(c => c > ' ' && c < 127)) return url;
        var sb = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value > ' ' && rune.Value < 127) { sb.Append((char)rune.Value); continue; }
            var n = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < n; i++) sb.Append('%').Append(utf8[i].ToString("X2"));
        }
        return sb.ToString();
    }
}
