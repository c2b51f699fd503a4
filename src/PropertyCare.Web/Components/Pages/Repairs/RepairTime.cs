namespace PropertyCare.Web.Components.Pages.Repairs;

/// <summary>Times in lists as people read them: <c>MM-dd HH:mm</c> in China time, with the year only when it is not this year.</summary>
public static class RepairTime
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public static string Short(DateTime utc, DateTime? nowUtc = null)
    {
        var local = ToLocal(utc);
        var thisYear = ToLocal(nowUtc ?? DateTime.UtcNow).Year;
        return local.ToString(local.Year == thisYear ? "MM-dd HH:mm" : "yyyy-MM-dd HH:mm");
    }
}
