using System.Data.Common;
using System.Diagnostics;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Benchmarks.Scale;

/// <summary>`-- scale [--provider sqlite|postgres] [--factor F] [--no-indexes] [--no-kpi] [--no-deposits] [--jobs N]`: the
/// issue's scale figures on a generated data set (see <see cref="ScaleData"/>): the desk's repair list page, HQ's monthly
/// callback figures for one company, HQ's KPI report and deposits summary, and Hangfire's throughput. Printed, not asserted: the machine (2 shared cores) is not a production server.</summary>
internal static class ScaleBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider") ?? "sqlite";
        var factor = double.Parse(Arg(args, "--factor") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var postgres = provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
        string connection, database = PostgresCluster.NewDatabaseName("scale");
        var path = Path.Combine(Path.GetTempPath(), $"pc-scale-{Guid.NewGuid():N}.db");
        connection = postgres ? PostgresCluster.Instance.ConnectionString(database) + ";Command Timeout=600" : $"Data Source={path}";
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connection,
            ["PropertyCare:Database:Provider"] = postgres ? "PostgreSql" : "Sqlite",
            // Hangfire polls its queue; the default 5 s would measure the poll interval, not the work.
            ["PropertyCare:Jobs:PollMs"] = "100",
        };
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPropertyCareInfrastructure(config).BuildServiceProvider();
        Console.WriteLine($"scale benchmark: provider {(postgres ? "PostgreSQL" : "SQLite")}, factor {factor}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        try
        {
            await DependencyInjection.PrepareDatabaseAsync(services);
            var data = new ScaleData(factor);
            await using (var conn = Open(connection, postgres)) await data.WriteAsync(conn);
            // Issue 13's leftover: renovation applications with their deposit ledger, for HQ's deposits summary.
            var deposits = args.Contains("--no-deposits") ? null : new DepositData(data);
            if (deposits != null) await using (var conn = Open(connection, postgres)) await deposits.WriteAsync(conn);
            if (args.Contains("--no-indexes")) await DropScaleIndexesAsync(connection, postgres);

            var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
            var biggest = data.OrdersPerProject().Select((n, i) => (n, Id: i + 1)).Max();
            await ListPageAsync(services, options, biggest.Id, biggest.n);
            await HqMonthAsync(services, options, data);
            await PlansAsync(connection, postgres, biggest.Id);
            // HQ's deposits summary for company 1 as generated, before the KPI report moves the projects.
            if (deposits != null) await DepositBenchmark.GeneratedAsync(services, options, deposits, data.Projects);
            // Issue 15 Part C: the company-wide monthly KPI report (moves every project into company 1: after the others).
            if (!args.Contains("--no-kpi")) await KpiReportBenchmark.RunAsync(services, options, data);
            else if (deposits != null) await ScaleData.MoveEveryProjectIntoCompany1Async(options);
            // …and for one company owning every project.
            if (deposits != null) await DepositBenchmark.OneCompanyAsync(services, options, deposits, data.Projects);
            if (int.Parse(Arg(args, "--jobs") ?? "10000") is var jobs and > 0) await HangfireAsync(services, config, data.Projects, jobs);
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm", PropertyCare.Infrastructure.Jobs.JobsSetup.StorageFile($"Data Source={path}") })
                if (File.Exists(f)) File.Delete(f);
            if (postgres) PostgresCluster.Instance.Drop(database);
        }
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static DbConnection Open(string connection, bool postgres)
    {
        DbConnection c = postgres ? new NpgsqlConnection(connection) : new SqliteConnection(connection);
        c.Open();
        return c;
    }

    private static IServiceScope Enter(IServiceProvider services, DbContextOptions<AppDbContext> options, int projectId, int companyId, string role)
    {
        var scope = services.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.SetUser(new UserIdentity("bench", "bench", companyId, new HashSet<string> { role }, null));
        using var db = new AppDbContext(options, null);
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(db.Projects.AsNoTracking().First(p => p.Id == projectId));
        return scope;
    }

    /// <summary>The desk's list in the biggest project: 已完结 filter (the big set: closed and cancelled) and 处理中,
    /// sorted by due date, page 3 of 20 — the real RepairService.ListAsync (count plus page plus addresses).</summary>
    private static async Task ListPageAsync(IServiceProvider services, DbContextOptions<AppDbContext> options, int projectId, int orders)
    {
        using var scope = Enter(services, options, projectId, 1 + (projectId - 1) % ScaleData.Companies, Roles.ServiceDesk);
        var repairs = scope.ServiceProvider.GetRequiredService<RepairService>();
        Console.WriteLine($"repair list in project {projectId} ({orders} orders, the biggest):");
        Console.WriteLine(Timing.Header + " (rows on the page)");
        // Open orders are a few percent of a project's history (fewer than three pages even in the biggest project), so
        // 处理中 is measured on its first page; the big sets on page 3, which must be full or the figure is for a short one.
        foreach (var (name, filter, page) in new[] { ("finished, due first, page 3", RepairFilter.Finished, 3), ("in progress, due first, page 1", RepairFilter.InProgress, 1),
                     ("all, due first, page 3", RepairFilter.All, 3) })
        {
            var q = new RepairListQuery(filter, Sort: RepairSort.DueFirst);
            await Timing.MeasureAsync(name, 200, async () => (await repairs.ListAsync(q, page, 20)).Items.Count,
                page == 1 ? Timing.AtLeast(1) : Timing.Exactly(20), page == 1 ? "some open orders" : "a full page of 20 orders");
        }
    }

    /// <summary>No company-wide callback report exists in the app yet (HqQueries has only the unit/owner overview). Measured
    /// instead: (a) the existing per-project monthly figures, RepairReports.StatsAsync for October 2026, run for every
    /// project of company 1 in turn, as an HQ report built on today's code would; (b) the same callback aggregate as one
    /// company-wide GROUP BY (status × rating over the company's projects and the month), written here with EF.</summary>
    private static async Task HqMonthAsync(IServiceProvider services, DbContextOptions<AppDbContext> options, ScaleData data)
    {
        var ids = Enumerable.Range(1, data.Projects).Where(p => (p - 1) % ScaleData.Companies == 0).ToList();
        DateOnly from = new(2026, 10, 1), to = new(2026, 10, 31);
        Console.WriteLine($"HQ monthly callback figures, company 1 ({ids.Count} projects), {from:yyyy-MM}:");
        Console.WriteLine(Timing.Header + " (callbacks counted)");
        var scopes = ids.Select(id => Enter(services, options, id, 1, Roles.ProjectManager)).ToList();
        try
        {
            async Task<int> PerProject()
            {
                var due = 0;
                foreach (var s in scopes) due += (await s.ServiceProvider.GetRequiredService<RepairReports>().StatsAsync(from, to)).CallbacksDue;
                return due;
            }
            async Task<int> CompanyWide()
            {
                await using var db = new AppDbContext(options, null);
                var groups = await db.Callbacks.IgnoreQueryFilters().AsNoTracking()
                    .Where(c => ids.Contains(c.ProjectId) && c.DueOn >= from && c.DueOn <= to && c.Status != CallbackStatus.Cancelled)
                    .GroupBy(c => new { c.ProjectId, c.Status, c.Satisfaction }).Select(g => new { g.Key.ProjectId, g.Key.Status, g.Key.Satisfaction, N = g.Count() }).ToListAsync();
                return groups.Sum(g => g.N);
            }
            // Both must count the month's callbacks of the company: thousands at factor 1, never none.
            await Timing.MeasureAsync("(a) StatsAsync for each project", 10, PerProject, Timing.AtLeast(1), "the month's callbacks (some)");
            await Timing.MeasureAsync("(b) one company-wide callback GROUP BY", 10, CompanyWide, Timing.AtLeast(1), "the month's callbacks (some)");
        }
        finally { foreach (var s in scopes) s.Dispose(); }
    }

    /// <summary>The plans behind the figures, so an index that is missing or unused shows.</summary>
    private static async Task PlansAsync(string connection, bool postgres, int projectId)
    {
        var list = $"SELECT \"Id\" FROM \"RepairOrders\" WHERE \"ProjectId\" = {projectId} AND \"Status\" IN (6, 7) ORDER BY \"DueAt\", \"Id\" LIMIT 20 OFFSET 40";
        var month = "SELECT \"Status\", \"Satisfaction\", COUNT(*) FROM \"Callbacks\" WHERE \"ProjectId\" = 1 AND \"DueOn\" >= '2026-10-01' AND \"DueOn\" <= '2026-10-31' AND \"Status\" <> 3 GROUP BY \"Status\", \"Satisfaction\"";
        var received = $"SELECT COUNT(*) FROM \"RepairOrders\" WHERE \"ProjectId\" = 1 AND \"ReceivedAt\" >= '2026-09-30 16:00:00' AND \"ReceivedAt\" < '2026-10-31 16:00:00'";
        await using var c = Open(connection, postgres);
        foreach (var (name, sql) in new[] { ("list page", list), ("month callbacks", month), ("month registered", received) })
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = (postgres ? "EXPLAIN ANALYZE " : "EXPLAIN QUERY PLAN ") + sql;
            await using var r = await cmd.ExecuteReaderAsync();
            Console.WriteLine($"plan, {name}:");
            while (await r.ReadAsync()) Console.WriteLine("  " + r.GetValue(postgres ? 0 : 3));
        }
    }

    /// <summary>The indexes of the ScaleIndexes migration, dropped for the "before" figures.</summary>
    private static async Task DropScaleIndexesAsync(string connection, bool postgres)
    {
        await using var c = Open(connection, postgres);
        foreach (var ix in ScaleIndexNames)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"DROP INDEX IF EXISTS \"{ix}\"";
            await cmd.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"dropped for the 'before' figures: {string.Join(", ", ScaleIndexNames)}");
    }

    internal static readonly string[] ScaleIndexNames = ["IX_RepairOrders_ProjectId_DueAt", "IX_RepairOrders_ProjectId_ReceivedAt", "IX_RepairOrders_ProjectId_CompletedAt", "IX_Callbacks_ProjectId_DueOn"];

    /// <summary>Enqueue→done of 10,000 no-op project jobs through the app's own Hangfire setup (storage by provider, the
    /// project filter that enters the project and records a JobRun for each run, the app's worker count).</summary>
    private static async Task HangfireAsync(IServiceProvider services, IConfiguration config, int projects, int jobs)
    {
        var client = services.GetRequiredService<IBackgroundJobClient>();
        var storage = services.GetRequiredService<JobStorage>();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < jobs; i++) client.Enqueue<NoopProjectJob>(j => j.RunAsync(1 + i % projects));
        var enqueued = sw.Elapsed;
        var server = services.GetServices<IHostedService>().Single(h => h.GetType().Namespace?.StartsWith("Hangfire") == true);
        var workers = config.GetValue("PropertyCare:Jobs:Workers", PropertyCare.Infrastructure.Jobs.JobsSetup.IsSqlite(config) ? 2 : Math.Min(20, Environment.ProcessorCount * 5));
        await server.StartAsync(CancellationToken.None);
        var monitor = storage.GetMonitoringApi();
        var deadline = Stopwatch.StartNew();
        while (monitor.SucceededListCount() < jobs && deadline.Elapsed < TimeSpan.FromMinutes(15)) await Task.Delay(100);
        var done = sw.Elapsed;
        var succeeded = monitor.SucceededListCount();
        await server.StopAsync(CancellationToken.None);
        Console.WriteLine($"hangfire: {jobs} no-op project jobs, {workers} workers: enqueued in {enqueued.TotalSeconds:F1} s, all done after {done.TotalSeconds:F1} s " +
                          $"({succeeded / done.TotalSeconds:F0} jobs/s enqueue→done, {succeeded} succeeded, failed {monitor.FailedCount()})");
    }
}

/// <summary>A project job that does nothing: what is measured is Hangfire plus the project filter around it.</summary>
public sealed class NoopProjectJob
{
    public Task RunAsync(int projectId) => Task.CompletedTask;
}
