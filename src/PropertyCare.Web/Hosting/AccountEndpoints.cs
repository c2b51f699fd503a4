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

    /// <summary>Only same-site paths, so the switch cannot be used as an open redirect.</summary>
    public static string SafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
