namespace PropertyCare.Domain.Auditing;

/// <summary>One thing done to (or by) a user account: who did it, to whom, what, when and from where.
/// Account events are not tenant-owned — an account may span projects — so they are scoped by the
/// target's company: the platform admin sees all, head office only its own company's.</summary>
public class AccountEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public AccountAction Action { get; set; }
    /// <summary>Null when nobody was signed in (a failed sign-in, an owner redeeming a code at the door).</summary>
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public string? TargetUserId { get; set; }
    /// <summary>What the list shows for the target: the staff login, or for owner accounts a masked mobile
    /// number — never a full one, because the platform admin reads this list too.</summary>
    public string TargetLabel { get; set; } = "";
    /// <summary>The target's company; null for platform admins. Head office sees only its company's rows.</summary>
    public int? CompanyId { get; set; }
    /// <summary>The project the actor was working in, if any.</summary>
    public int? ProjectId { get; set; }
    /// <summary>The client address the action came from (after trusted proxies).</summary>
    public string? IpAddress { get; set; }
    /// <summary>Short free text: e.g. the roles given, the reason. Never a password or a code.</summary>
    public string? Detail { get; set; }
}

public enum AccountAction
{
    Created = 0,
    /// <summary>An administrator issued a temporary password (staff) shown once to them.</summary>
    TemporaryPasswordIssued = 1,
    /// <summary>A one-time code was sent to the account holder's phone (owners), through the outbox.</summary>
    OneTimeCodeSent = 2,
    /// <summary>The holder set a new password with a temporary password or a one-time code.</summary>
    PasswordSetWithCredential = 3,
    /// <summary>The holder changed their own password (current password given).</summary>
    PasswordChanged = 4,
    Disabled = 5,
    Enabled = 6,
    /// <summary>A sign-in lockout or slow-down lifted by an administrator.</summary>
    Unlocked = 7,
    /// <summary>A one-time code or temporary password was tried and refused (wrong, expired, used).</summary>
    CredentialRefused = 8,
    /// <summary>The account was removed: an owner's portal account goes with the owner's record (its login is
    /// their mobile number, personal data that must not outlive the record).</summary>
    Deleted = 9,
}
