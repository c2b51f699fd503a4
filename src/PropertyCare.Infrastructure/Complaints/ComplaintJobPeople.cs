using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>Who the complaint jobs write to, beyond the project's own staff: HQ auditors are not assigned to projects —
/// they belong to a company (<c>AppUser.CompanyId</c>) and read all its projects — so the 三次派单 goes to the active
/// HqAuditor users of the project's company, never another company's.</summary>
internal static class ComplaintJobPeople
{
    public static async Task<List<(string UserId, string Name, string? Phone)>> HqAuditorsAsync(AppDbContext db, int companyId, CancellationToken ct) =>
        (await (from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.CompanyId == companyId && u.IsActive && r.Name == Roles.HqAuditor
                orderby u.DisplayName
                select new { u.Id, u.DisplayName, u.PhoneNumber }).ToListAsync(ct))
        .Select(x => (x.Id, x.DisplayName, (string?)x.PhoneNumber)).ToList();

    /// <summary>An active user's name and phone (the department head's, for the SMS), or null.</summary>
    public static async Task<(string Name, string? Phone)?> UserAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => new { u.DisplayName, u.PhoneNumber }).FirstOrDefaultAsync(ct);
        return u == null ? null : (u.DisplayName, u.PhoneNumber);
    }
}
