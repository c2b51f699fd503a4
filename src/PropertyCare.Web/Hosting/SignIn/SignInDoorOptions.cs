namespace PropertyCare.Web.Hosting.SignIn;

/// <summary>How hard the sign-in door pushes back (configuration section PropertyCare:SignIn). The defaults are
/// the production values; see docs/security.md "The sign-in door" for why these and not others.</summary>
public sealed class SignInDoorOptions
{
    public const string Section = "PropertyCare:SignIn";

    /// <summary>Attempts one client address may make at once (whatever the names typed)...</summary>
    public int IpBurst { get; set; } = 10;
    /// <summary>...after which it gets one more attempt per this many seconds.</summary>
    public int IpReplenishSeconds { get; set; } = 6;

    /// <summary>Failures one address may make on one name before it has to wait between attempts.</summary>
    public int PairFailuresBeforeDelay { get; set; } = 3;
    /// <summary>The first wait; it doubles with every further failure of that address on that name...</summary>
    public int PairFirstDelaySeconds { get; set; } = 5;
    /// <summary>...up to this. It never becomes a lock: the address may try again once the wait is over.</summary>
    public int PairMaxDelaySeconds { get; set; } = 15 * 60;
    /// <summary>Failure records of an address on a name are forgotten after this long without a new failure.</summary>
    public int ForgetAfterHours { get; set; } = 24;

    /// <summary>Failures on one name (from all addresses together) within the window after which every answer
    /// about that name is slowed down: a ceiling for attacks from many addresses that never refuses anybody.</summary>
    public int AccountFailuresBeforeSlowing { get; set; } = 20;
    public int AccountWindowMinutes { get; set; } = 60;
    /// <summary>While slowed, every answer about the name (right password included) takes at least this long.</summary>
    public int AccountSlowSeconds { get; set; } = 3;

    /// <summary>Bounds the memory an attacker with many addresses and names can make us spend on failure records.</summary>
    public int MaxTrackedRecords { get; set; } = 100_000;
}
