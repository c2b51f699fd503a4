using System.Diagnostics;
using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Jobs;
using PropertyCare.Infrastructure;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Web.Tests.Instances;

/// <summary>Two processes of the built app on different loopback ports sharing one PostgreSQL database that does
/// not exist yet, as a company runs several instances behind a load balancer. Both are started at the same moment
/// (the start migrates, seeds and installs Hangfire's schema: the second must wait, not fail); then jobs run once
/// in total, a sign-in cookie from A opens pages on B, and a change saved through A is seen by B.</summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly string _database = PostgresCluster.NewDatabaseName("pctwo");
    private readonly List<Process> _apps = [];
    private readonly AppProcesses _processes = new();

    private Dictionary<string, string?> Settings => new()
    {
        ["PropertyCare:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Default"] = PostgresCluster.Instance.ConnectionString(_database),
    };

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_start_together_share_jobs_sign_ins_and_data()
    {
        // (a) Both at once on an empty (not even created) database.
        var urls = new[] { AppProcesses.FreeUrl(), AppProcesses.FreeUrl() };
        foreach (var (url, i) in urls.Select((u, i) => (u, i))) _apps.Add(Launch(url, i == 0 ? "A" : "B"));
        await Task.WhenAll(_apps.Zip(urls, WaitHealthyAsync));
        string a = urls[0], b = urls[1];

        // (c) A cookie issued by A is accepted by B: the Data Protection keys are shared through the database.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(b + "/p/1/owners")).StatusCode); // B wants a sign-in
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(browser, "staff", page: a + "/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(a + "/p/1/owners")).StatusCode);
        // Cookies are not scoped by port: the same browser now asks B, which has never seen this sign-in.
        var onB = await browser.GetAsync(b + "/p/1/owners");
        Assert.True(onB.StatusCode == HttpStatusCode.OK, $"B answered {(int)onB.StatusCode} {onB.Headers.Location} to A's cookie\n{Log}");

        // (d) A change saved through A (hq's language, stored on the account) is what B reads at hq's next sign-in.
        using (var hqOnA = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }))
        {
            var login = await WebAppFixture.SignInAsync(hqOnA, "hq", page: a + "/account/login");
            Assert.DoesNotContain("en-US", string.Join(";", login.Headers.GetValues("Set-Cookie")));
            Assert.Equal(HttpStatusCode.Redirect, (await hqOnA.GetAsync(a + "/culture/set?culture=en-US&returnUrl=/")).StatusCode);
        }
        using (var hqOnB = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }))
        {
            var login = await WebAppFixture.SignInAsync(hqOnB, "hq", page: b + "/account/login");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=") && c.Contains("en-US"));
        }

        // (b) 100 project jobs put into the shared job store (as the services do), both instances' servers polling it:
        // each runs exactly once in total.
        var config = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(config)
            .AddPropertyCareInfrastructure(config).BuildServiceProvider();
        services.GetRequiredService<IGlobalConfiguration>();
        var jobs = services.GetRequiredService<JobScheduler>();
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        var keys = Enumerable.Range(1, 100).Select(i => $"two-instances-{i}").ToList();
        var ids = keys.Select(key => jobs.ScheduleAt<RepairEscalation>(1, key, due, e => e.RunForProjectAsync(1, CancellationToken.None))).ToList();
        var storage = services.GetRequiredService<JobStorage>();
        bool AllDone() { using var c = storage.GetConnection(); return ids.All(id => c.GetStateData(id)?.Name == "Succeeded"); }
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (!AllDone() && DateTime.UtcNow < deadline) await Task.Delay(500);
        Assert.True(AllDone(), "not every job ran:\n" + Log);
        await Task.Delay(2000); // a second run, if any, would start now
        await using var db = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var runs = await db.JobRuns.IgnoreQueryFilters().Where(r => r.JobKey.StartsWith("two-instances-"))
            .GroupBy(r => r.JobKey).Select(g => new { g.Key, Count = g.Count(), Succeeded = g.Count(r => r.Status == JobRunStatus.Succeeded) }).ToListAsync();
        Assert.Equal(100, runs.Count);
        Assert.All(runs, r => Assert.True(r.Count == 1 && r.Succeeded == 1, $"{r.Key}: {r.Count} runs, {r.Succeeded} succeeded"));
        // Both instances' job servers were there, competing for the same queue.
        Assert.Equal(2, storage.GetMonitoringApi().Servers().Count);
    }

    /// <summary>The race above is lost only sometimes; this shows the wait itself: while another instance holds the
    /// start lock, a starting instance does not touch the database (it is not even created), and it starts once
    /// the lock is released.</summary>
    [Fact]
    public async Task An_instance_waits_for_the_start_lock_held_by_another()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var url = AppProcesses.FreeUrl();
        var held = await StartupLock.AcquireAsync(config);
        try
        {
            var app = Launch(url, "waiting");
            _apps.Add(app);
            using var http = new HttpClient();
            for (var until = DateTime.UtcNow.AddSeconds(8); DateTime.UtcNow < until; await Task.Delay(500))
            {
                Assert.False(app.HasExited, Log);
                await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(url + "/health"));
            }
            Assert.False(await DatabaseExistsAsync(), "the waiting instance created the database while the lock was held");
        }
        finally { await held.DisposeAsync(); }
        await WaitHealthyAsync(_apps[0], url);
        Assert.True(await DatabaseExistsAsync());
    }

    private async Task<bool> DatabaseExistsAsync()
    {
        await using var admin = new Npgsql.NpgsqlConnection(PostgresCluster.Instance.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @d", admin);
        cmd.Parameters.AddWithValue("d", _database);
        return (long)(await cmd.ExecuteScalarAsync())! == 1;
    }

    private Process Launch(string url, string name) => _processes.Launch(url, Settings, name);

    private Task WaitHealthyAsync(Process app, string url) => _processes.WaitHealthyAsync(app, url, TimeSpan.FromSeconds(180));

    private string Log => _processes.Log;

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            try { if (!app.HasExited) { app.Kill(); app.WaitForExit(10_000); } } catch (InvalidOperationException) { }
            app.Dispose();
        }
        PostgresCluster.Instance.Drop(_database);
    }
}
