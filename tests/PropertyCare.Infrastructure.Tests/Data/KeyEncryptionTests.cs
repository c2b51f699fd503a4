using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Data;

/// <summary>The attack: copy the database (a backup), take the Data Protection key out of it, forge a sign-in cookie.
/// With the keys encrypted to a certificate from the configuration, the copy holds no usable key; the app itself,
/// restarted with its certificate, still reads what it protected before.</summary>
public class KeyEncryptionTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // SQLite: the file; PostgreSQL: the database name on the run's cluster. Either is kept across the "restarts".
    private string? _name;
    private string _db => _name ??= Provider == DatabaseProvider.PostgreSql
        ? PostgresCluster.NewDatabaseName("pckeys") : Path.Combine(Path.GetTempPath(), $"pc-keys-{Guid.NewGuid():N}.db");

    private static string NewPfx(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(cert.Export(X509ContentType.Pkcs12));
    }

    private static readonly string CertA = NewPfx("A"), CertB = NewPfx("B");

    private AppServices App(string? certificate) => new(databaseFile: _db,
        settings: certificate == null ? null : new Dictionary<string, string?> { ["PropertyCare:KeyEncryption:Certificate"] = certificate },
        provider: Provider);

    private static IDataProtector Protector(AppServices app) =>
        app.Provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2");

    /// <summary>The key rows as a copy of the database holds them (read by a fresh app over the same database).</summary>
    private async Task<List<string>> StoredKeys()
    {
        await using var app = App(null);
        using var db = new AppDbContext(app.Provider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AppDbContext>>(), null);
        return db.DataProtectionKeys.Select(k => k.Xml).ToList();
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_and_still_read_after_a_restart()
    {
        string ticket;
        await using (var app = App(CertA)) ticket = Protector(app).Protect("staff signed in");

        var stored = Assert.Single(await StoredKeys());
        Assert.Contains("encryptedSecret", stored);
        // The plaintext form is <masterKey ...><value>base64 key</value></masterKey>: no such element may remain.
        Assert.DoesNotContain("<masterKey", stored);
        Assert.DoesNotContain("<value>", stored);

        await using (var restarted = App(CertA)) Assert.Equal("staff signed in", Protector(restarted).Unprotect(ticket));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_copy_of_the_database_without_the_certificate_cannot_unprotect(bool otherCertificate)
    {
        string ticket;
        await using (var app = App(CertA)) ticket = Protector(app).Protect("staff signed in");

        await using var thief = App(otherCertificate ? CertB : null);
        Assert.ThrowsAny<CryptographicException>(() => Protector(thief).Unprotect(ticket));
    }

    [Fact]
    public async Task Keys_stored_before_encryption_was_configured_stay_readable()
    {
        string ticket;
        await using (var old = App(null)) ticket = Protector(old).Protect("issued before the upgrade");
        Assert.Contains("<masterKey", Assert.Single(await StoredKeys()));

        await using var upgraded = App(CertA);
        Assert.Equal("issued before the upgrade", Protector(upgraded).Unprotect(ticket));
    }

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("AAAA", "could not be opened")]
    public void A_broken_certificate_setting_stops_the_start_with_a_clear_message(string value, string expected)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PropertyCare:KeyEncryption:Certificate"] = value }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => KeyEncryption.Certificate(config));
        Assert.Contains(expected, e.Message);
        Assert.Contains("docs/operations.md", e.Message);
    }

    public void Dispose()
    {
        if (_name == null) return;
        if (Provider == DatabaseProvider.PostgreSql) { PostgresCluster.Instance.Drop(_name); return; }
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
