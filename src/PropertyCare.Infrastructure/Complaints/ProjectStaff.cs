using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>The project's active staff (desk, technicians, managers) a complaint can be dispatched to or escalated to.</summary>
internal static class ProjectStaff
{
    private static readonly string[] StaffRoles = [Roles.ServiceDesk, Roles.Technician, Roles.ProjectManager];

    /// <summary>Every active staff member of the project, with their roles, by name.</summary>
    public static async Task<List<(string UserId, string Name, string Role)>> ListAsync(AppDbContext db, int projectId, CancellationToken ct) =>
        (await (from a in db.ProjectAssignments
                join u in db.Users on a.UserId equals u.Id
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where a.ProjectId == projectId && u.IsActive && StaffRoles.Contains(r.Name!)
                orderby u.DisplayName
                select new { u.Id, u.DisplayName, r.Name }).ToListAsync(ct))
        .GroupBy(x => x.Id).Select(g => (g.Key, g.First().DisplayName, g.First().Name!)).ToList();

    /// <summary>The names of those of <paramref name="userIds"/> who are active staff of the project (others are left out).</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(AppDbContext db, int projectId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return [];
        var all = await ListAsync(db, projectId, ct);
        return all.Where(s => userIds.Contains(s.UserId)).GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.First().Name);
    }
}
