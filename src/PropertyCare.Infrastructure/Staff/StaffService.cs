using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Staff;

/// <summary>A project manager manages the project's staff: add, disable/enable, reset password.
/// UserManager runs in a scope per operation so no DbContext lives as long as a circuit.</summary>
public sealed class StaffService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<List<StaffRow>> ListAsync(CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await (from a in db.ProjectAssignments
                           join u in db.Users on a.UserId equals u.Id
                           where a.ProjectId == projectId
                           select u).AsNoTracking().ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return users.Select(u => new StaffRow(u.Id, u.UserName ?? "", u.DisplayName, u.PhoneNumber,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.IsActive))
            .Where(s => !s.Roles.Contains(Roles.Owner))
            .OrderBy(s => s.UserName).ToList();
    }

    public async Task<string> AddAsync(string userName, string displayName, string? phone, string role, string password, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        var errors = AccountRules.ValidateNew(userName, displayName);
        if (!Roles.ProjectStaff.Contains(role)) errors.Add(new("Role", new("请选择岗位", "Choose a role")));
        if (!string.IsNullOrWhiteSpace(phone) && !Domain.Owners.ContactRules.IsValidPhone(phone.Trim()))
            errors.Add(new("Phone", new("手机号码格式不正确", "Invalid phone number")));
        errors.ThrowIfAny();
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName.Trim(), DisplayName = displayName.Trim(), PhoneNumber = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            CompanyId = tenant.Project!.CompanyId, CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        await users.AddToRoleAsync(user, role);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ProjectAssignments.Add(new ProjectAssignment { UserId = user.Id, ProjectId = projectId });
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        var user = await StaffOfThisProject(userId, ct);
        if (user.Id == tenant.RequireUser().UserId) throw new DomainException(new("不能停用自己的账号", "You cannot disable your own account"));
        await UserAccounts.SetActiveAsync(scopes, user.Id, active);
    }

    /// <summary>Sets a new temporary password and returns it, to be handed over once.</summary>
    public async Task<string> ResetPasswordAsync(string userId, CancellationToken ct = default) =>
        await UserAccounts.ResetPasswordAsync(scopes, (await StaffOfThisProject(userId, ct)).Id);

    /// <summary>Managers act only on staff of their project, and never on other managers or HQ.</summary>
    private async Task<AppUser> StaffOfThisProject(string userId, CancellationToken ct)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await (from a in db.ProjectAssignments join u in db.Users on a.UserId equals u.Id
                          where a.ProjectId == projectId && u.Id == userId select u).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync(ct);
        if (!roles.All(r => Roles.ProjectStaff.Contains(r!))) throw new AccessDeniedException();
        return user;
    }
}

public sealed record StaffRow(string Id, string UserName, string DisplayName, string? Phone, List<string> Roles, bool IsActive);
