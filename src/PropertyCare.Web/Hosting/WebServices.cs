using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using MudBlazor.Services;
using PropertyCare.Web.Hosting.SignIn;

namespace PropertyCare.Web.Hosting;

public static class WebServices
{
    public static IServiceCollection AddPropertyCareWeb(this IServiceCollection services, IConfiguration config)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            // Memory is the cost of Blazor Server: a desk user who closes the laptop keeps a circuit until this
            // runs out. Short enough that abandoned circuits go soon, long enough for a flaky Wi-Fi reconnect.
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            o.DisconnectedCircuitMaxRetained = 100;
        });
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
            o.SnackbarConfiguration.PreventDuplicates = false;
        });
        // MudBlazor ships English texts only; ours answer in Chinese (every key it asks for) and fall back to English.
        services.AddTransient<MudBlazor.MudLocalizer, Components.MudTexts>();
        services.AddScoped<Components.BrowserDownload>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ClientIpCircuitHandler>();
        services.AddHttpContextAccessor();
        services.AddLocalization();
        // Chinese text is written as-is into pages instead of as &#x…; escapes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddPropertyCareInfrastructure(config);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "pc.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // Sign-in lifetimes follow the real clock, not the business clock (which the e2e tests move).
            o.TimeProvider = TimeProvider.System;
            // Signing in on the login page redirects to its ReturnUrl as typed: percent-encode it (Kestrel refuses
            // a Location header with Chinese characters in it, which answered HTTP 500).
            o.Events.OnRedirectToReturnUrl = ctx => { ctx.Response.Redirect(AccountEndpoints.SafeLocal(ctx.RedirectUri)); return Task.CompletedTask; };
        });
        services.AddSignInDoor(config);
        // Sessions of disabled users or changed passwords end within this interval.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.TimeProvider = TimeProvider.System;
        });
        services.AddAuthorization(o =>
        {
            foreach (var p in Permissions.All) o.AddPolicy(p, b => b.RequireAuthenticatedUser().RequireClaim(AppClaims.Permission, p));
        });
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        // Behind the reverse proxy (infra/): trust its X-Forwarded-Proto so cookies are marked Secure under HTTPS —
        // from the configured proxies only (loopback by default), never from any client.
        services.Configure<ForwardedHeadersOptions>(o => ProxyTrust.Configure(o, config));
        services.AddScoped<Printing.FormPrinter>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary>Registrations that depend on the environment (the test clock).</summary>
    public static void AddPropertyCareEnvironment(this WebApplicationBuilder builder)
    {
        if (TestClockEndpoints.Enabled(builder.Configuration, builder.Environment)) builder.Services.AddTestClock();
        RequireKeyEncryption(builder.Configuration, builder.Environment);
    }

    /// <summary>Data Protection keys unencrypted in the database mean a backup is enough to forge a sign-in: outside
    /// Development the app does not start that way unless the operator says so (docs/operations.md).</summary>
    public static void RequireKeyEncryption(IConfiguration config, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || KeyEncryption.Certificate(config) != null || KeyEncryption.AllowUnencrypted(config)) return;
        throw new InvalidOperationException(
            $"No certificate to encrypt the Data Protection keys: set {KeyEncryption.Section}:Certificate (base64 PFX) or :CertificatePath " +
            $"(and :CertificatePassword), or {KeyEncryption.Section}:AllowUnencrypted=true for a throw-away installation. See docs/operations.md, \"Data Protection keys\".");
    }

    public static async Task PreparePropertyCareAsync(this WebApplication app)
    {
        // Several instances on one server database: one prepares it, the others wait and find it done.
        await using var startLock = await Infrastructure.Data.StartupLock.AcquireAsync(app.Configuration);
        await DependencyInjection.PrepareDatabaseAsync(app.Services);
        // Under the lock too: Hangfire's schema (installed when its storage is made) and the first Data Protection key,
        // so the instances share one key instead of each making its own.
        app.Services.GetService<Hangfire.JobStorage>();
        app.Services.GetDataProtector("PropertyCare.Start").Protect("start");
        if (KeyEncryption.Certificate(app.Configuration) == null)
            app.Logger.LogWarning("Data Protection keys are stored UNENCRYPTED in the database: a copy of it is enough to forge a sign-in. Set {Section}:Certificate or :CertificatePath (docs/operations.md).", KeyEncryption.Section);
        if (await Infrastructure.Identity.AdminBootstrap.EnsureAsync(app.Services, app.Configuration["PropertyCare:AdminPassword"]))
            app.Logger.LogWarning("Created the first platform admin '{User}'. Remove PropertyCare:AdminPassword from the configuration.", Infrastructure.Identity.AdminBootstrap.UserName);
        // Demo data only where asked for: on by default in the embedded (Development) setup, off in Production.
        if (app.Configuration.GetValue("PropertyCare:DemoData", false))
            await Infrastructure.Demo.DemoData.SeedAsync(app.Services);
    }

    public static void UsePropertyCare(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (app.Configuration.GetValue<bool>("PropertyCare:BehindProxy")) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseClientIpCapture();
        app.UseRequestLocalization(Culture.LocalizationOptions());
        app.UseAuthentication();
        app.UseMustChangePasswordGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Fingerprinted, compressed static files (MudBlazor's CSS/JS, blazor.web.js) from the build's manifest.
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapAccountEndpoints();
        app.MapRepairPhotos();
        app.MapAttachments();
        if (TestClockEndpoints.Enabled(app.Configuration, app.Environment)) app.MapTestClock();
        app.MapJobsDashboard();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
    }
}
