using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Kpis;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Kpis;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>Issue 15 Part C: last week's and last month's report snapshots of every demo estate and of the company, written
/// by the report job itself (as on Monday 08:00 and the 1st), so HQ's 报表 and the manager's 品质报表 have something to
/// show. Runs LAST among the demo steps: a snapshot freezes the records as they are when it is written.</summary>
internal static class DemoQualityReports
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Project> projects, CancellationToken ct)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using (var check = new AppDbContext(options, null))
            if (await check.QualityReports.AnyAsync(ct)) return;
        // The anchor (lowest id) last, so the company-wide snapshot counts the other estates' finished demo data too.
        foreach (var project in projects.OrderByDescending(p => p.Id))
            foreach (var kind in new[] { ReportKind.Weekly, ReportKind.Monthly })
            {
                using var scope = services.CreateScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("system", "系统任务", project.CompanyId, new HashSet<string>(), null));
                scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
                await scope.ServiceProvider.GetRequiredService<QualityReportJob>().RunForProjectAsync(project.Id, kind, ct);
            }
    }
}
