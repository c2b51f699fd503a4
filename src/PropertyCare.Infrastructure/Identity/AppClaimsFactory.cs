using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PropertyCare.Domain.Access;

namespace PropertyCare.Infrastructure.Identity;

/// <summary>Puts company, owner link and the role-derived permissions into the sign-in cookie, so
/// authorization policies check permissions and never roles.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.CompanyId is { } c) id.AddClaim(new Claim(AppClaims.CompanyId, c.ToString(CultureInfo.InvariantCulture)));
        if (user.OwnerId is { } o) id.AddClaim(new Claim(AppClaims.OwnerId, o.ToString(CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
        {
            // Someone else (the administrator who issued it) knows this password: until the holder sets their own,
            // the session carries no role and no permission, so no page or service opens for it (see MustChangePasswordGate).
            id.AddClaim(new Claim(AppClaims.MustChangePassword, "1"));
            foreach (var role in id.FindAll(id.RoleClaimType).ToList()) id.RemoveClaim(role);
            return id;
        }
        var roleNames = id.FindAll(id.RoleClaimType).Select(r => r.Value);
        foreach (var p in Permissions.ForRoles(roleNames)) id.AddClaim(new Claim(AppClaims.Permission, p));
        return id;
    }

    public static UserIdentity? ToIdentity(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId == null) return null;
        static int? Int(string? v) => int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? i : null;
        // Belt and braces: a must-change session holds no roles, whatever the cookie says.
        var mustChange = principal.HasClaim(c => c.Type == AppClaims.MustChangePassword);
        return new UserIdentity(
            userId,
            principal.FindFirstValue(AppClaims.DisplayName) ?? principal.Identity.Name ?? "",
            Int(principal.FindFirstValue(AppClaims.CompanyId)),
            mustChange ? new HashSet<string>() : principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
            Int(principal.FindFirstValue(AppClaims.OwnerId)));
    }
}

/// <summary>Refuses sign-in for disabled users and for an initial or temporary password past its 24 hours, on top
/// of Identity's own checks (lockout, confirmation). Identity asks this before it checks the password, so the
/// answer does not depend on whether the password was right.</summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    Microsoft.AspNetCore.Http.IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    Microsoft.Extensions.Logging.ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.IsActive && !TemporaryPasswordExpired(user, clock.GetUtcNow().UtcDateTime) && await base.CanSignInAsync(user);

    public static bool TemporaryPasswordExpired(AppUser user, DateTime utcNow) =>
        user.MustChangePassword && user.TemporaryPasswordExpiresAt is { } end && end <= utcNow;
}
