using Microsoft.EntityFrameworkCore;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>Active users of the project in a role: technicians to dispatch to, managers to escalate to.</summary>
internal static class ProjectPeople
{
    public static async Task<List<(string UserId, string Name, string? Phone)>> InRoleAsync(AppDbContext db, int projectId, string role, CancellationToken ct) =>
        (await (from a in db.ProjectAssignments
                join u in db.Users on a.UserId equals u.Id
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where a.ProjectId == projectId && r.Name == role && u.IsActive
                orderby u.DisplayName
                select new { u.Id, u.DisplayName, u.PhoneNumber }).ToListAsync(ct))
        .Select(x => (x.Id, x.DisplayName, (string?)x.PhoneNumber)).ToList();
}
