using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

/// <summary>房屋状态.</summary>
public enum UnitState
{
    NotDelivered = 0,   // 未交付
    Vacant = 1,         // 空置
    Renovating = 2,     // 装修中
    Occupied = 3,       // 已入住
    Rented = 4,         // 出租
}

public static class UnitStateText
{
    public static Text Label(this UnitState s) => s switch
    {
        UnitState.NotDelivered => new("未交付", "Not delivered"),
        UnitState.Vacant => new("空置", "Vacant"),
        UnitState.Renovating => new("装修中", "Renovating"),
        UnitState.Occupied => new("已入住", "Occupied"),
        UnitState.Rented => new("出租", "Rented"),
        _ => new(s.ToString(), s.ToString()),
    };

    public static bool TryParse(string text, out UnitState state) => OwnerEnumText.TryParseLabel(text, Label, out state);
}
