using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>The sampled week: Monday 00:00 to the next Monday 00:00, project-local, and the seed recorded with its draw.</summary>
public static class SampleWeek
{
    /// <summary>The Monday of the week before the one <paramref name="localDay"/> is in ("last week" for a Monday run).</summary>
    public static DateOnly LastWeekOf(DateOnly localDay) => MondayOf(localDay).AddDays(-7);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static (DateTime FromUtc, DateTime ToUtc) RangeUtc(ProjectClock clock, DateOnly weekStart) =>
        (clock.ToUtc(weekStart.ToDateTime(TimeOnly.MinValue)), clock.ToUtc(weekStart.AddDays(7).ToDateTime(TimeOnly.MinValue)));

    /// <summary>The seed of a project's week: derived, not random, so a lost seed could be derived again — and recorded
    /// anyway, so a later change of this rule cannot change an old draw. Mixed through <see cref="SplitMix64"/> (fixed by
    /// its specification, unlike string.GetHashCode, which is randomised per process).</summary>
    public static int SeedOf(int projectId, DateOnly weekStart) =>
        unchecked((int)new SplitMix64(((ulong)(uint)projectId << 32) | (uint)weekStart.DayNumber).Next());
}
