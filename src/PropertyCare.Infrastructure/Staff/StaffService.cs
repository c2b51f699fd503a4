using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Staff;

/// <summary>A project manager manages the project's staff: add, disable/enable, issue a temporary password.
/// Authority covers the whole target: a manager acts only on desk staff and technicians whose every project is one
/// the manager runs; an account that also works elsewhere goes to the platform admin (else a reset here would
/// open the other project to the manager). UserManager runs in a scope per operation (see UserAccounts).</summary>
public sealed class StaffService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, AccountAudit audit, TimeProvider clock)
{
    public static readonly Text OtherProjects = new("该员工还在您未负责的项目任职，请联系平台管理员重置密码、停用或启用。",
        "This person also works in a project you do not manage; ask the platform admin to reset, disable or enable the account.");
    public static readonly Text NotProjectStaff = new("经理、总部和平台账号由平台管理员管理。",
        "Manager, head-office and platform accounts are managed by the platform admin.");
    public static readonly Text Yourself = new("不能对自己的账号执行此操作；修改自己的密码请用右上角的“修改密码”。",
        "You cannot do this to your own account; change your own password with “Change password” at the top right.");

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
        var assignments = await db.ProjectAssignments.Where(a => ids.Contains(a.UserId)).Select(a => new { a.UserId, a.ProjectId }).ToListAsync(ct);
        var mine = await ManagerProjectsAsync(db, ct);
        return users
            .Select(u =>
            {
                var r = roles.Where(x => x.UserId == u.Id).Select(x => x.Name!).ToList();
                var why = Refusal(u.Id, r, assignments.Where(a => a.UserId == u.Id).Select(a => a.ProjectId), mine);
                return new StaffRow(u.Id, u.UserName ?? "", u.DisplayName, u.PhoneNumber, r, u.IsActive, why);
            })
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
        var user = new AppUser
        {
            UserName = userName.Trim(), DisplayName = displayName.Trim(), PhoneNumber = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            CompanyId = tenant.Project!.CompanyId,
        };
        return await UserAccounts.CreateAsync(scopes, audit, clock, user, password, role, [projectId], ct);
    }

    public async Task SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        var user = await ManageableAsync(userId, ct);
        await UserAccounts.SetActiveAsync(scopes, audit, user.Id, active, ct);
    }

    /// <summary>Sets a temporary password and returns it, shown once to the manager; the holder must replace it at
    /// the next sign-in, within 24 hours.</summary>
    public async Task<string> ResetPasswordAsync(string userId, CancellationToken ct = default) =>
        await UserAccounts.IssueTemporaryPasswordAsync(scopes, audit, clock, (await ManageableAsync(userId, ct)).Id, ct);

    /// <summary>The target must be on this project's staff (else: not found, so ids cannot be probed), and then within
    /// the manager's authority (else: refused, saying why and who can).</summary>
    private async Task<AppUser> ManageableAsync(string userId, CancellationToken ct)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await (from a in db.ProjectAssignments join u in db.Users on a.UserId equals u.Id
                          where a.ProjectId == projectId && u.Id == userId select u).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(ct);
        var projects = await db.ProjectAssignments.Where(a => a.UserId == userId).Select(a => a.ProjectId).ToListAsync(ct);
        if (Refusal(userId, roles, projects, await ManagerProjectsAsync(db, ct)) is { } why) throw new AccessDeniedException(why);
        return user;
    }

    /// <summary>The projects the manager runs: their assignments, read from the database (not the entered project: a
    /// head-office role could enter any project of the company without running it).</summary>
    private async Task<HashSet<int>> ManagerProjectsAsync(AppDbContext db, CancellationToken ct)
    {
        var me = tenant.RequireUser().UserId;
        return (await db.ProjectAssignments.Where(a => a.UserId == me).Select(a => a.ProjectId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Why the manager may not act on this account, or null if they may.</summary>
    private Text? Refusal(string userId, IReadOnlyCollection<string> roles, IEnumerable<int> projects, IReadOnlySet<int> mine)
    {
        if (userId == tenant.RequireUser().UserId) return Yourself;
        if (roles.Count == 0 || !roles.All(r => Roles.ProjectStaff.Contains(r))) return NotProjectStaff;
        return projects.All(mine.Contains) ? null : OtherProjects;
    }
}

/// <summary>A row of the staff page. <see cref="Unavailable"/> says why the manager may not reset, disable or enable
/// this account (null when they may), so the page shows the reason instead of offering the action.</summary>
public sealed record StaffRow(string Id, string UserName, string DisplayName, string? Phone, List<string> Roles, bool IsActive, Text? Unavailable = null)
{
    public bool CanManage => Unavailable == null;
}
