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
        return new UserIdentity(
            userId,
            principal.FindFirstValue(AppClaims.DisplayName) ?? principal.Identity.Name ?? "",
            Int(principal.FindFirstValue(AppClaims.CompanyId)),
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
            Int(principal.FindFirstValue(AppClaims.OwnerId)));
    }
}

/// <summary>Refuses sign-in for disabled users on top of Identity's own checks (lockout, confirmation).</summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    Microsoft.AspNetCore.Http.IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    Microsoft.Extensions.Logging.ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);
}
