using Microsoft.AspNetCore.Identity;

namespace PropertyCare.Infrastructure.Identity;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Null only for platform admins, who stand above companies.</summary>
    public int? CompanyId { get; set; }
    /// <summary>For owner accounts: the owner record whose units they see.</summary>
    public int? OwnerId { get; set; }
    /// <summary>zh-CN or en-US; applied at sign-in so the choice follows the user across devices.</summary>
    public string PreferredCulture { get; set; } = "zh-CN";
    /// <summary>Disabled users cannot sign in; their open sessions end at the next revalidation.</summary>
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when an administrator issued a temporary password: until the holder sets their own,
    /// signing in leads only to "set a new password".</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>When the temporary password stops working (24 h after it was issued); null otherwise.</summary>
    public DateTime? TemporaryPasswordExpiresAt { get; set; }
}

public class AppRole : IdentityRole
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}

/// <summary>Staff (and owners) are assigned to the projects they work in.</summary>
public class ProjectAssignment
{
    public string UserId { get; set; } = "";
    public int ProjectId { get; set; }
}

public static class AppClaims
{
    public const string CompanyId = "pc:company";
    public const string OwnerId = "pc:owner";
    public const string DisplayName = "pc:name";
    public const string Permission = "pc:perm";
    /// <summary>Signed in with an initial or temporary password: the session may only set a new password.</summary>
    public const string MustChangePassword = "pc:mustchange";
}
