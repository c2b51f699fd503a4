using PropertyCare.Domain.Calendar;

namespace PropertyCare.Domain.Complaints;

/// <summary>The project's working calendar and time zone, for the complaint deadlines: stored times are UTC, but a
/// deadline is "the end of the Nth working day" in the project's own days (国庆, 调休 and weekends counted as the
/// calendar says). A deadline is the very end of its day, to the microsecond every database keeps.</summary>
public sealed record ComplaintTime(WorkingCalendar Calendar, TimeZoneInfo Zone)
{
    public static readonly TimeOnly EndOfDay = new(23, 59, 59, 999, 999);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The end (UTC) of the local day of <paramref name="utc"/> — same-day items and consultations.</summary>
    public DateTime EndOfSameDay(DateTime utc) => ToUtc(LocalDate(utc).ToDateTime(EndOfDay));

    /// <summary>The end (UTC) of the Nth working day after the local day of <paramref name="utc"/> (that day not counted;
    /// something received on a holiday gets N working days after it).</summary>
    public DateTime EndOfWorkingDays(DateTime utc, int n) => ToUtc(Calendar.AddWorkingDays(LocalDate(utc), n).ToDateTime(EndOfDay));
}
