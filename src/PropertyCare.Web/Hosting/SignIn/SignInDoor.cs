using Microsoft.AspNetCore.Identity;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Web.Hosting.SignIn;

public enum DoorOutcome { SignedIn, Refused, Throttled }

/// <summary>The answer the sign-in page shows. Refused is one answer for every reason, on purpose.</summary>
public sealed record DoorAnswer(DoorOutcome Outcome, AppUser? User = null, TimeSpan RetryAfter = default);

/// <summary>Checks a sign-in so that the answer tells an attacker nothing: unknown name, wrong password, disabled
/// and locked account all get the same refusal after the same work (a password hash is verified in every case,
/// the account's state is looked at only after the password), and guessing is throttled per client address and
/// per (name, address) with a wait that grows — never an account-wide lock somebody else could keep closed.</summary>
public sealed class SignInDoor(
    SignInThrottle throttle,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    ILookupNormalizer normalizer,
    ILogger<SignInDoor> log)
{
    public async Task<DoorAnswer> TryAsync(HttpContext http, string userName, string password)
    {
        userName = userName.Trim();
        var name = normalizer.NormalizeName(userName);
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // The address's bucket first: a throttled attempt costs no database lookup and no hash.
        if (throttle.TakeFromAddress(ip) is { } addressWait)
        {
            log.LogWarning("Sign-in throttled for client {ClientIp}: too many attempts from the address (retry in {RetrySeconds} s)", ip, Seconds(addressWait));
            return new DoorAnswer(DoorOutcome.Throttled, RetryAfter: addressWait);
        }

        var started = TimeProvider.System.GetTimestamp();
        var user = await users.FindByNameAsync(userName);
        if (throttle.WaitFor(name, ip, user?.SecurityStamp) is { } pairWait)
        {
            log.LogWarning("Sign-in throttled for {Account} from client {ClientIp}: repeated failures from the address on this name (retry in {RetrySeconds} s)",
                Account(user, userName), ip, Seconds(pairWait));
            return new DoorAnswer(DoorOutcome.Throttled, RetryAfter: pairWait);
        }

        var reason = await RefusalAsync(user, password);
        if (reason != null)
        {
            var (pairFailures, accountFailures) = throttle.Failed(name, ip, user?.SecurityStamp);
            // Never the typed password; the name only masked when no account has it (it may be a mistyped password
            // or somebody's phone number), the account by id when there is one.
            log.LogWarning("Sign-in failed for {Account} from client {ClientIp}: {Reason}; {PairFailures} failures from this address, {AccountFailures} on the name in the window",
                Account(user, userName), ip, reason, pairFailures, accountFailures);
            await SlowIfAttackedAsync(name, started);
            return new DoorAnswer(DoorOutcome.Refused);
        }

        throttle.Succeeded(name, ip);
        await signIn.SignInAsync(user!, isPersistent: false);
        log.LogInformation("Signed in {Account} from client {ClientIp}", Account(user, userName), ip);
        await SlowIfAttackedAsync(name, started);
        return new DoorAnswer(DoorOutcome.SignedIn, user);
    }

    /// <summary>Null when the user may sign in, else why not (for the log only; the page shows one answer).</summary>
    private async Task<string?> RefusalAsync(AppUser? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            // Same cost as a real check, so the response time does not tell that the name is unknown.
            throttle.DummyHash ??= hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)));
            hasher.VerifyHashedPassword(new AppUser(), throttle.DummyHash, password);
            return user is null ? "unknown name" : "account without password";
        }
        // The password before the account's state, so disabled and locked accounts answer like a wrong password.
        if (!await users.CheckPasswordAsync(user, password)) return "wrong password";
        if (!user.IsActive) return "account disabled";
        if (await users.IsLockedOutAsync(user)) return "account locked by an administrator";
        if (!await signIn.CanSignInAsync(user)) return "sign-in not allowed";
        return null;
    }

    /// <summary>Under attack from many addresses every answer about the name takes a while, the right one too:
    /// slower guessing, and the real user still gets in.</summary>
    private async Task SlowIfAttackedAsync(string name, long started)
    {
        if (!throttle.IsSlowed(name)) return;
        var left = throttle.SlowAnswer - TimeProvider.System.GetElapsedTime(started);
        if (left > TimeSpan.Zero) await Task.Delay(left);
    }

    private static string Account(AppUser? user, string typed) => user != null ? $"user {user.Id}" : $"unknown name {ContactRules.MaskPhone(typed)}";

    public static int Seconds(TimeSpan wait) => (int)Math.Ceiling(Math.Max(wait.TotalSeconds, 1));
}
