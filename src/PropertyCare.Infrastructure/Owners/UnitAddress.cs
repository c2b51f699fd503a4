using PropertyCare.Domain.Owners;

namespace PropertyCare.Infrastructure.Owners;

/// <summary>A unit as people say it: 3栋-2单元-1202.</summary>
public sealed record UnitAddress(int UnitId, string Building, string Entrance, string Room)
{
    public override string ToString() => string.IsNullOrEmpty(Entrance) ? $"{Building}-{Room}" : $"{Building}-{Entrance}单元-{Room}";

    internal static IQueryable<(int OwnerId, UnitAddress Address)> ForOwners(IQueryable<UnitOwnership> ownerships, IReadOnlyCollection<int> ownerIds) =>
        ownerships.Where(x => ownerIds.Contains(x.OwnerId))
            .OrderBy(x => x.Unit!.Building!.Name).ThenBy(x => x.Unit!.Entrance).ThenBy(x => x.Unit!.Room)
            .Select(x => ValueTuple.Create(x.OwnerId, new UnitAddress(x.UnitId, x.Unit!.Building!.Name, x.Unit.Entrance, x.Unit.Room)));
}
