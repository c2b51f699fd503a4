using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

/// <summary>
/// What a user of the running app feels and what the server pays for it:
/// - server memory per open staff circuit: the live managed heap (dotnet-gcdump forces a full GC and reports it)
///   before and after opening N tabs on a list page, divided by N;
/// - opening a list page until its first row shows, and an owner search round trip (type, Enter, rows change).
/// Starts the app it is given (Release build of src/PropertyCare.Web by default) on a fresh SQLite file with the
/// demo data, drives Debian's Chromium with Playwright. Usage: see docs/operations.md (Benchmarks).
/// </summary>
internal static class UiBenchmark
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>The list pages the desk keeps open all day, and the element that shows their first row.</summary>
    private static readonly (string Name, string Path, string FirstRow)[] Lists =
    [
        ("owner list", "/p/1/owners", "[data-test=owner-link]"),
        ("repair list", "/p/1/repairs", "[data-test=repair-row], [data-test=empty]"),
        ("callback worklist", "/p/1/callbacks", "[data-test=callback-item], [data-test=empty]"),
    ];

    public static async Task RunAsync(string[] args)
    {
        var circuits = int.Parse(Arg(args, "--circuits") ?? "50");
        var dir = Directory.CreateTempSubdirectory("pc-ui-bench-").FullName;
        var app = Arg(args, "--app") ?? await PublishAsync(Path.Combine(dir, "app"));
        var port = PropertyCare.Infrastructure.Tests.Support.PostgresCluster.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var process = StartApp(app, baseUrl, Path.Combine(dir, "bench.db"));
        try
        {
            await WaitHealthyAsync(baseUrl, process);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
            var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
            await SignInAsync(context, "staff");

            Console.WriteLine($"app: {app}");
            Console.WriteLine($"{"page",-20} {"open ms (median)",17} {"p95",7} {"KB per circuit",15}");
            foreach (var (name, path, firstRow) in Lists)
            {
                var open = await TimeOpenAsync(context, path, firstRow, 15);
                var perCircuit = await HeapPerCircuitAsync(context, process.Id, path, firstRow, circuits);
                Console.WriteLine($"{name,-20} {open.Median,17:F0} {open.P95,7:F0} {perCircuit,15:F0}");
            }
            var search = await TimeOwnerSearchAsync(context, 20);
            Console.WriteLine($"owner search round trip (type a room, Enter, rows change): median {search.Median:F0} ms, p95 {search.P95:F0} ms");
        }
        finally
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static async Task<(double Median, double P95)> TimeOpenAsync(IBrowserContext context, string path, string firstRow, int runs)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync(firstRow, new() { Timeout = 60_000 }); // warm-up
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync(firstRow, new() { Timeout = 60_000 });
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        await page.CloseAsync();
        return Stats(times);
    }

    /// <summary>Rooms that exist in 翠湖花园's demo data (8 units each, one per building), so every search returns rows.</summary>
    private static async Task<(double Median, double P95)> TimeOwnerSearchAsync(IBrowserContext context, int runs)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/p/1/owners");
        await page.WaitForSelectorAsync("[data-test=owner-link]", new() { Timeout = 60_000 });
        var rooms = new[] { "1012", "512", "813", "1511", "322", "721" };
        var box = page.Locator("[data-test=owner-search] input, input[data-test=owner-search]").First;
        var times = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var before = await page.Locator("[data-test=owner-table]").InnerTextAsync();
            var sw = Stopwatch.StartNew();
            await box.FillAsync(rooms[i % rooms.Length]);
            await box.PressAsync("Enter");
            await page.WaitForFunctionAsync(
                "b => { const t = document.querySelector('[data-test=owner-table]'); return (t ? t.innerText : '') !== b; }", before,
                new() { Timeout = 30_000, PollingInterval = 5 });
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds); // the first is a warm-up
        }
        await page.CloseAsync();
        return Stats(times);
    }

    private static async Task<double> HeapPerCircuitAsync(IBrowserContext context, int pid, string path, string firstRow, int circuits)
    {
        var before = await LiveHeapBytesAsync(pid);
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync(firstRow, new() { Timeout = 60_000 });
            pages.Add(page);
        }
        var after = await LiveHeapBytesAsync(pid);
        // Closed like a user closes a tab (unload → Blazor's disconnect beacon), so the circuits end now instead of
        // waiting out the disconnected-circuit retention, and the next page starts from the same heap.
        foreach (var p in pages) await p.CloseAsync(new() { RunBeforeUnload = true });
        await Task.Delay(3000);
        var left = await LiveHeapBytesAsync(pid);
        Console.WriteLine($"  ({path}: heap {before / 1024 / 1024} MB → {after / 1024 / 1024} MB with {circuits} tabs → {left / 1024 / 1024} MB after closing them)");
        return (after - before) / 1024.0 / circuits;
    }

    /// <summary>dotnet-gcdump (local tool) forces a full GC in the app and reports the live heap.</summary>
    private static async Task<long> LiveHeapBytesAsync(int pid)
    {
        var psi = new ProcessStartInfo("dotnet", $"dotnet-gcdump report -p {pid}") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot() };
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        // heapstat starts with "<bytes>  GC Heap bytes": the live heap after the full GC the dump forces.
        long total = 0;
        foreach (var line in output.Split('\n'))
            if (line.Contains("GC Heap bytes", StringComparison.Ordinal)) total = long.Parse(line.Trim().Split(' ', 2)[0].Replace(",", ""));
        if (total == 0) throw new InvalidOperationException("dotnet-gcdump gave no heap figures:\n" + output);
        return total;
    }

    private static async Task SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        await page.CloseAsync();
    }

    private static (double Median, double P95) Stats(List<double> times)
    {
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
    }

    private static Process StartApp(string app, string baseUrl, string db)
    {
        var psi = app.EndsWith(".dll") ? new ProcessStartInfo("dotnet", $"\"{app}\"") : new ProcessStartInfo(app);
        psi.WorkingDirectory = Path.GetDirectoryName(app)!;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = baseUrl;
        psi.Environment["ConnectionStrings__Default"] = $"Data Source={db}";
        psi.Environment["PropertyCare__DemoData"] = "true";
        // A throw-away database: its Data Protection keys need no encryption (Production refuses that unless told).
        psi.Environment["PropertyCare__KeyEncryption__AllowUnencrypted"] = "true";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitHealthyAsync(string baseUrl, Process app)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            if (app.HasExited) throw new InvalidOperationException("the app exited");
            try { if ((await http.GetAsync(baseUrl + "/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("the app did not become healthy");
    }

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "PropertyCare.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>Production serves static files (MudBlazor's, blazor.web.js) from the published output only,
    /// so the harness measures what is deployed: a Release publish of src/PropertyCare.Web.</summary>
    private static async Task<string> PublishAsync(string output)
    {
        Console.WriteLine("publishing src/PropertyCare.Web (Release) …");
        var psi = new ProcessStartInfo("dotnet", $"publish src/PropertyCare.Web -c Release -nologo -o \"{output}\"") { WorkingDirectory = RepoRoot(), RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var log = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException("publish failed:\n" + log);
        return Path.Combine(output, "PropertyCare.Web.dll");
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
