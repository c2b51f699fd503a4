using PropertyCare.Domain.Calendar;

namespace PropertyCare.Domain.Repairs;

/// <summary>Numbers, deadlines and callback dates of repair orders. Times are local to the project.</summary>
public static class RepairRules
{
    /// <summary>BX-yyyyMMdd-NNNN: the day it was received and its sequence that day in the project.</summary>
    public static string Number(DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return $"BX-{day:yyyyMMdd}-{sequence:D4}";
    }

    /// <summary>Urgent items (danger to people or property, no water, power or lift) are due the same day;
    /// others within the project's number of working days.</summary>
    /// <summary>23:59:59.999999.</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59, 59, 999, 999);

    public static DateTime DueAt(DateTime receivedLocal, RepairUrgency urgency, int normalWorkingDays, WorkingCalendar calendar)
    {
        // The very end of the day, so even a call at 23:59:59.5 is still due "today" — to the microsecond, the finest
        // time every database provider stores (PostgreSQL keeps microseconds; a last tick would be cut off there).
        if (urgency == RepairUrgency.Urgent) return DateOnly.FromDateTime(receivedLocal).ToDateTime(EndOfDay);
        ArgumentOutOfRangeException.ThrowIfLessThan(normalWorkingDays, 1);
        return calendar.AddWorkingTime(receivedLocal, TimeSpan.FromDays(normalWorkingDays));
    }

    /// <summary>回访日: installations the next day; repairs after the project's 1–3 days.</summary>
    public static DateOnly CallbackDate(DateTime completedLocal, WorkKind kind, int repairCallbackDays)
    {
        if (repairCallbackDays is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(repairCallbackDays), "Repairs are called back 1–3 days after completion.");
        return DateOnly.FromDateTime(completedLocal).AddDays(kind == WorkKind.Installation ? 1 : repairCallbackDays);
    }
}
