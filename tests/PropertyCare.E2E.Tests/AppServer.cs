using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Npgsql;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.E2E.Tests;

/// <summary>Starts the real app (its built executable) on a free loopback port with a fresh SQLite file and
/// demo data, and one headless Debian Chromium for all tests of the collection. <see cref="PostgreSqlAppServer"/>
/// starts it on a fresh PostgreSQL database instead.</summary>
public class AppServer : IAsyncLifetime
{
    /// <summary>Whether the app runs on PostgreSQL (a database of the run's throwaway cluster) instead of SQLite.</summary>
    protected virtual bool OnPostgreSql => false;
    private readonly string _pgDatabase = PostgresCluster.NewDatabaseName("pce2e");
    private Process? _app;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pc-e2e-{Guid.NewGuid():N}");
    public string BaseUrl { get; private set; } = "";
    public string DbPath => Path.Combine(_dir, "e2e.db");
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private readonly System.Text.StringBuilder _log = new();
    /// <summary>The app's resident memory now, for journeys that check an attack costs the server little.</summary>
    public long AppWorkingSet { get { _app!.Refresh(); return _app.WorkingSet64; } }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var port = PostgresCluster.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var web = WebProjectOutput();
        var psi = new ProcessStartInfo(Path.Combine(web, "PropertyCare.Web"))
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_URLS"] = BaseUrl;
        foreach (var (key, value) in DatabaseSettings()) psi.Environment[key.Replace(":", "__")] = value;
        psi.Environment["PropertyCare__DemoData"] = "true";
        // Lets the journeys move the app's clock ("two days later") instead of waiting; see TestClockEndpoints.
        psi.Environment["PropertyCare__TestClock"] = "true";
        // Every browser of the journeys signs in from 127.0.0.1: the sign-in door's per-address limit (10, then one
        // per 6 s) is for the wide world, not for one machine running all journeys.
        psi.Environment["PropertyCare__SignIn__IpBurst"] = "1000";
        _app = Process.Start(psi)!;
        _app.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitHealthyAsync();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The app's database settings; the PostgreSQL database does not exist yet (the app's start creates and
    /// migrates it, as on a first deployment).</summary>
    private Dictionary<string, string> DatabaseSettings() => OnPostgreSql
        ? new()
        {
            ["PropertyCare:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = PostgresCluster.Instance.ConnectionString(_pgDatabase),
        }
        : new() { ["ConnectionStrings:Default"] = $"Data Source={DbPath}" };

    public static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("PROPERTYCARE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var p in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
            if (File.Exists(p)) return p;
        throw new InvalidOperationException("Chromium not found: install Debian's chromium package or set PROPERTYCARE_CHROMIUM.");
    }

    public async Task<IPage> SignInAsync(string user, string password = "Demo@2026", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = viewport ?? new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // One retry: on a loaded CI machine a form post has once been lost (the page stayed on the sign-in form with
        // no error for 30 s). A real refusal shows [data-test=login-error] and fails at once with the page's message.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", password);
            await page.ClickAsync("button[type=submit]");
            try
            {
                await page.WaitForURLAsync(u => !u.Contains("/account/login"), new() { Timeout = 30_000 });
                return page;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                if (await page.Locator("[data-test=login-error]").CountAsync() > 0)
                    throw new InvalidOperationException($"Sign-in of {user} refused: {await page.Locator("[data-test=login-error]").InnerTextAsync()}");
                Console.Error.WriteLine($"Sign-in of {user} still on {page.Url} after 30 s; trying once more.");
            }
        }
    }

    /// <summary>Moves the app's clock forward (its TimeProvider; real time keeps running under it).</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var r = await http.PostAsync($"/test/clock/advance?hours={by.TotalHours.ToString(System.Globalization.CultureInfo.InvariantCulture)}", null);
        r.EnsureSuccessStatusCode();
    }

    /// <summary>Puts the app's clock back to real time; a test that moved it calls this when it ends, pass or fail.</summary>
    public async Task ResetClockAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        (await http.PostAsync("/test/clock/reset", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Reads the app's database directly, to find ids and check what a journey changed. The SQL is
    /// written once, as for SQLite; on PostgreSQL the (PascalCase) table and column names are quoted, as EF created them.</summary>
    public T Query<T>(string sql, Func<DbDataReader, T> read)
    {
        using var c = OpenDatabase(readOnly: true);
        using var cmd = c.CreateCommand();
        cmd.CommandText = Dialect(sql);
        using var r = cmd.ExecuteReader();
        r.Read();
        return read(r);
    }

    /// <summary>Changes the app's database directly (a journey's setup outside the UI); returns the rows changed.</summary>
    public int Execute(string sql)
    {
        int changed;
        using (var c = OpenDatabase(readOnly: false))
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = Dialect(sql);
            changed = cmd.ExecuteNonQuery();
        }
        if (!OnPostgreSql) SqliteConnection.ClearAllPools();
        return changed;
    }

    private DbConnection OpenDatabase(bool readOnly)
    {
        DbConnection c = OnPostgreSql
            ? new NpgsqlConnection(PostgresCluster.Instance.ConnectionString(_pgDatabase))
            : new SqliteConnection($"Data Source={DbPath}" + (readOnly ? ";Mode=ReadOnly" : ""));
        c.Open();
        return c;
    }

    /// <summary>Quotes PascalCase names outside string literals for PostgreSQL (SQL keywords are written in capitals,
    /// functions in lower case, so neither is touched).</summary>
    private string Dialect(string sql) => OnPostgreSql
        ? Regex.Replace(sql, @"'(?:[^']|'')*'|\b[A-Z][a-z]\w*\b", m => m.Value[0] == '\'' ? m.Value : $"\"{m.Value}\"")
        : sql;

    public string Log { get { lock (_log) return _log.ToString(); } }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited) throw new InvalidOperationException("The app exited:\n" + Log);
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not become healthy:\n" + Log);
    }

    private static string WebProjectOutput()
    {
        // tests/PropertyCare.E2E.Tests/bin/<cfg>/<tfm>/ → src/PropertyCare.Web/bin/<cfg>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = here.Name; var cfg = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "src", "PropertyCare.Web", "bin", cfg, tfm);
    }

    public async Task DisposeAsync()
    {
        if (Browser != null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (_app is { HasExited: false }) { _app.Kill(entireProcessTree: true); await _app.WaitForExitAsync(); }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        if (OnPostgreSql) PostgresCluster.Instance.Drop(_pgDatabase);
    }
}

/// <summary>The same app on PostgreSQL: its own process and database (the journeys move the clock and change
/// languages, so the two runs must not share an app).</summary>
public sealed class PostgreSqlAppServer : AppServer
{
    protected override bool OnPostgreSql => true;
}

[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<AppServer>;

/// <summary>Journeys re-run on PostgreSQL: subclasses of the SQLite journeys in this collection (OnPostgreSql.cs).</summary>
[CollectionDefinition("app-postgresql")]
public sealed class PostgreSqlAppCollection : ICollectionFixture<PostgreSqlAppServer>;
