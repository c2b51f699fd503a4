using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Reads shared by the works services and jobs (all inside the current project through the data layer).</summary>
internal static class RenovationWorksQueries
{
    /// <summary>The project's renovation settings, or the defaults while the manager has not saved any.</summary>
    public static async Task<RenovationSettings> SettingsAsync(AppDbContext db, int projectId, CancellationToken ct) =>
        await db.RenovationSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? RenovationSettings.Defaults(projectId);

    public static async Task<RenovationApplication> ApplicationAsync(AppDbContext db, int id, CancellationToken ct, bool track = false) =>
        await (track ? db.RenovationApplications : db.RenovationApplications.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new RecordNotFoundException();

    /// <summary>The local date of each active application's last patrol.</summary>
    public static async Task<Dictionary<int, DateOnly>> LastPatrolsAsync(AppDbContext db, IReadOnlyCollection<int> appIds, ProjectClock clock, CancellationToken ct) =>
        (await db.RenovationPatrols.AsNoTracking().Where(p => appIds.Contains(p.ApplicationId))
            .GroupBy(p => p.ApplicationId).Select(g => new { g.Key, Last = g.Max(p => p.PatrolledAt) }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => DateOnly.FromDateTime(clock.ToLocal(x.Last)));

    public static DateOnly? LocalDate(ProjectClock clock, DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(clock.ToLocal(u)) : null;

    /// <summary>Active works (施工中, 停工) with the date their next patrol is due.</summary>
    public static async Task<List<(RenovationApplication App, DateOnly? Last, DateOnly Due)>> ActiveWithDueAsync(AppDbContext db, ProjectClock clock,
        int everyDays, CancellationToken ct)
    {
        var apps = await db.RenovationApplications.AsNoTracking()
            .Where(a => a.Status == RenovationStatus.Working || a.Status == RenovationStatus.Stopped).ToListAsync(ct);
        var last = await LastPatrolsAsync(db, apps.Select(a => a.Id).ToList(), clock, ct);
        return apps.Select(a =>
        {
            DateOnly? l = last.TryGetValue(a.Id, out var d) ? d : null;
            return (a, l, PatrolSchedule.NextDue(a.Status, LocalDate(clock, a.PermitIssuedAt), l, everyDays)!.Value);
        }).ToList();
    }

    public static async Task<Dictionary<int, string>> OwnerNamesAsync(AppDbContext db, IReadOnlyCollection<int> ownerIds, CancellationToken ct) =>
        await db.Owners.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
}
