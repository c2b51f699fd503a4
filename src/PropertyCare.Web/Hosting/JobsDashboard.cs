using Hangfire;
using Hangfire.Dashboard;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Web.Hosting;

/// <summary>Hangfire's own dashboard at /admin/jobs, for the platform admin only. The endpoint requires our
/// ManagePlatform policy (anonymous → sign-in, anyone else → denied) and Hangfire's filter checks the same
/// permission again, so the dashboard never falls back to its default (local requests allowed). HQ is not
/// let in, not even read-only: the dashboard lists every company's jobs with their arguments and errors, and
/// it cannot be narrowed to one company; HQ and managers use the project's 后台任务 page instead.
/// CSP: the dashboard's pages load their scripts from its own path (script-src 'self') and use inline style
/// attributes only (style-src already allows 'unsafe-inline'), so the app's policy needs no exception.</summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new PermissionFilter()],
            DashboardTitle = "PropertyCare 后台任务 / Jobs",
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization(Permissions.ManagePlatform);

    private sealed class PermissionFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.HasClaim(AppClaims.Permission, Permissions.ManagePlatform);
    }
}
