using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

/// <summary>房屋 — addressed as building-unit-floor-room, e.g. 3栋-2单元-12层-1202.</summary>
public class Unit : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int BuildingId { get; set; }
    public Building? Building { get; set; }
    /// <summary>单元 (entrance/stairwell), e.g. "1". Empty for buildings without entrances.</summary>
    public string Entrance { get; set; } = "";
    public int Floor { get; set; }
    /// <summary>房号 as written on the door, e.g. "1202".</summary>
    public string Room { get; set; } = "";
    /// <summary>建筑面积, m².</summary>
    public decimal Area { get; set; }
    /// <summary>户型, e.g. "三室两厅" or "商铺".</summary>
    public string Type { get; set; } = "";
    public UnitState State { get; set; }
    public int Version { get; set; }
    public List<UnitOwnership> Ownerships { get; set; } = [];
    public (string Type, int Id)? HistoryParent => null;

    /// <summary>交付: a unit not yet delivered becomes 空置, 装修中 or 已入住 when its move-in is done (办理入伙手续).
    /// Only through this rule, so a delivered unit is never "delivered" again and no unit is delivered as 出租 or 未交付.</summary>
    public void Deliver(UnitState to)
    {
        if (State != UnitState.NotDelivered)
            throw new DomainException(new($"房屋当前为“{State.Label().Zh}”，已交付，不能再次办理交付",
                $"The unit is {State.Label().En}; it has been delivered already"));
        if (!UnitRules.DeliveredStates.Contains(to))
            throw new DomainException(new("交付后的房屋状态只能是空置、装修中或已入住", "A delivered unit becomes vacant, renovating or occupied"));
        State = to;
    }

    public string Address(string buildingName) =>
        string.IsNullOrEmpty(Entrance) ? $"{buildingName}-{Room}" : $"{buildingName}-{Entrance}单元-{Room}";
}
