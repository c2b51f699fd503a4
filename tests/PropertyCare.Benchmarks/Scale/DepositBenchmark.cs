using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Benchmarks.Scale;

/// <summary>Issue 13's leftover: HQ's 保证金汇总 (<see cref="HqDepositQueries.SummaryAsync"/>: held = the company's
/// liability, collected this month, refunds due and overdue, per project) on the deposit data of <see cref="DepositData"/>,
/// as an HQ auditor — (a) company 1 as generated (1/20 of the projects), (b) one company owning every project (after
/// <see cref="KpiReportBenchmark"/> moved them, or moved here when it is skipped) — and the project's own
/// <see cref="DepositReportService"/> (summary, first page of the held drill-down) in the project with the most
/// applications. The app's services with the clock set to the data's today (<see cref="DepositData.NowUtc"/>); every
/// figure of every project is compared with what the generator counted before anything is timed.</summary>
internal static class DepositBenchmark
{
    /// <summary>Before the projects change company: (a) and the project report.</summary>
    public static async Task GeneratedAsync(IServiceProvider services, DbContextOptions<AppDbContext> options, DepositData data, int projects)
    {
        Console.WriteLine($"HQ deposits summary (保证金汇总) at {DepositData.Today:yyyy-MM-dd}, and one project's deposits report:");
        Console.WriteLine(Timing.Header + " (applications holding a deposit)");
        var company1 = Enumerable.Range(1, projects).Where(p => (p - 1) % ScaleData.Companies == 0).ToList();
        await SummaryAsync(services, data, "(a) HQ summary, company 1 as generated", company1);

        var biggest = data.WithMoney.OrderByDescending(x => x.Value).ThenBy(x => x.Key).First().Key;
        using var scope = services.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.SetUser(new UserIdentity("bench", "bench", 1 + (biggest - 1) % ScaleData.Companies, new HashSet<string> { Roles.ProjectManager }, null));
        await using (var db = new AppDbContext(options, null))
            scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(await db.Projects.AsNoTracking().FirstAsync(p => p.Id == biggest));
        var report = ActivatorUtilities.CreateInstance<DepositReportService>(scope.ServiceProvider, (TimeProvider)new FixedClock());
        var expected = data.ByProject[biggest];
        Check(biggest, await report.SummaryAsync(), expected);
        await Timing.MeasureAsync($"project {biggest} summary ({data.WithMoney[biggest]} apps)", 100, async () => (await report.SummaryAsync()).HeldCount,
            Timing.Exactly(expected.HeldCount), "the project's applications holding a deposit");
        await Timing.MeasureAsync($"project {biggest} held, page 1 of 20", 100, async () => (await report.ApplicationsAsync(DepositFilter.Held, 1, 20)).Total,
            Timing.Exactly(expected.HeldCount), "the project's applications holding a deposit");
    }

    /// <summary>After every project belongs to company 1: (b), and the plans of the summary's two company-wide reads.</summary>
    public static async Task OneCompanyAsync(IServiceProvider services, DbContextOptions<AppDbContext> options, DepositData data, int projects)
    {
        await SummaryAsync(services, data, "(b) HQ summary, one company owning all", Enumerable.Range(1, projects).ToList());
        await using var db = new AppDbContext(options, null);
        var company = db.Projects.Where(p => p.CompanyId == 1).Select(p => p.Id);
        // The same shapes as DepositReporting.SummariesAsync (company 1 written in as a constant, so the text runs as is).
        var entries = db.DepositLedger.IgnoreQueryFilters().Where(e => company.Contains(e.ProjectId)).Select(e => new { e.ProjectId, e.ApplicationId, e.Account, e.Kind, e.Amount, e.At });
        var apps = db.RenovationApplications.IgnoreQueryFilters().Where(a => company.Contains(a.ProjectId))
            .Select(a => new { a.Id, a.ProjectId, a.Number, a.UnitId, a.Status, a.ObservationEndsOn });
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (name, sql) in new[] { ("HQ deposits, ledger entries", entries.ToQueryString()), ("HQ deposits, applications", apps.ToQueryString()) })
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = (postgres ? "EXPLAIN ANALYZE " : "EXPLAIN QUERY PLAN ") + sql;
            await using var r = await cmd.ExecuteReaderAsync();
            Console.WriteLine($"plan, {name}:");
            while (await r.ReadAsync()) Console.WriteLine("  " + r.GetValue(postgres ? 0 : 3));
        }
    }

    private static async Task SummaryAsync(IServiceProvider services, DepositData data, string name, List<int> projectIds)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("bench-hq", "总部", 1, new HashSet<string> { Roles.HqAuditor }, null));
        var hq = ActivatorUtilities.CreateInstance<HqDepositQueries>(scope.ServiceProvider, (TimeProvider)new FixedClock());
        var rows = await hq.SummaryAsync();
        if (!rows.Select(r => r.ProjectId).SequenceEqual(projectIds))
            throw new InvalidOperationException($"{name}: the summary lists {rows.Count} projects, {projectIds.Count} expected");
        foreach (var r in rows) Check(r.ProjectId, r, data.ByProject[r.ProjectId]);
        var total = HqDepositQueries.Total(rows);
        var sum = projectIds.Select(p => data.ByProject[p]).Aggregate(DepositData.Expected.None, (a, b) => a.Add(b));
        Check(0, total, sum);
        await Timing.MeasureAsync(name, 10, async () => (await hq.SummaryAsync()).Sum(r => r.HeldCount), Timing.Exactly(sum.HeldCount),
            "every application holding a deposit in the company's projects");
        Console.WriteLine($"    {projectIds.Count} projects: held ¥{total.Held:#,##0.00} in {total.HeldCount} applications, collected this month ¥{total.CollectedThisMonth:#,##0.00}, " +
                          $"refunds due {total.RefundsDue} (¥{total.RefundsDueAmount:#,##0.00}), overdue {total.OverdueRefunds} (¥{total.OverdueAmount:#,##0.00})");
    }

    /// <summary>Every figure, not only the one the timing returns: a wrong sum would otherwise pass as fast.</summary>
    private static void Check(int projectId, ProjectDepositSummary s, DepositData.Expected e)
    {
        var got = new DepositData.Expected(s.Held, s.HeldCount, s.CollectedThisMonth, s.RefundsDue, s.RefundsDueAmount, s.OverdueRefunds, s.OverdueAmount);
        if (got != e) throw new InvalidOperationException($"deposits summary of project {projectId}: the app says {got}, the generated data {e}");
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(DepositData.NowUtc, DateTimeKind.Utc));
    }
}
