using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Calendar;

/// <summary>放假 (a day off, weekday or not) or 调休上班 (a weekend day that is worked).</summary>
public enum DayKind { Holiday = 0, Workday = 1 }

/// <summary>One exception to the Monday–Friday week, from the State Council's yearly holiday notice.
/// National, not per project: the platform admin maintains it.</summary>
public class CalendarDay
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    /// <summary>e.g. 春节, 国庆节.</summary>
    public string Name { get; set; } = "";

    public static List<FieldError> Validate(DateOnly date, DayKind kind, string name)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > TextLimits.Label)
            e.Add(new(nameof(Name), new($"请填写节日名称（不超过 {TextLimits.Label} 字）", $"Name the holiday (at most {TextLimits.Label} characters)")));
        // A worked day only makes sense on a weekend, a day off only on a weekday or as part of a holiday run.
        if (kind == DayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            e.Add(new(nameof(Date), new("调休上班日应为周六或周日", "A worked make-up day must be a Saturday or Sunday")));
        if (date.Year is < 2000 or > 2100) e.Add(new(nameof(Date), new("日期超出范围", "Date out of range")));
        return e;
    }
}
