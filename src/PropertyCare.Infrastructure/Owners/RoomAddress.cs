using System.Text.RegularExpressions;

namespace PropertyCare.Infrastructure.Owners;

/// <summary>A unit as the caller says it: building, optional entrance, room — "1-1-1203", "1栋1单元1203", "1栋-1203",
/// "3号楼2单元502室", "1 1203". Plain room numbers, names and phones are not addresses (null). The one parser for the
/// desk's intake lookup and the owner pages' unit search.</summary>
public sealed partial record RoomAddress(string Building, string? Entrance, string Room)
{
    /// <summary>The names the building may carry in the register: "1", "1栋", "1幢", "1座", "1号楼".</summary>
    public List<string> BuildingNames => [Building, Building + "栋", Building + "幢", Building + "座", Building + "号楼"];

    public static RoomAddress? Parse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return null;
        return new RoomAddress(m.Groups["b"].Value, m.Groups["e"].Success ? m.Groups["e"].Value : null, m.Groups["r"].Value);
    }

    // building (栋/幢/座/号楼, a dash or a space) [entrance (单元, a dash or a space)] room [室/号]; dashes half or full width.
    [GeneratedRegex(@"^(?<b>[0-9A-Za-z]+)\s*(?:(?:栋|幢|座|号楼)\s*[-－—]?|[-－—]|\s)\s*(?:(?<e>[0-9]+)\s*(?:单元\s*[-－—]?|[-－—]|\s)\s*)?(?<r>[0-9]+)(?:室|号)?$")]
    private static partial Regex Pattern();
}
