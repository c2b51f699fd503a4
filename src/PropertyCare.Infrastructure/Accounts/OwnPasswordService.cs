using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Accounts;

/// <summary>Everyone changes their own password here (staff, admin and owners alike). The current password is
/// required, except in a must-change session: its holder has just signed in with the temporary or initial password.
/// Changing it ends the user's other sessions (new security stamp); the caller re-issues its own sign-in cookie.
/// Runs in the request's scope, whose DbContext Identity's store writes through, so the change and its account
/// event are saved in one transaction.</summary>
public sealed class OwnPasswordService(UserManager<AppUser> users, AppDbContext db, AccountAudit audit, TenantContext tenant, TimeProvider clock)
{
    public async Task<AppUser> ChangeAsync(ClaimsPrincipal principal, string? current, string? newPassword, string? confirm, CancellationToken ct = default)
    {
        var user = await users.GetUserAsync(principal) ?? throw new AccessDeniedException();
        if (!user.IsActive) throw new AccessDeniedException();
        // The audit names the holder as the one who acted (a static page's scope has no circuit to set the user).
        if (tenant.User == null) tenant.SetUser(AppClaimsFactory.ToIdentity(principal));
        var withCredential = user.MustChangePassword;
        if (withCredential && AppSignInManager.TemporaryPasswordExpired(user, clock.GetUtcNow().UtcDateTime))
            throw new DomainException(new("临时密码已过期，请联系管理员重新重置密码。", "The temporary password has expired; ask your administrator for a new one."));
        if (await users.IsLockedOutAsync(user))
            throw new DomainException(new("尝试次数过多，请稍后再试。", "Too many attempts; try again later."));

        var errors = new List<FieldError>();
        if (!withCredential && string.IsNullOrEmpty(current)) errors.Add(new("CurrentPassword", new("请输入当前密码", "Enter your current password")));
        if (string.IsNullOrEmpty(newPassword)) errors.Add(new("NewPassword", new("请输入新密码", "Enter a new password")));
        else if (newPassword != confirm) errors.Add(new("ConfirmPassword", new("两次输入的新密码不一致", "The two new passwords differ")));
        errors.ThrowIfAny();

        if (!withCredential && !await users.CheckPasswordAsync(user, current!))
        {
            // Counts towards the lockout, so an unattended session cannot be used to guess the password.
            await users.AccessFailedAsync(user);
            throw new ValidationException([new("CurrentPassword", new("当前密码不正确", "The current password is wrong"))]);
        }
        if (await users.CheckPasswordAsync(user, newPassword!))
            throw new ValidationException([new("NewPassword", withCredential
                ? new Text("新密码不能与临时密码相同", "The new password must differ from the temporary one")
                : new Text("新密码不能与当前密码相同", "The new password must differ from the current one"))]);
        var rules = new List<IdentityError>();
        foreach (var v in users.PasswordValidators)
            if (await v.ValidateAsync(users, user, newPassword) is { Succeeded: false } r) rules.AddRange(r.Errors);
        if (rules.Count > 0) throw new ValidationException(AccountRules.FromIdentity(rules).Errors.Select(e => e with { Field = "NewPassword" }).ToList());

        // The token first: making it may write a new Data Protection key, on a connection of its own.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Stores the new hash and a new security stamp: every other session of this user ends at its next check.
        var result = await users.ResetPasswordAsync(user, token, newPassword!);
        if (!result.Succeeded) throw new ValidationException(AccountRules.FromIdentity(result.Errors).Errors.Select(e => e with { Field = "NewPassword" }).ToList());
        user.MustChangePassword = false;
        user.TemporaryPasswordExpiresAt = null;
        user.AccessFailedCount = 0;
        var isOwner = user.OwnerId != null || await users.IsInRoleAsync(user, Roles.Owner);
        audit.Add(db, withCredential ? AccountAction.PasswordSetWithCredential : AccountAction.PasswordChanged, user, isOwner);
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) throw AccountRules.FromIdentity(saved.Errors);
        await tx.CommitAsync(ct);
        return user;
    }
}
