namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The repair tests run on their own, after the parallel ones. (They once had to: Quartz kept its
/// schedulers process-wide by name. Hangfire is registered per service provider, so that reason is gone; the
/// collection stays so the suite's timing does not change with the scheduler.)</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RepairsCollection
{
    public const string Name = "repairs";
}
