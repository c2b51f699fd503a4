namespace PropertyCare.Domain.Quality;

/// <summary>抽访批次: HQ's weekly sample of one project's closed callbacks. Made once per project and week by the
/// draw job, with the seed recorded so anyone can draw it again and get the same items; it never changes afterwards
/// (the database keeps one per project and week).</summary>
public class CallbackSample : Common.ITenantOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int CompanyId { get; private set; }
    /// <summary>Monday of the sampled week (project-local); the week is Monday 00:00 to the next Monday 00:00.</summary>
    public DateOnly WeekStart { get; private set; }
    public int Seed { get; private set; }
    public int SharePercent { get; private set; }
    public int Minimum { get; private set; }
    /// <summary>How many closed callbacks the week had (the population the share is taken of).</summary>
    public int Population { get; private set; }
    public int Drawn { get; private set; }
    public DateTime DrawnAt { get; private set; }
    /// <summary>"system" for the weekly job, else the HQ user who ran it now.</summary>
    public string DrawnBy { get; private set; } = "";

    public static CallbackSample Record(int projectId, int companyId, DateOnly weekStart, SampleRule rule, int seed, int population, int drawn,
        DateTime atUtc, string by) => new()
    {
        ProjectId = projectId, CompanyId = companyId, WeekStart = weekStart, Seed = seed, SharePercent = rule.SharePercent,
        Minimum = rule.Minimum, Population = population, Drawn = drawn, DrawnAt = atUtc, DrawnBy = by,
    };
}
