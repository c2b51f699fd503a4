using System.Globalization;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.VacantUnits;

/// <summary>How often every vacant unit is inspected; the manager sets it per project (default monthly).</summary>
public enum InspectionFrequency
{
    Weekly = 0,     // 每周 (Monday–Sunday)
    Monthly = 1,    // 每月 (default)
    Quarterly = 2,  // 每季度
}

/// <summary>One inspection period in the project's own calendar: its first and last local day, a key that names it
/// (2026-11, 2026-W48, 2026-Q4 — the task's dedup key, so a second run of the job finds the tasks it made), and the
/// UTC instants it starts and is due (the last local day's end).</summary>
public sealed record InspectionCycle(InspectionFrequency Frequency, DateOnly FirstDay, DateOnly LastDay, string Key, DateTime StartUtc, DateTime DueUtc)
{
    public bool Contains(DateTime utc) => utc >= StartUtc && utc <= DueUtc;

    /// <summary>The cycle the instant <paramref name="nowUtc"/> falls in, read on the project's wall clock: at 00:30 on
    /// 1 December in Shanghai it is December's cycle although UTC still says 30 November.</summary>
    public static InspectionCycle At(InspectionFrequency frequency, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (nowUtc.Kind == DateTimeKind.Local) throw new ArgumentException("Pass a UTC time", nameof(nowUtc));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone));
        var (first, last, key) = frequency switch
        {
            InspectionFrequency.Weekly => Week(today),
            InspectionFrequency.Monthly => Month(today),
            InspectionFrequency.Quarterly => Quarter(today),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
        };
        return new(frequency, first, last, key,
            TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), zone),
            TimeZoneInfo.ConvertTimeToUtc(last.ToDateTime(RepairRules.EndOfDay), zone));
    }

    /// <summary>The cycle after this one (its first day is the day after this one's last).</summary>
    public InspectionCycle Next(TimeZoneInfo zone) =>
        At(Frequency, TimeZoneInfo.ConvertTimeToUtc(LastDay.AddDays(1).ToDateTime(new TimeOnly(12, 0)), zone), zone);

    private static (DateOnly, DateOnly, string) Week(DateOnly d)
    {
        var monday = d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return (monday, monday.AddDays(6), $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):D2}");
    }

    private static (DateOnly, DateOnly, string) Month(DateOnly d)
    {
        var first = new DateOnly(d.Year, d.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1), $"{d.Year}-{d.Month:D2}");
    }

    private static (DateOnly, DateOnly, string) Quarter(DateOnly d)
    {
        var q = (d.Month - 1) / 3;
        var first = new DateOnly(d.Year, q * 3 + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1), $"{d.Year}-Q{q + 1}");
    }
}

/// <summary>空置房巡查设置 — the manager's choice of frequency for the project.</summary>
public class VacantInspectionSettings : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public InspectionFrequency Frequency { get; set; } = InspectionFrequency.Monthly;
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;
}
