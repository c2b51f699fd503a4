namespace PropertyCare.Domain.Renovation;

/// <summary>When the next patrol of a renovation is due: <c>PatrolEveryDays</c> after the last patrol, or after the day
/// the permit was issued when there has been none. Only works under way (施工中, 停工) are patrolled. Dates are the
/// project's local dates.</summary>
public static class PatrolSchedule
{
    public static DateOnly? NextDue(RenovationStatus status, DateOnly? permitIssuedOn, DateOnly? lastPatrolOn, int everyDays)
    {
        if (!status.IsActiveWorks() || permitIssuedOn is not { } issued) return null;
        if (everyDays < 1) throw new ArgumentOutOfRangeException(nameof(everyDays));
        var from = lastPatrolOn is { } last && last > issued ? last : issued;
        return from.AddDays(everyDays);
    }

    /// <summary>Due today or overdue.</summary>
    public static bool IsDue(DateOnly? nextDue, DateOnly today) => nextDue is { } d && today >= d;

    /// <summary>Days past the due date (0 when due today or not yet due).</summary>
    public static int DaysOverdue(DateOnly? nextDue, DateOnly today) => nextDue is { } d && today > d ? today.DayNumber - d.DayNumber : 0;
}
