namespace PropertyCare.Infrastructure;

/// <summary>The system clock moved forward by an offset, for end-to-end tests that need "two days later"
/// without waiting (a callback becoming due). Only registered when PropertyCare:TestClock is on, which the
/// production configuration never sets.</summary>
public sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
    /// <summary>Back to real time: a test that moved the clock leaves it as it found it.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
