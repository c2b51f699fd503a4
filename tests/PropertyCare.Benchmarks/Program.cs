using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

// `-- ui`: the running app in Chromium (memory per circuit, page open and search round trip); see UiBenchmark.
if (args.Contains("ui")) { await UiBenchmark.RunAsync(args); return; }
// `-- scale [--provider sqlite|postgres] [--factor F]`: the issue 10 scale figures on a generated data set; see ScaleBenchmark.
if (args.Contains("scale")) { await PropertyCare.Benchmarks.Scale.ScaleBenchmark.RunAsync(args); return; }

// Seeds the demo data into a fresh SQLite file, then times the owner-list queries the service desk
// runs all day (search by room, name, phone; filters; paging) and the export. Median and 95th
// percentile of many warm runs, in milliseconds. Goal from the issue: search under one second.
var path = Path.Combine(Path.GetTempPath(), $"pc-bench-{Guid.NewGuid():N}.db");
var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" }).Build();
var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPropertyCareInfrastructure(config).BuildServiceProvider();
try
{
    var seed = Stopwatch.StartNew();
    await DependencyInjection.PrepareDatabaseAsync(services);
    await PropertyCare.Infrastructure.Demo.DemoData.SeedAsync(services);
    Console.WriteLine($"demo data seeded in {seed.ElapsedMilliseconds} ms");

    using var scope = services.CreateScope();
    var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
    tenant.SetUser(new UserIdentity("bench", "bench", 1, new HashSet<string> { Roles.ProjectManager }, null));
    var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
    await using (var db = new AppDbContext(options, null))
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(await db.Projects.FirstAsync(p => p.Id == 1));
    var owners = scope.ServiceProvider.GetRequiredService<OwnerService>();
    var export = scope.ServiceProvider.GetRequiredService<OwnerExportService>();
    await using (var db = new AppDbContext(options, tenant))
        Console.WriteLine($"project 1: {await db.Units.CountAsync()} units, {await db.Owners.CountAsync()} owners");

    // Each case returns what it found (the total of matching owners; a page: its rows; the export: its bytes), checked against what the
    // case's name claims, so a search that silently finds nothing cannot pass as fast.
    async Task<int> List(OwnerListQuery q, int page) => (await owners.ListAsync(q, page, 20)).Total;
    async Task<int> OnPage(OwnerListQuery q, int page) => (await owners.ListAsync(q, page, 20)).Items.Count;
    var all = await List(new OwnerListQuery(), 1);
    var cases = new (string Name, Func<Task<int>> Run, Func<int, bool> Expect, string Expectation)[]
    {
        ("first page, no filter", () => List(new OwnerListQuery(), 1), Timing.AtLeast(100), "every owner of the project (hundreds)"),
        ("room '1012' (8 units, hits)", () => List(new OwnerListQuery("1012"), 1), Timing.AtLeast(8), "the owners of the 8 units numbered 1012"),
        ("name miss '查无此人'", () => List(new OwnerListQuery("查无此人"), 1), Timing.Exactly(0), "nothing"),
        ("surname '王' (hits)", () => List(new OwnerListQuery("王"), 1), Timing.AtLeast(1), "some owners named 王"),
        ("phone part '138' (hits)", () => List(new OwnerListQuery("138"), 1), Timing.AtLeast(1), "some owners with 138 in a number"),
        ("phone miss '00000000'", () => List(new OwnerListQuery("00000000"), 1), Timing.Exactly(0), "nothing"),
        // Paging cases return the rows on the page: an empty page past the end would be cheap and meaningless.
        ("building 3 + state occupied, page 3", () => OnPage(new OwnerListQuery(null, 3, UnitState.Occupied), 3), Timing.Exactly(20), "a full page (20 rows)"),
        ("last page", () => OnPage(new OwnerListQuery(), (all + 19) / 20), Timing.AtLeast(1), "the last owners"),
        ("export whole project (xlsx)", async () => (await export.ExportAsync(new OwnerListQuery(), true)).Length, Timing.AtLeast(10_000), "a workbook of some size (bytes)"),
    };
    Console.WriteLine(Timing.Header);
    foreach (var (name, run, expect, expectation) in cases)
        await Timing.MeasureAsync(name, name.StartsWith("export") ? 10 : 100, run, expect, expectation);

    await PdfBenchmark.RunAsync();
}
finally
{
    await services.DisposeAsync();
    SqliteConnection.ClearAllPools();
    foreach (var f in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(f)) File.Delete(f);
}
