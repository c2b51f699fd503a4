using System.Globalization;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Infrastructure.Owners.Import;

/// <summary>A row's cells turned into typed values. Only the formats are checked here (is the floor a
/// number?); the business rules stay in OwnerRules/UnitRules and are applied by the planner.</summary>
internal sealed class ParsedRow
{
    public required ImportRow Row { get; init; }
    public string Building { get; init; } = "";
    public string Entrance { get; init; } = "";
    public int? Floor { get; init; }
    public string Room { get; init; } = "";
    public decimal? Area { get; init; }
    public string Type { get; init; } = "";
    public UnitState? State { get; init; }
    public string OwnerName { get; init; } = "";
    public IdDocumentType IdType { get; init; }
    public string IdNumber { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Phone2 { get; init; } = "";
    public DateOnly? MoveInDate { get; init; }
    /// <summary>Columns whose cell could not be read; their rule checks are skipped so one mistake gives one message.</summary>
    public HashSet<ImportColumn> Unreadable { get; } = [];
    public List<Text> Errors { get; } = [];

    public bool HasOwner => OwnerName.Length > 0;
    /// <summary>How the same owner is recognised: Owner.Apply stores ID numbers trimmed and upper-case.</summary>
    public string OwnerKey => IdNumber.ToUpperInvariant();
    public (string Building, string Entrance, string Room) UnitKey => (Building, Entrance, Room);

    public static ParsedRow Parse(ImportRow row, ImportColumnMap map)
    {
        string Cell(ImportColumn c) => map.Get(row.Cells, c);
        var unreadable = new List<(ImportColumn, Text)>();

        int? floor = null;
        var floorText = Cell(ImportColumn.Floor);
        if (floorText.Length == 0) unreadable.Add((ImportColumn.Floor, new("请填写楼层", "Floor is required")));
        else if (int.TryParse(Strip(floorText, "层", "F", "f"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var f)) floor = f;
        else unreadable.Add((ImportColumn.Floor, new($"“{floorText}”不是整数楼层（地下室用负数，如 -1）", $"\"{floorText}\" is not a whole floor number (basements are negative, e.g. -1)")));

        decimal? area = null;
        var areaText = Cell(ImportColumn.Area);
        if (areaText.Length == 0) unreadable.Add((ImportColumn.Area, new("请填写建筑面积", "Area is required")));
        else if (decimal.TryParse(Strip(areaText, "㎡", "m²", "m2", "平方米", "平米"), NumberStyles.Number, CultureInfo.InvariantCulture, out var a)) area = a;
        else unreadable.Add((ImportColumn.Area, new($"“{areaText}”不是数字", $"\"{areaText}\" is not a number")));

        UnitState? state = null;
        var stateText = Cell(ImportColumn.State);
        if (stateText.Length > 0)
        {
            if (UnitStateText.TryParse(stateText, out var s)) state = s;
            else unreadable.Add((ImportColumn.State, new(
                $"无法识别“{stateText}”，应为：{string.Join("/", Enum.GetValues<UnitState>().Select(v => v.Label().Zh))}",
                $"\"{stateText}\" is not one of: {string.Join(", ", Enum.GetValues<UnitState>().Select(v => v.Label().En))}")));
        }

        var idType = IdDocumentType.ResidentIdCard;
        var idTypeText = Cell(ImportColumn.IdType);
        if (idTypeText.Length > 0 && !OwnerEnumText.TryParseLabel<IdDocumentType>(idTypeText, OwnerEnumText.Label, out idType))
            unreadable.Add((ImportColumn.IdType, new(
                $"无法识别“{idTypeText}”，应为：{string.Join("/", Enum.GetValues<IdDocumentType>().Select(v => v.Label().Zh))}",
                $"\"{idTypeText}\" is not one of: {string.Join(", ", Enum.GetValues<IdDocumentType>().Select(v => v.Label().En))}")));

        DateOnly? moveIn = null;
        var dateText = Cell(ImportColumn.MoveInDate);
        if (dateText.Length > 0)
        {
            if (TryParseDate(dateText, out var d)) moveIn = d;
            else unreadable.Add((ImportColumn.MoveInDate, new($"“{dateText}”不是有效日期（如 2020-05-01 或 2020/5/1）",
                $"\"{dateText}\" is not a valid date (e.g. 2020-05-01 or 2020/5/1)")));
        }

        var parsed = new ParsedRow
        {
            Row = row,
            Building = Cell(ImportColumn.Building),
            // "2单元" and "2" are the same entrance; Unit.Address adds the suffix back.
            Entrance = Strip(Cell(ImportColumn.Entrance), "单元"),
            Floor = floor,
            Room = Cell(ImportColumn.Room),
            Area = area,
            Type = Cell(ImportColumn.Type),
            State = state,
            OwnerName = Cell(ImportColumn.OwnerName),
            IdType = idType,
            IdNumber = Cell(ImportColumn.IdNumber),
            Phone = Cell(ImportColumn.Phone),
            Phone2 = Cell(ImportColumn.Phone2),
            MoveInDate = moveIn,
        };
        foreach (var (column, message) in unreadable) parsed.AddError(column, message);

        // Owner details without a name would be dropped silently: the row would import as "unit only".
        if (!parsed.HasOwner && (parsed.IdNumber.Length > 0 || parsed.Phone.Length > 0 || parsed.Phone2.Length > 0))
            parsed.AddError(ImportColumn.OwnerName, new("填写了证件号码或电话时请填写业主姓名", "Owner name is required when an ID or phone number is given"));
        return parsed;
    }

    public void AddError(ImportColumn column, Text message)
    {
        Unreadable.Add(column);
        Errors.Add(Prefix(column, message));
    }

    /// <summary>"手机号码：…" / "Phone: …" — which cell to fix, then what is wrong.</summary>
    public static Text Prefix(ImportColumn column, Text message)
    {
        var header = column.Info().Header;
        return new($"{header.Zh}：{message.Zh}", $"{header.En}: {message.En}");
    }

    private static string Strip(string text, params string[] suffixes)
    {
        foreach (var s in suffixes)
            if (text.Length > s.Length && text.EndsWith(s, StringComparison.Ordinal)) return text[..^s.Length].Trim();
        return text;
    }

    private static readonly string[] DateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm"];

    private static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        date = default;
        return false;
    }
}
