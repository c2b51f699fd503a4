using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>Queries shared by the desk, the portal, the jobs and HQ. They take their sources as queryables so that HQ
/// can hand in its own cross-project ones (one project at a time) and everyone else the tenant-filtered sets.</summary>
internal static class VacantQueries
{
    /// <summary>A finding is open while it has no repair order yet or its order is neither closed nor cancelled.</summary>
    public static bool IsOpen(RepairStatus? status) => status is not (RepairStatus.Closed or RepairStatus.Cancelled);

    /// <summary>巡查覆盖率 of a cycle: the units vacant now, those of them inspected inside the cycle (once each), and the
    /// findings of the cycle's inspections whose repair is still open.</summary>
    public static async Task<Coverage> CoverageAsync(IQueryable<Unit> units, IQueryable<VacantUnitInspection> inspections, IQueryable<RepairOrder> orders,
        InspectionCycle cycle, CancellationToken ct)
    {
        var vacant = await units.Where(u => u.State == UnitState.Vacant).Select(u => u.Id).ToListAsync(ct);
        var done = await inspections.Where(i => i.InspectedAt >= cycle.StartUtc && i.InspectedAt <= cycle.DueUtc)
            .Select(i => new { i.UnitId, i.Findings }).ToListAsync(ct);
        var inspected = done.Select(i => i.UnitId).Distinct().Count(vacant.Contains);
        var findings = done.SelectMany(i => i.Findings).ToList();
        var repairIds = findings.Where(f => f.RepairOrderId != null).Select(f => f.RepairOrderId!.Value).Distinct().ToList();
        var status = await orders.Where(o => repairIds.Contains(o.Id)).Select(o => new { o.Id, o.Status }).ToDictionaryAsync(o => o.Id, o => o.Status, ct);
        var open = findings.Count(f => f.RepairOrderId is not { } id || IsOpen(status.TryGetValue(id, out var s) ? s : null));
        return VacantUnitRules.CoverageOf(vacant.Count, inspected, open);
    }

    public static async Task<Dictionary<string, string>> NamesAsync(AppDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static string Name(this Dictionary<string, string> names, string userId) => names.GetValueOrDefault(userId, "（已离开项目）");

    internal static IQueryable<AppUser> PortalUsersOf(AppDbContext db, int ownerId) => db.Users.Where(u => u.OwnerId == ownerId && u.IsActive);
}
