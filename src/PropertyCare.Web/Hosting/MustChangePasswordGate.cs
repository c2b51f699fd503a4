using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Web.Hosting;

/// <summary>A session signed in with an initial or temporary password (claim pc:mustchange) reaches only
/// "set a new password": every page request is sent to /account/password, anything else is refused. Such a
/// session also holds no permission (AppClaimsFactory), so this is the visible half of the rule, not the only one.</summary>
public static class MustChangePasswordGate
{
    public const string PasswordPage = "/account/password";

    public static void UseMustChangePasswordGate(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (!http.User.HasClaim(c => c.Type == AppClaims.MustChangePassword) || Allowed(http.Request.Path))
            {
                await next(http);
                return;
            }
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                // Not the circuit hub: the password page is static and needs none, and no other page may run.
                if (http.Request.Path.StartsWithSegments("/_blazor")) http.Response.StatusCode = StatusCodes.Status403Forbidden;
                else http.Response.Redirect(PasswordPage);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        });

    /// <summary>The sign-in pages (the password page, sign-out), the framework's scripts and the site's own static
    /// files (one path segment with an extension: app.css, app.js, fingerprinted copies), health and the language switch.</summary>
    public static bool Allowed(PathString path)
    {
        if (path.StartsWithSegments("/account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
            || path.StartsWithSegments("/health") || path.StartsWithSegments("/culture")) return true;
        var value = path.Value ?? "";
        return value.LastIndexOf('/') == 0 && value.Contains('.');
    }
}
