using PropertyCare.Domain.Common;

namespace PropertyCare.Infrastructure.Owners.Import;

/// <summary>The columns of an owner/unit import file.</summary>
public enum ImportColumn
{
    Building, Entrance, Floor, Room, Area, Type, State, OwnerName, IdType, IdNumber, Phone, Phone2, MoveInDate,
}

/// <summary>A column's header as the template writes it, and the other spellings people type.</summary>
public sealed record ImportColumnInfo(ImportColumn Column, Text Header, bool Required, string[] Aliases, string Example);

public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumnInfo> All =
    [
        new(ImportColumn.Building, new("楼栋", "Building"), true, ["楼号", "楼栋号", "楼宇"], "1栋"),
        new(ImportColumn.Entrance, new("单元", "Entrance"), false, ["单元号"], "1"),
        new(ImportColumn.Floor, new("楼层", "Floor"), true, ["层"], "12"),
        new(ImportColumn.Room, new("房号", "Room"), true, ["房间号", "门牌号"], "1202"),
        new(ImportColumn.Area, new("建筑面积", "Area"), true, ["面积", "建筑面积(㎡)", "建筑面积（㎡）", "建筑面积(m²)"], "89.5"),
        new(ImportColumn.Type, new("户型", "Type"), false, ["房屋类型", "Unit type"], "三室两厅"),
        new(ImportColumn.State, new("房屋状态", "State"), false, ["状态", "Unit state"], "已入住"),
        new(ImportColumn.OwnerName, new("业主姓名", "Owner name"), false, ["业主", "姓名", "OwnerName"], "张伟"),
        new(ImportColumn.IdType, new("证件类型", "ID type"), false, ["IdType"], "居民身份证"),
        new(ImportColumn.IdNumber, new("证件号码", "ID number"), false, ["身份证号", "身份证号码", "IdNumber"], "11010519491231002X"),
        new(ImportColumn.Phone, new("手机号码", "Phone"), false, ["手机号", "联系电话", "电话"], "13800138000"),
        new(ImportColumn.Phone2, new("备用电话", "Phone 2"), false, ["Phone2", "Second phone"], ""),
        new(ImportColumn.MoveInDate, new("入住日期", "Move-in date"), false, ["MoveInDate"], "2020-05-01"),
    ];

    public static ImportColumnInfo Info(this ImportColumn c) => All[(int)c];

    /// <summary>Headers are matched loosely: case, spaces, "_"/"-" and a required-marker "*" do not count.</summary>
    internal static string Normalize(string header) =>
        new string(header.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('*' or '_' or '-' or '＊')).ToArray()).ToLowerInvariant();

    internal static ImportColumn? Find(string header)
    {
        var key = Normalize(header);
        if (key.Length == 0) return null;
        foreach (var c in All)
            if (Normalize(c.Header.Zh) == key || Normalize(c.Header.En) == key || c.Aliases.Any(a => Normalize(a) == key))
                return c.Column;
        return null;
    }
}

/// <summary>Where each known column is in this file. Header order is free; unknown columns are kept in
/// the file (and in the error report) but ignored.</summary>
public sealed class ImportColumnMap
{
    private readonly Dictionary<ImportColumn, int> _index;

    private ImportColumnMap(Dictionary<ImportColumn, int> index) => _index = index;

    public bool Has(ImportColumn column) => _index.ContainsKey(column);

    /// <summary>The cell of a column, trimmed; "" when the column or cell is absent.</summary>
    public string Get(IReadOnlyList<string> cells, ImportColumn column) =>
        _index.TryGetValue(column, out var i) && i < cells.Count ? (cells[i] ?? "").Trim() : "";

    public static ImportColumnMap Parse(IReadOnlyList<string> header, List<Text> errors)
    {
        var index = new Dictionary<ImportColumn, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (ImportColumns.Find(header[i] ?? "") is not { } column) continue;
            // Two columns for one field would leave it to chance which one is imported.
            if (!index.TryAdd(column, i))
                errors.Add(new($"表头中“{column.Info().Header.Zh}”列出现了多次", $"The column \"{column.Info().Header.En}\" appears more than once"));
        }
        var missing = ImportColumns.All.Where(c => c.Required && !index.ContainsKey(c.Column)).ToList();
        if (missing.Count > 0)
            errors.Add(new($"缺少必填列：{string.Join("、", missing.Select(c => c.Header.Zh))}",
                $"Missing required columns: {string.Join(", ", missing.Select(c => c.Header.En))}"));
        return new ImportColumnMap(index);
    }
}
