namespace PropertyCare.Domain.Quality;

/// <summary>The share HQ re-calls: a percentage of the week's closed callbacks, at least a minimum (when there are that
/// many). The handbook says 按区域大小分配抽访的比例; the company sets it, 10 % and at least 3 by default.</summary>
public sealed record SampleRule(int SharePercent = 10, int Minimum = 3)
{
    public static readonly SampleRule Default = new();

    public List<Common.FieldError> Validate()
    {
        var e = new List<Common.FieldError>();
        if (SharePercent is < 1 or > 100) e.Add(new(nameof(SharePercent), new("抽访比例须在 1% 到 100% 之间", "The share must be 1 % to 100 %")));
        if (Minimum is < 0 or > 100) e.Add(new(nameof(Minimum), new("最少抽访数须在 0 到 100 之间", "The minimum must be 0 to 100")));
        return e;
    }

    /// <summary>How many a population of <paramref name="population"/> gives at random: the share rounded up, at least the
    /// minimum, never more than there are.</summary>
    public int Target(int population) =>
        Math.Min(population, Math.Max(Minimum, (int)Math.Ceiling(population * SharePercent / 100m)));
}

/// <summary>One closed callback of the week, as the draw sees it.</summary>
public sealed record SampleCandidate(SampleSource Source, int SourceId, int Round, bool Unsatisfied, bool Reworked, bool Escalated)
{
    /// <summary>The case the handbook always re-calls, with its reason; null when only chance can pick it.</summary>
    public SampleReason? Mandatory => Unsatisfied ? SampleReason.Unsatisfied : Reworked ? SampleReason.Reworked : Escalated ? SampleReason.Escalated : null;
}

public sealed record SampledItem(SampleCandidate Candidate, SampleReason Reason);

/// <summary>The draw itself, a pure function: the same candidates, rule and seed always give the same items. Every
/// mandatory case is in; the random part fills up to the rule's target from the rest. Candidates are put in a fixed
/// order first (source, id, round), so the database's row order cannot change the result.</summary>
public static class SampleDraw
{
    public static List<SampledItem> Draw(IEnumerable<SampleCandidate> candidates, SampleRule rule, int seed)
    {
        var ordered = candidates.DistinctBy(c => (c.Source, c.SourceId, c.Round))
            .OrderBy(c => c.Source).ThenBy(c => c.SourceId).ThenBy(c => c.Round).ToList();
        var result = ordered.Where(c => c.Mandatory != null).Select(c => new SampledItem(c, c.Mandatory!.Value)).ToList();
        var rest = ordered.Where(c => c.Mandatory == null).ToList();
        var wanted = Math.Min(rest.Count, Math.Max(0, rule.Target(ordered.Count) - result.Count));
        // A partial Fisher–Yates shuffle with our own generator: System.Random's seeded sequence is not promised to stay
        // the same across .NET versions, and a recorded seed must redraw the same sample years later.
        var rng = new SplitMix64((ulong)(uint)seed);
        for (var i = 0; i < wanted; i++)
        {
            var j = i + (int)rng.NextBelow((ulong)(rest.Count - i));
            (rest[i], rest[j]) = (rest[j], rest[i]);
            result.Add(new SampledItem(rest[i], SampleReason.Random));
        }
        return result;
    }
}

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): a tiny, fully specified generator, written by hand because its output
/// must never depend on the runtime (see <see cref="SampleDraw"/>). Also used for survey samples.</summary>
public struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound) without modulo bias (rejection of the short top range).</summary>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0) throw new ArgumentOutOfRangeException(nameof(bound));
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong x;
        do x = Next(); while (x >= limit);
        return x % bound;
    }
}
