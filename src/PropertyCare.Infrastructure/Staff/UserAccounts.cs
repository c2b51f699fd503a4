using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Infrastructure.Staff;

/// <summary>Disable/enable and password reset, the same for staff, company users and owner accounts.
/// Callers check who may do it first; this only does it, in a scope of its own so no UserManager (and
/// its DbContext) outlives the operation.</summary>
internal static class UserAccounts
{
    public static async Task SetActiveAsync(IServiceScopeFactory scopes, string userId, bool active)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var u = await users.FindByIdAsync(userId) ?? throw new RecordNotFoundException();
        u.IsActive = active;
        await users.UpdateAsync(u);
        // A new security stamp ends the user's open sessions at the next revalidation.
        await users.UpdateSecurityStampAsync(u);
    }

    /// <summary>Sets a new temporary password, lifts a lockout and returns the password to hand over once.</summary>
    public static async Task<string> ResetPasswordAsync(IServiceScopeFactory scopes, string userId)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var u = await users.FindByIdAsync(userId) ?? throw new RecordNotFoundException();
        var password = AccountRules.TemporaryPassword();
        var result = await users.ResetPasswordAsync(u, await users.GeneratePasswordResetTokenAsync(u), password);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        await users.SetLockoutEndDateAsync(u, null);
        return password;
    }
}
