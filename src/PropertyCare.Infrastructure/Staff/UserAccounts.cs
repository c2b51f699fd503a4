using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Infrastructure.Staff;

/// <summary>Opening, disabling/enabling and temporary passwords for staff and company accounts. Callers check
/// who may do it first; this only does it, in a scope of its own so no UserManager (and its DbContext) outlives
/// the operation. Each change and its account event are saved in one transaction of that scope's DbContext
/// (the one Identity's store writes through), so there is no change without its audit record.</summary>
internal static class UserAccounts
{
    /// <summary>How long an initial or temporary password works: long enough to hand it over, short enough that
    /// a note left on a desk is soon worthless.</summary>
    public static readonly TimeSpan TemporaryPasswordLifetime = TimeSpan.FromHours(24);

    /// <summary>Creates the account with the administrator's initial password, which the holder must replace at
    /// first sign-in (within <see cref="TemporaryPasswordLifetime"/>): the administrator knows it.</summary>
    public static async Task<string> CreateAsync(IServiceScopeFactory scopes, AccountAudit audit, TimeProvider clock, AppUser user, string password,
        string role, IEnumerable<int> projectIds, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        user.CreatedAt = clock.GetUtcNow().UtcDateTime;
        user.MustChangePassword = true;
        user.TemporaryPasswordExpiresAt = user.CreatedAt + TemporaryPasswordLifetime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        var roleResult = await users.AddToRoleAsync(user, role);
        if (!roleResult.Succeeded) throw AccountRules.FromIdentity(roleResult.Errors);
        db.ProjectAssignments.AddRange(projectIds.Select(p => new ProjectAssignment { UserId = user.Id, ProjectId = p }));
        audit.Add(db, AccountAction.Created, user, targetIsOwner: false, Domain.Access.Roles.Label(role).Zh);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user.Id;
    }

    public static async Task SetActiveAsync(IServiceScopeFactory scopes, AccountAudit audit, string userId, bool active, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var u = await users.FindByIdAsync(userId) ?? throw new RecordNotFoundException();
        u.IsActive = active;
        audit.Add(db, active ? AccountAction.Enabled : AccountAction.Disabled, u, targetIsOwner: false);
        // A new security stamp ends the user's open sessions at the next revalidation; saved with the flag and the event.
        var result = await users.UpdateSecurityStampAsync(u);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
    }

    /// <summary>Sets a temporary password and returns it, to be shown once to the entitled administrator: the holder
    /// must replace it at the next sign-in and it stops working after <see cref="TemporaryPasswordLifetime"/>. Ends the
    /// holder's sessions (new security stamp) and lifts a lockout (the holder may have locked themselves out).</summary>
    public static async Task<string> IssueTemporaryPasswordAsync(IServiceScopeFactory scopes, AccountAudit audit, TimeProvider clock, string userId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var u = await users.FindByIdAsync(userId) ?? throw new RecordNotFoundException();
        var password = AccountRules.TemporaryPassword();
        // The token first: making it may write a new Data Protection key, on a connection of its own.
        var token = await users.GeneratePasswordResetTokenAsync(u);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // ResetPasswordAsync validates the password, stores its hash and changes the security stamp.
        var result = await users.ResetPasswordAsync(u, token, password);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        u.MustChangePassword = true;
        u.TemporaryPasswordExpiresAt = clock.GetUtcNow().UtcDateTime + TemporaryPasswordLifetime;
        u.LockoutEnd = null;
        u.AccessFailedCount = 0;
        audit.Add(db, AccountAction.TemporaryPasswordIssued, u, targetIsOwner: false,
            $"有效期至 {u.TemporaryPasswordExpiresAt:yyyy-MM-dd HH:mm} UTC");
        var saved = await users.UpdateAsync(u);
        if (!saved.Succeeded) throw AccountRules.FromIdentity(saved.Errors);
        await tx.CommitAsync(ct);
        return password;
    }

    /// <summary>Owner accounts: linked to an owner record or in the owner role (their logins are mobile numbers).</summary>
    public static IQueryable<AppUser> Owners(AppDbContext db) =>
        db.Users.Where(u => u.OwnerId != null || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Domain.Access.Roles.Owner)));
}
