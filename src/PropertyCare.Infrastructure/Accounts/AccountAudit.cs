using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Accounts;

/// <summary>Writes account events. Callers add the event to the same DbContext as the change it records,
/// so the change and its audit are saved together or not at all.</summary>
public sealed class AccountAudit(TenantContext tenant, TimeProvider clock)
{
    public AccountEvent Add(AppDbContext db, AccountAction action, AppUser target, bool targetIsOwner, string? detail = null)
    {
        var actor = tenant.User;
        var e = new AccountEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorUserId = actor?.UserId,
            ActorName = actor?.DisplayName ?? "",
            TargetUserId = target.Id,
            TargetLabel = Label(target, targetIsOwner),
            CompanyId = target.CompanyId,
            ProjectId = tenant.ProjectId,
            IpAddress = tenant.ClientIp,
            Detail = detail is { Length: > 200 } ? detail[..200] : detail,
        };
        db.AccountEvents.Add(e);
        return e;
    }

    /// <summary>Owner logins are mobile numbers: the audit keeps only a masked form.</summary>
    public static string Label(AppUser target, bool targetIsOwner) =>
        targetIsOwner ? $"业主 {Domain.Owners.ContactRules.MaskPhone(target.UserName)}" : $"{target.UserName} ({target.DisplayName})";
}
