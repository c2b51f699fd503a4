using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Owners.Import;

/// <summary>What the current project already holds that an import can match. Read through the normal
/// context, so the tenant filter limits it to the current project: another project's owner with the same
/// ID number is invisible here and is never matched.</summary>
internal sealed class ImportSnapshot
{
    public Dictionary<string, Building> Buildings { get; } = new(StringComparer.Ordinal);
    public Dictionary<(int BuildingId, string Entrance, string Room), Unit> Units { get; } = [];
    public Dictionary<string, Owner> OwnersByIdNumber { get; } = new(StringComparer.Ordinal);
    public HashSet<(int UnitId, int OwnerId)> Links { get; } = [];
    public HashSet<int> UnitsWithPrimary { get; } = [];

    public static async Task<ImportSnapshot> LoadAsync(AppDbContext db, IReadOnlyCollection<string> idNumbers, CancellationToken ct)
    {
        var s = new ImportSnapshot();
        foreach (var b in await db.Buildings.AsNoTracking().ToListAsync(ct)) s.Buildings.TryAdd(b.Name, b);
        foreach (var u in await db.Units.AsNoTracking().ToListAsync(ct)) s.Units.TryAdd((u.BuildingId, u.Entrance, u.Room), u);
        var owners = await db.Owners.AsNoTracking().Where(o => idNumbers.Contains(o.IdNumber)).OrderBy(o => o.Id).ToListAsync(ct);
        // Should two records already share an ID number, the oldest is the one the file means.
        foreach (var o in owners) s.OwnersByIdNumber.TryAdd(o.IdNumber.ToUpperInvariant(), o);
        var links = await db.UnitOwnerships.AsNoTracking().Select(l => new { l.UnitId, l.OwnerId, l.IsPrimary }).ToListAsync(ct);
        foreach (var l in links)
        {
            s.Links.Add((l.UnitId, l.OwnerId));
            if (l.IsPrimary) s.UnitsWithPrimary.Add(l.UnitId);
        }
        return s;
    }
}
