namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>Completing an order schedules its callback reminder through Quartz. Every SchedulerHost names its
/// scheduler "PropertyCare" and Quartz keeps schedulers in a process-wide repository by name, so a test here
/// running next to SchedulerTests would hand them (and later shut down) the same scheduler over another
/// database. These tests therefore run on their own, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RepairsCollection
{
    public const string Name = "repairs";
}
