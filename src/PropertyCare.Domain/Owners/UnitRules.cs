using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

public sealed record UnitDetails(int BuildingId, string Entrance, int Floor, string Room, decimal Area, string Type, UnitState State);

public static class UnitRules
{
    /// <summary>The states a unit can take at delivery (入伙): 出租 comes later, through the owner, never at handover.</summary>
    public static readonly IReadOnlyList<UnitState> DeliveredStates = [UnitState.Vacant, UnitState.Renovating, UnitState.Occupied];

    public static List<FieldError> Validate(UnitDetails d, Building? building)
    {
        var e = new List<FieldError>();
        if (building == null) e.Add(new(nameof(d.BuildingId), new("请选择楼栋", "Choose a building")));
        if (string.IsNullOrWhiteSpace(d.Room)) e.Add(new(nameof(d.Room), new("请填写房号", "Room number is required")));
        else if (d.Room.Trim().Length > TextLimits.Label) e.Add(new(nameof(d.Room), new($"房号不能超过 {TextLimits.Label} 个字符", $"Room number must be at most {TextLimits.Label} characters")));
        if (d.Entrance.Trim().Length > TextLimits.Entrance) e.Add(new(nameof(d.Entrance), new($"单元不能超过 {TextLimits.Entrance} 个字符", $"Entrance must be at most {TextLimits.Entrance} characters")));
        // Basements are negative floors (地下室 -1, -2).
        if (d.Floor is < -5 or 0 || (building != null && building.Floors > 0 && d.Floor > building.Floors))
            e.Add(new(nameof(d.Floor), new(building != null ? $"楼层应在 -5 至 {building.Floors} 之间且不为 0" : "楼层无效",
                building != null ? $"Floor must be between -5 and {building.Floors}, not 0" : "Invalid floor")));
        if (d.Area <= 0 || d.Area > 10000) e.Add(new(nameof(d.Area), new("建筑面积应大于 0 且不超过 10000 ㎡", "Area must be above 0 and at most 10,000 m²")));
        if (d.Type.Trim().Length > TextLimits.Label) e.Add(new(nameof(d.Type), new($"户型不能超过 {TextLimits.Label} 个字", $"Unit type must be at most {TextLimits.Label} characters")));
        return e;
    }

    public static List<FieldError> ValidateBuilding(string name, int floors)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name)) e.Add(new("Name", new("请填写楼栋名称", "Building name is required")));
        else if (name.Trim().Length > TextLimits.Label) e.Add(new("Name", new($"楼栋名称不能超过 {TextLimits.Label} 个字", $"Building name must be at most {TextLimits.Label} characters")));
        if (floors is < 1 or > 200) e.Add(new("Floors", new("层数应在 1–200 之间", "Floors must be between 1 and 200")));
        return e;
    }
}
