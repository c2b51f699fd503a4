using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Portal;

/// <summary>开通业主账号: the service desk opens an owner-portal account for an owner of the project.
/// The login is the owner's mobile number; a temporary password is handed over once.</summary>
public sealed class OwnerAccountService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<OwnerAccount?> GetAsync(int ownerId, CancellationToken ct = default)
    {
        var owner = await OwnerOfThisProject(ownerId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.OwnerId == owner.Id && u.CompanyId == tenant.Project!.CompanyId)
            .Select(u => new OwnerAccount(u.Id, u.UserName!, u.IsActive)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Creates the account and returns its temporary password.</summary>
    public async Task<string> OpenAsync(int ownerId, CancellationToken ct = default)
    {
        var owner = await OwnerOfThisProject(ownerId, ct);
        if (await GetAsync(ownerId, ct) != null) throw new DomainException(new("该业主已开通账号", "This owner already has an account"));
        if (!ContactRules.IsValidPhone(owner.Phone) || !owner.Phone.StartsWith('1'))
            throw new DomainException(new("业主没有有效的手机号码，无法开通账号", "The owner has no valid mobile number to sign in with"));
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var password = AccountRules.TemporaryPassword();
        var user = new AppUser { UserName = owner.Phone, DisplayName = owner.Name, CompanyId = tenant.Project!.CompanyId, OwnerId = owner.Id, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        await users.AddToRoleAsync(user, Roles.Owner);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ProjectAssignments.Add(new ProjectAssignment { UserId = user.Id, ProjectId = owner.ProjectId });
        await db.SaveChangesAsync(ct);
        return password;
    }

    public async Task<string> ResetPasswordAsync(int ownerId, CancellationToken ct = default)
    {
        var account = await GetAsync(ownerId, ct) ?? throw new RecordNotFoundException();
        return await UserAccounts.ResetPasswordAsync(scopes, account.UserId);
    }

    private async Task<Owner> OwnerOfThisProject(int ownerId, CancellationToken ct)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Owners.AsNoTracking().FirstOrDefaultAsync(o => o.Id == ownerId, ct) ?? throw new RecordNotFoundException();
    }
}

public sealed record OwnerAccount(string UserId, string UserName, bool IsActive);
