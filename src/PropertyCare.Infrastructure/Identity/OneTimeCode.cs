namespace PropertyCare.Infrastructure.Identity;

/// <summary>A short numeric code sent to an account holder's phone (through the outbox) to activate the
/// account or set a new password. Only a hash is stored, so neither the desk nor a database backup can
/// read it; it expires, allows a few tries and works once.</summary>
public class OneTimeCode
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public OneTimeCodePurpose Purpose { get; set; }
    /// <summary>Hash of the code (PBKDF2 via Identity's password hasher, so it cannot be looked up).</summary>
    public string CodeHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime? UsedAt { get; set; }
}

public enum OneTimeCodePurpose { Activate = 0, ResetPassword = 1 }
