namespace PropertyCare.Infrastructure.Tests.Support;

/// <summary>A clock the test moves by hand, so time-driven behaviour is tested without waiting.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}
