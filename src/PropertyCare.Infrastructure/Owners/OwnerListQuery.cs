using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Infrastructure.Owners;

/// <summary>The owner list's filter — shared by the list page and the export, so the export is
/// exactly "the current filtered list".</summary>
public sealed record OwnerListQuery(string? Search = null, int? BuildingId = null, UnitState? State = null, bool OnlyFlaggedPhones = false)
{
    /// <summary>Unit conditions are asked once over the ownership links (an IN sub-query) rather than
    /// per owner (a correlated EXISTS): several times faster on SQLite.</summary>
    internal IQueryable<Owner> Apply(IQueryable<Owner> owners, IQueryable<UnitOwnership> links)
    {
        var q = owners;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var s = Search.Trim();
            // One box for what a caller gives: a room number, a name, or (part of) a phone number.
            var byRoom = links.Where(x => x.Unit!.Room.Contains(s)).Select(x => x.OwnerId);
            q = q.Where(o => o.Name.Contains(s) || o.Phone.Contains(s) || (o.Phone2 != null && o.Phone2.Contains(s)) || byRoom.Contains(o.Id));
        }
        if (BuildingId is { } b) q = q.Where(o => links.Where(x => x.Unit!.BuildingId == b).Select(x => x.OwnerId).Contains(o.Id));
        if (State is { } st) q = q.Where(o => links.Where(x => x.Unit!.State == st).Select(x => x.OwnerId).Contains(o.Id));
        if (OnlyFlaggedPhones) q = q.Where(o => o.PhoneFlaggedWrong);
        return q;
    }

    public string Describe() =>
        $"search={Search ?? ""}; building={BuildingId?.ToString() ?? "all"}; state={State?.ToString() ?? "all"}; flagged={OnlyFlaggedPhones}";
}

public sealed record OwnerListRow(int Id, string Name, string PhoneMasked, bool PhoneFlaggedWrong, IReadOnlyList<string> Units, int Version);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageIndex, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
