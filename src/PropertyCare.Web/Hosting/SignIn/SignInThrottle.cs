using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PropertyCare.Web.Hosting.SignIn;

/// <summary>What the door remembers between attempts, for this app instance only (see docs/security.md): a token
/// bucket per client address, failures per (name, address) and failures per name. Names are the normalised names
/// as typed, whether an account of that name exists or not, so the throttle answers alike for both.</summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly SignInDoorOptions _o;
    private readonly TimeProvider _clock;
    private readonly PartitionedRateLimiter<string> _perIp;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Name, string Ip), PairRecord> _pairs = [];
    private readonly Dictionary<string, AccountRecord> _accounts = [];

    public SignInThrottle(IOptions<SignInDoorOptions> options, SignInClock clock)
    {
        _o = options.Value;
        // Sign-in waits follow the real clock, like the sign-in cookie, not the registered business clock (which
        // the e2e tests move forward).
        _clock = clock.Time;
        _perIp = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetTokenBucketLimiter(ip, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _o.IpBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(_o.IpReplenishSeconds),
            QueueLimit = 0,
            // The partitioned limiter's one timer refills every bucket; a timer per address would not scale.
            AutoReplenishment = false,
        }));
    }

    /// <summary>A hash of a random password: unknown names are checked against it so that they cost the same
    /// time as real ones. Made once per instance, with the app's own hasher (same algorithm and iterations).</summary>
    public string? DummyHash { get; set; }

    /// <summary>Takes one attempt from the address's bucket; null if granted, else how long until the next one.</summary>
    public TimeSpan? TakeFromAddress(string ip)
    {
        using var lease = _perIp.AttemptAcquire(ip);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) && retry > TimeSpan.Zero ? retry : TimeSpan.FromSeconds(_o.IpReplenishSeconds);
    }

    /// <summary>How long this address must still wait before trying this name again (null: it may try now).
    /// <paramref name="stamp"/> is the account's security stamp (null for unknown names): a password reset changes
    /// it, which lifts every wait on the account, the real user's own included.</summary>
    public TimeSpan? WaitFor(string name, string ip, string? stamp)
    {
        lock (_gate)
        {
            if (!_pairs.TryGetValue((name, ip), out var pair)) return null;
            var now = _clock.GetUtcNow();
            if (pair.Stamp != stamp || now - pair.Last > TimeSpan.FromHours(_o.ForgetAfterHours))
            {
                _pairs.Remove((name, ip));
                return null;
            }
            var remaining = pair.Last + DelayAfter(pair.Failures) - now;
            return remaining > TimeSpan.Zero ? remaining : null;
        }
    }

    /// <summary>Counts a failed attempt (wrong password, unknown name, disabled or locked account alike).</summary>
    public (int PairFailures, int AccountFailures) Failed(string name, string ip, string? stamp)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_pairs.Count + _accounts.Count > _o.MaxTrackedRecords) Sweep(now);
            if (!_pairs.TryGetValue((name, ip), out var pair) || pair.Stamp != stamp)
            {
                pair = new PairRecord { Stamp = stamp };
                // When full even after sweeping, new pairs go untracked: the per-address bucket still holds them.
                if (_pairs.Count + _accounts.Count <= _o.MaxTrackedRecords) _pairs[(name, ip)] = pair;
            }
            pair.Failures++;
            pair.Last = now;

            if (!_accounts.TryGetValue(name, out var account) || now - account.WindowStart > TimeSpan.FromMinutes(_o.AccountWindowMinutes))
            {
                account = new AccountRecord { WindowStart = now };
                if (_pairs.Count + _accounts.Count <= _o.MaxTrackedRecords) _accounts[name] = account;
            }
            account.Failures++;
            return (pair.Failures, account.Failures);
        }
    }

    /// <summary>A right password from this address: its own failures on the name are forgiven.</summary>
    public void Succeeded(string name, string ip)
    {
        lock (_gate) _pairs.Remove((name, ip));
    }

    /// <summary>True while the name has had so many failures lately that every answer about it is slowed.</summary>
    public bool IsSlowed(string name)
    {
        lock (_gate)
            return _accounts.TryGetValue(name, out var a)
                && _clock.GetUtcNow() - a.WindowStart <= TimeSpan.FromMinutes(_o.AccountWindowMinutes)
                && a.Failures >= _o.AccountFailuresBeforeSlowing;
    }

    public TimeSpan SlowAnswer => TimeSpan.FromSeconds(_o.AccountSlowSeconds);

    /// <summary>0 for the first failures, then the first delay doubling per failure, capped.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < _o.PairFailuresBeforeDelay) return TimeSpan.Zero;
        var doublings = Math.Min(failures - _o.PairFailuresBeforeDelay, 20);
        return TimeSpan.FromSeconds(Math.Min((double)_o.PairFirstDelaySeconds * (1L << doublings), _o.PairMaxDelaySeconds));
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, pair) in _pairs.ToList())
            if (now - pair.Last > TimeSpan.FromHours(_o.ForgetAfterHours) || now - pair.Last > DelayAfter(pair.Failures) + TimeSpan.FromHours(1))
                _pairs.Remove(key);
        foreach (var (key, a) in _accounts.ToList())
            if (now - a.WindowStart > TimeSpan.FromMinutes(_o.AccountWindowMinutes)) _accounts.Remove(key);
    }

    public void Dispose() => _perIp.Dispose();

    private sealed class PairRecord
    {
        public int Failures;
        public DateTimeOffset Last;
        public string? Stamp;
    }

    private sealed class AccountRecord
    {
        public int Failures;
        public DateTimeOffset WindowStart;
    }
}
