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

/// <summary>The platform admin sets up companies, their projects and their first users. The admin
/// sees no owner data: tenant-owned tables stay behind the project filter for them too.</summary>
public sealed class PlatformAdminService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
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
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) q = q.Where(u => u.UserName!.Contains(search) || u.DisplayName.Contains(search));
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
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName.Trim(), DisplayName = displayName.Trim(), CompanyId = companyId, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw AccountRules.FromIdentity(result.Errors);
        await users.AddToRoleAsync(user, role);
        db.ProjectAssignments.AddRange(validProjects.Select(p => new ProjectAssignment { UserId = user.Id, ProjectId = p }));
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        if (userId == tenant.RequireUser().UserId) throw new DomainException(new("不能停用自己的账号", "You cannot disable your own account"));
        await UserAccounts.SetActiveAsync(scopes, userId, active);
    }

    public Task<string> ResetPasswordAsync(string userId, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        return UserAccounts.ResetPasswordAsync(scopes, userId);
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
public sealed record UserRow(string Id, string UserName, string DisplayName, string? Company, List<string> Roles, List<string> Projects, bool IsActive);
