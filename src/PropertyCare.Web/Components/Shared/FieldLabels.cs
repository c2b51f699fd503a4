using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Web.Components.Shared;

/// <summary>How history names entities, fields and values in the two UI languages.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, Text> Fields = new()
    {
        ["Name"] = new("名称/姓名", "Name"), ["IdType"] = new("证件类型", "ID type"), ["IdNumber"] = new("证件号码", "ID number"),
        ["Phone"] = new("电话", "Phone"), ["Phone2"] = new("备用电话", "Second phone"), ["Email"] = new("邮箱", "Email"),
        ["ContactPreference"] = new("联系偏好", "Preferred contact"), ["MoveInDate"] = new("入住日期", "Move-in date"),
        ["Notes"] = new("备注", "Notes"), ["PhoneFlaggedWrong"] = new("号码待核实", "Number to verify"),
        ["Relation"] = new("关系", "Relation"), ["OwnerId"] = new("业主", "Owner"), ["UnitId"] = new("房屋", "Unit"),
        ["IsPrimary"] = new("主业主", "Primary owner"), ["BuildingId"] = new("楼栋", "Building"), ["Entrance"] = new("单元", "Entrance"),
        ["Floor"] = new("楼层", "Floor"), ["Room"] = new("房号", "Room"), ["Area"] = new("建筑面积", "Area"), ["Type"] = new("户型", "Type"),
        ["State"] = new("房屋状态", "State"), ["Floors"] = new("层数", "Floors"),
    };

    private static readonly Dictionary<string, Text> Entities = new()
    {
        [nameof(Owner)] = new("业主", "owner"), [nameof(Unit)] = new("房屋", "unit"), [nameof(Building)] = new("楼栋", "building"),
        [nameof(HouseholdMember)] = new("家庭成员", "household member"), [nameof(EmergencyContact)] = new("紧急联系人", "emergency contact"),
        [nameof(UnitOwnership)] = new("产权关联", "unit link"),
    };

    public static Text Field(string name) => Fields.GetValueOrDefault(name) ?? new(name, name);
    public static Text Entity(string name) => Entities.GetValueOrDefault(name) ?? new(name, name);

    public static Text Action(ChangeAction a) => a switch
    {
        ChangeAction.Created => new("新建", "Created"),
        ChangeAction.Updated => new("修改", "Updated"),
        _ => new("删除", "Deleted"),
    };

    public static string Value(FieldChange c, string? value) => c.Sensitive switch
    {
        SensitiveKind.Phone => ContactRules.MaskPhone(value),
        SensitiveKind.IdNumber => ContactRules.MaskIdNumber(value),
        _ => EnumLabel(c.Field, value) ?? value ?? "—",
    };

    private static string? EnumLabel(string field, string? value)
    {
        var zh = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh");
        return field switch
        {
            "State" when Enum.TryParse<UnitState>(value, out var s) => s.Label().For(zh),
            "IdType" when Enum.TryParse<IdDocumentType>(value, out var t) => t.Label().For(zh),
            "ContactPreference" when Enum.TryParse<ContactPreference>(value, out var p) => p.Label().For(zh),
            "IsPrimary" or "PhoneFlaggedWrong" => value == "True" ? (zh ? "是" : "yes") : (zh ? "否" : "no"),
            _ => null,
        };
    }

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Stored in UTC, shown in China time (the project's zone; all demo projects are in Asia/Shanghai).</summary>
    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public static string Local(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    /// <summary>Times in lists as people read them (docs/ux): <c>MM-dd HH:mm</c>, with the year only when it is not this year.</summary>
    public static string Short(DateTime utc, DateTime? nowUtc = null)
    {
        var local = ToLocal(utc);
        return local.ToString(local.Year == ToLocal(nowUtc ?? DateTime.UtcNow).Year ? "MM-dd HH:mm" : "yyyy-MM-dd HH:mm");
    }
}
