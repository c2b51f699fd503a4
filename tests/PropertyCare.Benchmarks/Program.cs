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

    var cases = new (string Name, Func<Task> Run)[]
    {
        ("first page, no filter", () => owners.ListAsync(new OwnerListQuery(), 1, 20)),
        ("room '1012' (8 units)", () => owners.ListAsync(new OwnerListQuery("1012"), 1, 20)),
        ("surname '王'", () => owners.ListAsync(new OwnerListQuery("王"), 1, 20)),
        ("phone part '138'", () => owners.ListAsync(new OwnerListQuery("138"), 1, 20)),
        ("phone miss '00000000'", () => owners.ListAsync(new OwnerListQuery("00000000"), 1, 20)),
        ("building 3 + state occupied, page 5", () => owners.ListAsync(new OwnerListQuery(null, 3, UnitState.Occupied), 5, 20)),
        ("last page", () => owners.ListAsync(new OwnerListQuery(), 40, 20)),
        ("export whole project (xlsx)", () => export.ExportAsync(new OwnerListQuery(), true)),
    };
    Console.WriteLine($"{"case",-38} {"runs",5} {"median ms",10} {"p95 ms",8}");
    foreach (var (name, run) in cases)
    {
        await run(); // warm-up
        await Timing.MeasureAsync(name, name.StartsWith("export") ? 10 : 100, run);
    }

    await PdfBenchmark.RunAsync();
}
finally
{
    await services.DisposeAsync();
    SqliteConnection.ClearAllPools();
    foreach (var f in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(f)) File.Delete(f);
}
