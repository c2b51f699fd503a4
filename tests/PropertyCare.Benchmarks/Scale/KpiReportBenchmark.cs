using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Kpis;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Benchmarks.Scale;

/// <summary>Issue 15 Part C: the company-wide monthly report (KPI figures of every project, scores, ranking) for October
/// 2026 — (a) company 1 as generated (1/20 of the projects), (b) after every project is moved into company 1, so one
/// company owns all of them (1,000 at factor 1), as the issue asks; then (c) the monthly report job writing the
/// company-wide snapshot once. The app's own services: KpiQueries.RankingAsync as HQ, QualityReportJob in the anchor
/// project. Runs after the other figures but HQ's deposits summary (b) and Hangfire: it changes the projects' company.</summary>
internal static class KpiReportBenchmark
{
    public static async Task RunAsync(IServiceProvider services, DbContextOptions<AppDbContext> options, ScaleData data)
    {
        var month = new KpiMonth(2026, 10);
        Console.WriteLine($"HQ monthly KPI report {month} (ranking of every project, company figures and score):");
        Console.WriteLine(Timing.Header + " (projects ranked)");
        await MeasureAsync(services, "(a) company 1 as generated", data.Projects / ScaleData.Companies);
        await ScaleData.MoveEveryProjectIntoCompany1Async(options);
        await MeasureAsync(services, "(b) one company owning every project", data.Projects);

        using var scope = services.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.SetUser(new UserIdentity("system", "系统任务", 1, new HashSet<string>(), null));
        await using (var db = new AppDbContext(options, null))
            scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(await db.Projects.AsNoTracking().OrderBy(p => p.Id).FirstAsync());
        // The job reports the month before "today"; the data set's today is 2026-11-01, which the system clock is not:
        // the snapshot is written directly for October through the same path the job takes.
        var sw = Stopwatch.StartNew();
        var job = scope.ServiceProvider.GetRequiredService<QualityReportJob>();
        var written = await job.WriteMonthForBenchmarkAsync(new DateOnly(2026, 10, 1));
        Console.WriteLine($"(c) monthly report job, anchor project + company-wide snapshot of {data.Projects} projects: {sw.Elapsed.TotalMilliseconds:F0} ms, {written} snapshots written");
    }

    private static async Task MeasureAsync(IServiceProvider services, string name, int projects)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("bench-hq", "总部", 1, new HashSet<string> { Roles.HqAuditor }, null));
        var kpis = scope.ServiceProvider.GetRequiredService<KpiQueries>();
        await Timing.MeasureAsync(name, 10, async () => (await kpis.RankingAsync(new KpiMonth(2026, 10))).Projects.Count(p => p.Score != null),
            Timing.Exactly(projects), "every project scored");
    }
}
