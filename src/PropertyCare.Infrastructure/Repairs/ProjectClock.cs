using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>The project's wall clock. Times are stored in UTC; deadlines, callback days and reports are
/// reckoned in the project's own time zone. Reads <see cref="TimeProvider"/> so tests can move time.</summary>
public readonly record struct ProjectClock(TimeProvider Time, TimeZoneInfo Zone)
{
    public static ProjectClock For(TimeProvider time, Project project) =>
        new(time, TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(project.TimeZone) ? "Asia/Shanghai" : project.TimeZone));

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;
    public DateTime LocalNow => ToLocal(UtcNow);
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC range of one local day, for "what happened that day" queries.</summary>
    public (DateTime From, DateTime To) DayRangeUtc(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
}
