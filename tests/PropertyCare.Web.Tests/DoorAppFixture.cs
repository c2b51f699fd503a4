using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Web.Tests;

/// <summary>An app of its own for the sign-in door tests: they hammer accounts, and here the address bucket does not
/// refill during a test (so "the 11th attempt" is exact) and the account-wide slowing starts early. It also counts
/// password-hash checks and keeps the log, which the tests read.</summary>
public sealed class DoorAppFixture : WebAppFixture
{
    // Real Kestrel on a loopback port, not TestServer: Kestrel is what refuses a non-ASCII Location header (the
    // HTTP 500 of a Chinese return link), and TestServer lets it pass.
    public DoorAppFixture() => UseKestrel(0);

    /// <summary>The door's clock: tests move it past a wait instead of sleeping through it.</summary>
    public PropertyCare.Infrastructure.OffsetClock DoorClock { get; } = new();

    private int _hashChecks;
    public int HashChecks => Volatile.Read(ref _hashChecks);
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>A client of the real server: no redirects followed, cookies kept, the given client address.</summary>
    public override HttpClient Client(string? address = null)
    {
        StartServer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = ClientOptions.BaseAddress };
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address ?? TestClientAddress.Next());
        return client;
    }

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("PropertyCare:SignIn:IpReplenishSeconds", "3600");
        builder.UseSetting("PropertyCare:SignIn:AccountFailuresBeforeSlowing", "6");
        builder.UseSetting("PropertyCare:SignIn:AccountSlowSeconds", "2");
        builder.ConfigureLogging(l => l.AddProvider(new RecordingLogger(Log)));
        builder.ConfigureServices(s => s.AddSingleton(new PropertyCare.Web.Hosting.SignIn.SignInClock(DoorClock)));
        builder.ConfigureServices(s => s.AddScoped<IPasswordHasher<AppUser>>(sp =>
            new CountingHasher(new PasswordHasher<AppUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), () => Interlocked.Increment(ref _hashChecks))));
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner, Action counted) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            counted();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class RecordingLogger(ConcurrentQueue<string> log) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue($"{logLevel}: {formatter(state, exception)}");
        public void Dispose() { }
    }
}

[CollectionDefinition("door")]
public sealed class DoorCollection : ICollectionFixture<DoorAppFixture>;
