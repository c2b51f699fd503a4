using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;

namespace PropertyCare.Infrastructure.Identity;

/// <summary>A new production database has no users. Given a password in configuration
/// (PropertyCare:AdminPassword), the first start creates the platform admin "admin" with it; once any
/// platform admin exists the setting does nothing, so it can be removed after the first start.</summary>
public static class AdminBootstrap
{
    public const string UserName = "admin";

    public static async Task<bool> EnsureAsync(IServiceProvider services, string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.PlatformAdmin)).Count > 0) return false;
        var admin = new AppUser { UserName = UserName, DisplayName = "平台管理员", CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("PropertyCare:AdminPassword does not meet the password rules: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.PlatformAdmin);
        return true;
    }
}
