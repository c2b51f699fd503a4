using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Web.Tests;

/// <summary>A database made by an earlier build keeps working: Fixtures/net9-demo.db.gz was written by the .NET 9 /
/// EF Core 9 build (commit 922450c, demo data, every migration up to Repairs). The current build starts on a copy,
/// migrates it if it is behind, signs a user in with the stored password hash and Data Protection keys, and every
/// row that was there is still there, unchanged.</summary>
public sealed class LegacyDatabaseTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"pc-legacy-{Guid.NewGuid():N}.db");

    public LegacyDatabaseTests()
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "net9-demo.db.gz")), CompressionMode.Decompress);
        using var file = File.Create(_db);
        gz.CopyTo(file);
    }

    [Fact]
    public async Task The_new_build_opens_a_database_of_the_previous_build_and_keeps_every_row()
    {
        var before = Snapshot();
        Assert.True(before["Owners"].Count > 1000, "the fixture holds the demo owners");

        await using (var app = new LegacyApp(_db))
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            Assert.Equal("Healthy", await client.GetStringAsync("/health"));
            var login = await WebAppFixture.SignInAsync(client, "staff");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.DoesNotContain("/account/login", login.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/p/1/owners")).StatusCode);

            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        SqliteConnection.ClearAllPools();

        // Columns added since (e.g. AspNetUsers.MustChangePassword) are left out: the rows that were there must be unchanged.
        var after = Snapshot(before.Keys.ToDictionary(t => t, t => _columns[t]));
        foreach (var (table, rows) in before)
        {
            // The scheduler rewrites its own trigger state at start; its rows are checked by count only.
            if (table.StartsWith("QRTZ_", StringComparison.Ordinal)) { Assert.True(after[table].Count >= rows.Count, table); continue; }
            var missing = rows.Except(after[table]).ToList();
            Assert.True(missing.Count == 0, $"{table}: {missing.Count} of {rows.Count} rows changed or gone, e.g. {missing.FirstOrDefault()}");
        }
    }

    private readonly Dictionary<string, List<string>> _columns = [];

    /// <summary>Every row of every table, as text, keyed by table; only the given columns where given.</summary>
    private Dictionary<string, HashSet<string>> Snapshot(Dictionary<string, List<string>>? columns = null)
    {
        using var c = new SqliteConnection($"Data Source={_db};Pooling=False");
        c.Open();
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var t in tables)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = columns?.GetValueOrDefault(t) is { } only
                ? $"SELECT {string.Join(", ", only.Select(n => $"\"{n}\""))} FROM \"{t}\""
                : $"SELECT * FROM \"{t}\"";
            using var r = cmd.ExecuteReader();
            if (columns == null) _columns[t] = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToList();
            var rows = new HashSet<string>();
            while (r.Read())
                rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : r.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : r.GetValue(i).ToString())));
            result[t] = rows;
        }
        return result;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }

    private sealed class LegacyApp(string db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={db}");
            builder.UseSetting("PropertyCare:DemoData", "false");
        }
    }
}
