using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Portal;

/// <summary>开通业主账号: the service desk opens an owner-portal account for an owner of the project (the login
/// is the owner's mobile number), sends a new code when the owner forgot the password, and disables or enables
/// the account. The desk never learns a password or a code: the account is created with a random password
/// nobody knows and the owner sets their own with a one-time code sent to their phone (<see cref="OwnerCodes"/>).</summary>
public sealed class OwnerAccountService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant,
    OwnerCodes codes, AccountAudit audit)
{
    public async Task<OwnerAccount?> GetAsync(int ownerId, CancellationToken ct = default)
    {
        var owner = await OwnerOfThisProject(ownerId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.OwnerId == owner.Id && u.CompanyId == tenant.Project!.CompanyId)
            .Select(u => new OwnerAccount(u.Id, u.UserName!, u.IsActive)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Creates the account with a password nobody knows and sends an activation code to the owner's mobile.</summary>
    public async Task<OneTimeCodeSent> OpenAsync(int ownerId, CancellationToken ct = default)
    {
        var owner = await OwnerOfThisProject(ownerId, ct);
        if (await GetAsync(ownerId, ct) != null) throw new DomainException(new("该业主已开通账号", "This owner already has an account"));
        if (!ContactRules.IsValidPhone(owner.Phone) || !owner.Phone.StartsWith('1'))
            throw new DomainException(new("业主没有有效的手机号码，无法开通账号", "The owner has no valid mobile number to sign in with"));
        using var scope = InThisProject();
        var (users, db) = Services(scope);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = owner.Phone, DisplayName = owner.Name, CompanyId = tenant.Project!.CompanyId, OwnerId = owner.Id, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, UnknowablePassword());
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        await users.AddToRoleAsync(user, Roles.Owner);
        db.ProjectAssignments.Add(new ProjectAssignment { UserId = user.Id, ProjectId = owner.ProjectId });
        audit.Add(db, AccountAction.Created, user, targetIsOwner: true, "业主账号");
        var sent = await codes.IssueAsync(db, scope.ServiceProvider, user, OneTimeCodePurpose.Activate, OwnerCodes.DeskLifetime, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sent;
    }

    /// <summary>Sends a reset code to the owner's mobile. The password stays as it is until the owner uses the code,
    /// so pressing this by mistake locks nobody out.</summary>
    public async Task<OneTimeCodeSent> SendResetCodeAsync(int ownerId, CancellationToken ct = default)
    {
        var account = await GetAsync(ownerId, ct) ?? throw new RecordNotFoundException();
        if (!account.IsActive) throw new DomainException(new("该账号已停用，请先启用", "The account is disabled; enable it first"));
        using var scope = InThisProject();
        var (_, db) = Services(scope);
        var user = await db.Users.FirstAsync(u => u.Id == account.UserId, ct);
        var sent = await codes.IssueAsync(db, scope.ServiceProvider, user, OneTimeCodePurpose.ResetPassword, OwnerCodes.DeskLifetime, ct);
        await db.SaveChangesAsync(ct);
        return sent;
    }

    /// <summary>停用 / 启用. Disabling ends the owner's open sessions at their next revalidation.</summary>
    public async Task SetActiveAsync(int ownerId, bool active, CancellationToken ct = default)
    {
        var account = await GetAsync(ownerId, ct) ?? throw new RecordNotFoundException();
        if (account.IsActive == active) return;
        using var scope = InThisProject();
        var (users, db) = Services(scope);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByIdAsync(account.UserId) ?? throw new RecordNotFoundException();
        user.IsActive = active;
        audit.Add(db, active ? AccountAction.Enabled : AccountAction.Disabled, user, targetIsOwner: true);
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<Owner> OwnerOfThisProject(int ownerId, CancellationToken ct)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Owners.AsNoTracking().FirstOrDefaultAsync(o => o.Id == ownerId, ct) ?? throw new RecordNotFoundException();
    }

    /// <summary>A scope whose tenant is the caller's (same user, same project), so Identity's store context — which
    /// also takes the code, the SMS and the audit event — saves inside this project, in one transaction.</summary>
    private IServiceScope InThisProject()
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(tenant.RequireUser());
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(tenant.Project!);
        return scope;
    }

    private static (UserManager<AppUser> Users, AppDbContext Db) Services(IServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());

    /// <summary>256 random bits nobody sees: the account cannot be signed in to until the owner sets a password
    /// with the activation code. The suffix satisfies the password rules.</summary>
    private static string UnknowablePassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "aA1#";
}

public sealed record OwnerAccount(string UserId, string UserName, bool IsActive);
