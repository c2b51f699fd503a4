using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PropertyCare.Infrastructure.Spreadsheets;

/// <summary>Which cells show dates (from styles.xml, streamed) and how a date serial is shown.</summary>
internal static class XlsxDateStyles
{
    public static string? FormatDate(double serial, bool date1904)
    {
        if (date1904) serial += 1462;
        if (serial < 0 || serial > 2958465) return null; // outside what Excel can show as a date
        var dt = DateTime.FromOADate(serial);
        if (serial < 1) return dt.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    // Built-in date/time formats: 14–22 and 45–47 everywhere, 27–36 and 50–58 are the CJK-locale
    // date formats (yyyy年m月d日 and friends) that Chinese Excel uses.
    private static readonly HashSet<int> BuiltInDateFormats =
        [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    /// <summary>Excel keeps at most ~64,000 cell formats and a few hundred custom number formats; more are
    /// ignored (shown as numbers) rather than held.</summary>
    private const int MaxStyles = 65_536;

    /// <summary>Indexes of the cell formats (cellXfs/xf, in order) that show a date, streamed from styles.xml.
    /// Only the top-level numFmts and cellXfs count (depth 2 = styleSheet/list/item): differential formats
    /// (dxfs/dxf/numFmt) and cellStyleXfs are something else.</summary>
    public static HashSet<int> DateStyleIndexes(WorkbookStylesPart part)
    {
        var customDates = new HashSet<int>();
        var result = new HashSet<int>();
        var index = 0;
        var inCellXfs = false;
        using var xml = XlsxReader.Open(part);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs" && xml.Depth == 1) inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when xml.Depth == 2 && customDates.Count < MaxStyles:
                    if (int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        && IsDateFormatCode(xml.GetAttribute("formatCode") ?? ""))
                        customDates.Add(id);
                    break;
                case "cellXfs" when xml.Depth == 1:
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs && xml.Depth == 2 && index < MaxStyles:
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (BuiltInDateFormats.Contains(format) || customDates.Contains(format)) result.Add(index);
                    index++;
                    break;
            }
        }
        return result;
    }

    /// <summary>A custom format is a date if, outside quoted literals, escapes and [..] sections, it uses
    /// a date/time letter. Number formats ("0.00", "#,##0\"元\"", "@") have none.</summary>
    public static bool IsDateFormatCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    i = code.IndexOf('"', i + 1);
                    if (i < 0) return false;
                    break;
                case '[':
                    i = code.IndexOf(']', i + 1);
                    if (i < 0) return false;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is a literal, padding or fill
                    break;
                default:
                    if ("yYmMdDhHsS".Contains(c)) return true;
                    break;
            }
        }
        return false;
    }
}
