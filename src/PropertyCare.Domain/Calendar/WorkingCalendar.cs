namespace PropertyCare.Domain.Calendar;

/// <summary>China's working days: Monday to Friday, except the official holidays, plus the weekend days
/// worked in exchange (调休). Answers "add N working days" and "working time between" for deadlines such
/// as "handle within 2 working days, at most 7". Times are local to the project (Asia/Shanghai); a working
/// day counts whole (00:00–24:00), as the handbooks count days, not office hours.</summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, DayKind> _exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> days) =>
        _exceptions = days.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last().Kind);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var kind)
            ? kind == DayKind.Workday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The Nth working day after <paramref name="date"/> (the date itself is not counted);
    /// with n = 0, the date itself when it is a working day, else the next one.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0) { while (!IsWorkingDay(date)) date = date.AddDays(1); return date; }
        while (n > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) n--;
        }
        return date;
    }

    /// <summary>The moment when <paramref name="workingTime"/> of working-day time has passed after
    /// <paramref name="start"/>. A request received on a holiday starts its clock on the next working day.</summary>
    public DateTime AddWorkingTime(DateTime start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var t = start;
        var left = workingTime;
        while (true)
        {
            var day = DateOnly.FromDateTime(t);
            var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue, t.Kind);
            if (IsWorkingDay(day))
            {
                var available = endOfDay - t;
                if (left <= available) return t + left;
                left -= available;
            }
            t = endOfDay;
        }
    }

    /// <summary>Working-day time between two moments (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan WorkingTimeBetween(DateTime from, DateTime to)
    {
        var total = TimeSpan.Zero;
        for (var t = from; t < to;)
        {
            var day = DateOnly.FromDateTime(t);
            var next = day.AddDays(1).ToDateTime(TimeOnly.MinValue, t.Kind);
            var end = next < to ? next : to;
            if (IsWorkingDay(day)) total += end - t;
            t = end;
        }
        return total;
    }

    /// <summary>Whole working days from one date to a later one: (from, to].</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) n++;
        return n;
    }
}
