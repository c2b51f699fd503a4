using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

/// <summary>Whether works may go on at a local moment: inside one of the project's windows (允许施工时间), and on a rest
/// day or holiday of the working calendar (weekends, 放假, but not 调休上班) no noisy work when the project forbids it.
/// The patrol form shows the answer for "now"; the stop-work notice prints <see cref="Describe"/>.</summary>
public static class WorkingHoursRule
{
    public sealed record Verdict(bool Allowed, Text Reason);

    public static Verdict Check(DateTime local, bool noisy, RenovationSettings settings, WorkingCalendar calendar)
    {
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var restDay = !calendar.IsWorkingDay(date);
        if (restDay && noisy && settings.NoNoisyWorkOnRestDays)
            return new(false, new("休息日及节假日禁止噪音施工", "No noisy work on rest days and holidays"));
        if (!settings.WorkingHours.Any(w => time >= w.Start && time < w.End))
            return new(false, new($"现在不在允许施工时间内（{settings.HoursText}）", $"Outside the allowed hours ({settings.HoursText})"));
        return new(true, restDay ? new("休息日：仅允许非噪音施工", "Rest day: quiet work only") : new("允许施工时间内", "Within the allowed hours"));
    }

    /// <summary>每日 08:00–12:00、14:00–18:00；休息日及节假日禁止噪音施工 — as printed on the notice.</summary>
    public static Text Describe(RenovationSettings settings) => settings.NoNoisyWorkOnRestDays
        ? new($"每日 {settings.HoursText}；休息日及法定节假日禁止噪音施工", $"Daily {settings.HoursText}; no noisy work on rest days and holidays")
        : new($"每日 {settings.HoursText}", $"Daily {settings.HoursText}");
}
