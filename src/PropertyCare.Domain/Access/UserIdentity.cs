namespace PropertyCare.Domain.Access;

/// <summary>The signed-in person as the domain sees them.</summary>
public sealed record UserIdentity(
    string UserId,
    string DisplayName,
    int? CompanyId,
    IReadOnlySet<string> Roles,
    int? OwnerId)
{
    public IReadOnlySet<string> Permissions { get; } = Access.Permissions.ForRoles(Roles);
    public bool Has(string permission) => Permissions.Contains(permission);
}
