using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using PropertyCare.Web.Hosting;

namespace PropertyCare.Web.Tests;

/// <summary>Production does not quietly store sign-in keys in plain text: without a key-encryption certificate it
/// refuses to start and says what to set, unless the operator explicitly allows it (throw-away installations).</summary>
[Collection("web")] // one host start at a time
public sealed class KeyEncryptionStartTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"pc-start-{Guid.NewGuid():N}.db");

    private sealed class ProductionApp(string db, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={db}");
            foreach (var (k, v) in settings) builder.UseSetting(k, v);
        }
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PropertyCare.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Production_without_a_certificate_refuses_to_start_and_says_what_to_set()
    {
        // Checked on the start-up rule itself: a host that throws inside Program hangs WebApplicationFactory at times.
        var e = Assert.Throws<InvalidOperationException>(() => WebServices.RequireKeyEncryption(Config(), new Env("Production")));
        Assert.Contains("PropertyCare:KeyEncryption:Certificate", e.Message);
        Assert.Contains("docs/operations.md", e.Message);
        WebServices.RequireKeyEncryption(Config(), new Env("Development"));
        WebServices.RequireKeyEncryption(Config(("PropertyCare:KeyEncryption:AllowUnencrypted", "true")), new Env("Production"));
        WebServices.RequireKeyEncryption(Config(("PropertyCare:KeyEncryption:Certificate", TestCertificate.Pfx)), new Env("Production"));
    }

    [Theory]
    [InlineData("PropertyCare:KeyEncryption:AllowUnencrypted", "true")]
    [InlineData("PropertyCare:KeyEncryption:Certificate", null)]
    public async Task Production_starts_with_a_certificate_or_when_explicitly_allowed(string key, string? value)
    {
        await using var app = new ProductionApp(_db, (key, value ?? TestCertificate.Pfx));
        Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/health"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
