using PropertyCare.Infrastructure;

namespace PropertyCare.Web.Hosting;

/// <summary>Lets the end-to-end tests move the application's clock. Exists only when PropertyCare:TestClock is
/// true outside Production, and answers only requests from the machine itself.</summary>
public static class TestClockEndpoints
{
    public static bool Enabled(IConfiguration config, IHostEnvironment env) =>
        config.GetValue<bool>("PropertyCare:TestClock") && !env.IsProduction();

    public static void AddTestClock(this IServiceCollection services) => services.AddSingleton<TimeProvider>(new OffsetClock());

    public static void MapTestClock(this WebApplication app)
    {
        app.MapPost("/test/clock/advance", (double hours, HttpContext http, TimeProvider clock) =>
        {
            if (http.Connection.RemoteIpAddress is not { } ip || !System.Net.IPAddress.IsLoopback(ip)) return Results.NotFound();
            if (hours is <= 0 or > 24 * 60) return Results.BadRequest("hours must be in (0, 1440]");
            ((OffsetClock)clock).Advance(TimeSpan.FromHours(hours));
            return Results.Ok(new { now = clock.GetUtcNow() });
        }).DisableAntiforgery();
        app.MapPost("/test/clock/reset", (HttpContext http, TimeProvider clock) =>
        {
            if (http.Connection.RemoteIpAddress is not { } ip || !System.Net.IPAddress.IsLoopback(ip)) return Results.NotFound();
            ((OffsetClock)clock).Reset();
            return Results.Ok(new { now = clock.GetUtcNow() });
        }).DisableAntiforgery();
    }
}
