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

    /// <summary>A fresh seed for a week's draw, from the operating system's secure generator, and recorded with the
    /// sample so anyone can redraw it (<see cref="SampleDraw.Draw"/>). Not derived from the project and week: a
    /// predictable seed would let a project recompute which of its callbacks HQ is about to re-call and prepare those
    /// owners — the very thing the re-call is there to catch.</summary>
    public static int NewSeed() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);
}
