using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PropertyCare.Web.Hosting;

/// <summary>Chinese first, English second. The choice lives in the culture cookie and on the user record.</summary>
public static class Culture
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] Supported = [Chinese, English];

    public static RequestLocalizationOptions LocalizationOptions()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        var o = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // Only the cookie decides: a browser's Accept-Language must not override the Chinese default.
        o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return o;
    }

    public static string Normalize(string? culture) => Supported.Contains(culture) ? culture! : Chinese;

    public static void Write(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Normalize(culture))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
}
