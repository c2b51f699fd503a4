using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using PropertyCare.Domain.Auditing;
using PropertyCare.Infrastructure.Auditing;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Web.Tests;

/// <summary>A database made by an earlier build keeps working: Fixtures/net9-demo.db.gz was written by the .NET 9 /
/// EF Core 9 build (commit 922450c, demo data, every migration up to Repairs). The current build starts on a copy,
/// migrates it if it is behind, signs a user in with the stored password hash and Data Protection keys, and every
/// row that was there is still there, unchanged — with one deliberate exception: 个人信息保护 masks the full phone and
/// ID numbers the old build kept in change history (StoredHistoryMasking), so those rows are compared as masked.
/// Columns added by later migrations are not part of the comparison (old rows get their default there).</summary>
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
        var columns = Columns();
        var before = Snapshot(columns, MaskHistory);
        Assert.True(before["Owners"].Count > 1000, "the fixture holds the demo owners");
        Assert.True(before["ChangeRecords"].Except(Snapshot(columns)["ChangeRecords"]).Any(), "the fixture's history holds full numbers to mask");

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

        // Quartz's tables go with Quartz (migration Hangfire_DropQuartz); every other row stays.
        Assert.DoesNotContain(Columns().Keys, t => t.StartsWith("QRTZ_", StringComparison.Ordinal));
        var after = Snapshot(columns.Where(kv => !kv.Key.StartsWith("QRTZ_", StringComparison.Ordinal)).ToDictionary());
        foreach (var (table, rows) in before)
        {
            if (table.StartsWith("QRTZ_", StringComparison.Ordinal)) continue;
            var missing = rows.Except(after[table]).ToList();
            Assert.True(missing.Count == 0, $"{table}: {missing.Count} of {rows.Count} rows changed or gone, e.g. {missing.FirstOrDefault()}");
        }
    }

    /// <summary>The tables of the old database and their columns.</summary>
    private Dictionary<string, List<string>> Columns()
    {
        using var c = new SqliteConnection($"Data Source={_db};Pooling=False");
        c.Open();
        var result = new Dictionary<string, List<string>>();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid";
        using var r = cmd.ExecuteReader();
        while (r.Read()) (result.TryGetValue(r.GetString(0), out var list) ? list : result[r.GetString(0)] = []).Add(r.GetString(1));
        return result;
    }

    /// <summary>Every row of the given tables and columns, as text, keyed by table; <paramref name="expect"/> turns a
    /// stored value into the one the new build is meant to leave there.</summary>
    private Dictionary<string, HashSet<string>> Snapshot(Dictionary<string, List<string>> columns, Func<string, string, string, string>? expect = null)
    {
        using var c = new SqliteConnection($"Data Source={_db};Pooling=False");
        c.Open();
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var (t, cols) in columns)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", cols.Select(x => $"\"{x}\""))} FROM \"{t}\"";
            using var r = cmd.ExecuteReader();
            var rows = new HashSet<string>();
            while (r.Read())
                rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i =>
                {
                    var v = r.IsDBNull(i) ? "∅" : r.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : r.GetValue(i).ToString()!;
                    return expect == null || r.IsDBNull(i) ? v : expect(t, cols[i], v);
                })));
            result[t] = rows;
        }
        return result;
    }

    /// <summary>The one change the new build makes to old rows: history's phone and ID numbers become their masks.</summary>
    private static string MaskHistory(string table, string column, string value)
    {
        if (table != "ChangeRecords" || column != "Changes") return value;
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(value, JsonSerializerOptions.Default)!;
        if (!changes.Any(x => x.Sensitive != null)) return value;
        return JsonSerializer.Serialize(changes.Select(StoredHistoryMasking.Mask).ToList(), JsonSerializerOptions.Default);
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
            // Production needs a key-encryption certificate; the fixture's keys were stored before there was one.
            builder.UseSetting("PropertyCare:KeyEncryption:Certificate", TestCertificate.Pfx);
        }
    }
}
