using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Admin;

/// <summary>The platform admin sets up companies, their projects and their staff accounts. The admin
/// sees no owner data: tenant-owned tables stay behind the project filter for them too, and owner accounts
/// (whose logins are mobile numbers) are absent from the user list and its search and refused to every account
/// action here — owners' credentials belong to the owners and their project's desk, never to the platform.</summary>
public sealed class PlatformAdminService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant,
    Accounts.AccountAudit audit, TimeProvider clock)
{
    public static readonly Text OwnerAccountRefused = new("业主账号不由平台管理员管理，平台不能查看、重置或停用业主账号。",
        "Owner accounts are not managed by the platform admin: the platform cannot see, reset or disable them.");

    public async Task<List<CompanyRow>> CompaniesAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var companies = await db.Companies.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        return companies.Select(c => new CompanyRow(c, projects.Where(p => p.CompanyId == c.Id).ToList())).ToList();
    }

    public async Task<int> CreateCompanyAsync(string name, string code, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = ValidateNameCode(name, code);
        if (await db.Companies.AnyAsync(c => c.Code == code.Trim().ToUpper(), ct)) errors.Add(new("Code", new("编码已被使用", "This code is taken")));
        errors.ThrowIfAny();
        var c = new Company { Name = name.Trim(), Code = code.Trim().ToUpperInvariant(), CreatedAt = DateTime.UtcNow };
        db.Companies.Add(c);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    public async Task<int> CreateProjectAsync(int companyId, string name, string code, string city, string address, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = ValidateNameCode(name, code);
        TextLimits.Check(errors, "City", city, TextLimits.City, "城市", "City");
        TextLimits.Check(errors, "Address", address, TextLimits.Address, "地址", "Address");
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct)) errors.Add(new("CompanyId", new("请选择物业公司", "Choose a company")));
        if (await db.Projects.AnyAsync(p => p.Code == code.Trim().ToUpper(), ct)) errors.Add(new("Code", new("编码已被使用", "This code is taken")));
        errors.ThrowIfAny();
        var p = new Project { CompanyId = companyId, Name = name.Trim(), Code = code.Trim().ToUpperInvariant(), City = city.Trim(), Address = address.Trim(), CreatedAt = DateTime.UtcNow };
        db.Projects.Add(p);
        await db.SaveChangesAsync(ct);
        return p.Id;
    }

    public async Task<Page<UserRow>> UsersAsync(string? search, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owners = UserAccounts.Owners(db).Select(u => u.Id);
        var q = db.Users.AsNoTracking().Where(u => !owners.Contains(u.Id));
        // Login and name only: never the phone number, so the list cannot be used to look people up by phone.
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s));
        }
        var total = await q.CountAsync(ct);
        var users = await q.OrderBy(u => u.UserName).Skip((Math.Max(1, pageIndex) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var projects = await (from a in db.ProjectAssignments join p in db.Projects on a.ProjectId equals p.Id where ids.Contains(a.UserId) select new { a.UserId, p.Name }).ToListAsync(ct);
        var companies = await db.Companies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var rows = users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName,
            u.CompanyId is { } c ? companies.GetValueOrDefault(c) : null,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            projects.Where(p => p.UserId == u.Id).Select(p => p.Name).ToList(), u.IsActive)).ToList();
        return new Page<UserRow>(rows, total, pageIndex, pageSize);
    }

    /// <summary>How many owner accounts each company has: all the admin learns about them (for capacity and support).</summary>
    public async Task<List<OwnerAccountCount>> OwnerAccountCountsAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await UserAccounts.Owners(db).GroupBy(u => u.CompanyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var companies = await db.Companies.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        return companies.Select(c => new OwnerAccountCount(c.Name, counts.FirstOrDefault(x => x.Key == c.Id)?.Count ?? 0)).ToList();
    }

    /// <summary>Creates a company user (HQ auditor, manager, staff or technician) with project assignments.</summary>
    public async Task<string> CreateUserAsync(string userName, string displayName, string role, int companyId, IReadOnlyCollection<int> projectIds, string password, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        var errors = AccountRules.ValidateNew(userName, displayName);
        if (role is Roles.Owner or Roles.PlatformAdmin || !Roles.All.Contains(role)) errors.Add(new("Role", new("请选择角色", "Choose a role")));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var validProjects = await db.Projects.Where(p => p.CompanyId == companyId && projectIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct)) errors.Add(new("CompanyId", new("请选择物业公司", "Choose a company")));
        if (validProjects.Count != projectIds.Count) errors.Add(new("Projects", new("所选项目不属于该公司", "A chosen project is not of this company")));
        if (role != Roles.HqAuditor && validProjects.Count == 0) errors.Add(new("Projects", new("请至少分配一个项目", "Assign at least one project")));
        errors.ThrowIfAny();
        var user = new AppUser { UserName = userName.Trim(), DisplayName = displayName.Trim(), CompanyId = companyId };
        return await UserAccounts.CreateAsync(scopes, audit, clock, user, password, role, validProjects, ct);
    }

    public async Task SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        if (userId == tenant.RequireUser().UserId) throw new DomainException(new("不能停用自己的账号", "You cannot disable your own account"));
        await RefuseOwnerAsync(userId, ct);
        await UserAccounts.SetActiveAsync(scopes, audit, userId, active, ct);
    }

    /// <summary>Sets a temporary password for a staff or company account and returns it, shown once to the admin.</summary>
    public async Task<string> ResetPasswordAsync(string userId, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        if (userId == tenant.RequireUser().UserId)
            throw new DomainException(new("请用右上角的“修改密码”修改自己的密码。", "Change your own password with “Change password” at the top right."));
        await RefuseOwnerAsync(userId, ct);
        return await UserAccounts.IssueTemporaryPasswordAsync(scopes, audit, clock, userId, ct);
    }

    /// <summary>The service refuses, not only the page: a forged call with an owner account's id gets nowhere.</summary>
    private async Task RefuseOwnerAsync(string userId, CancellationToken ct)
    {
        // An unknown id needs no check of its own here: it is no owner, and the account operation that follows
        // finds no such user and answers "not found".
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await UserAccounts.Owners(db).AnyAsync(u => u.Id == userId, ct)) throw new AccessDeniedException(OwnerAccountRefused);
    }

    private static List<FieldError> ValidateNameCode(string name, string code)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > TextLimits.OrganisationName)
            e.Add(new("Name", new($"请填写名称（不超过 {TextLimits.OrganisationName} 字）", $"Name is required (at most {TextLimits.OrganisationName} characters)")));
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 20 || !code.Trim().All(char.IsAsciiLetterOrDigit))
            e.Add(new("Code", new("编码为 1–20 位字母或数字", "Code: 1–20 letters or digits")));
        return e;
    }
}

public sealed record CompanyRow(Company Company, List<Project> Projects);
public sealed record OwnerAccountCount(string Company, int Count);
public sealed record UserRow(string Id, string UserName, string DisplayName, string? Company, List<string> Roles, List<string> Projects, bool IsActive);
