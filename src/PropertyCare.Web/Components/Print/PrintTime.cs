namespace PropertyCare.Web.Components.Print;

/// <summary>A stored UTC time on a printed form, in the project's time zone ("yyyy-MM-dd HH:mm"); empty when not yet known,
/// which leaves space to write by hand.</summary>
public static class PrintTime
{
    public static string Local(DateTime? utc, string? zoneId)
    {
        if (utc is not { } t) return "";
        TimeZoneInfo zone;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(zoneId) ? "Asia/Shanghai" : zoneId); }
        catch (TimeZoneNotFoundException) { zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm");
    }

    public static string Date(DateTime? utc, string? zoneId) => Local(utc, zoneId) is { Length: > 0 } s ? s[..10] : "";
}
