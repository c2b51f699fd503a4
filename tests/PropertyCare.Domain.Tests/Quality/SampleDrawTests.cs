using PropertyCare.Domain.Quality;

namespace PropertyCare.Domain.Tests.Quality;

/// <summary>The weekly 抽访 draw: reproducible from (candidates, rule, seed), every mandatory case in, the target as the
/// handbook's share with a minimum.</summary>
public class SampleDrawTests
{
    private static List<SampleCandidate> Population(int n, params int[] unsatisfied) =>
        Enumerable.Range(1, n).Select(i => new SampleCandidate(i % 3 == 0 ? SampleSource.Complaint : SampleSource.Repair, i, 1, unsatisfied.Contains(i), false, false)).ToList();

    [Fact]
    public void SplitMix64_gives_the_published_first_values()
    {
        // Reference values of the algorithm (Vigna's splitmix64.c) for seeds 0 and 1234567.
        var zero = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, zero.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, zero.Next());
        Assert.Equal(0x06C45D188009454FUL, zero.Next());
        var other = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, other.Next());
        Assert.Equal(3203168211198807973UL, other.Next());
    }

    [Fact]
    public void Same_candidates_rule_and_seed_give_the_same_items_whatever_their_order()
    {
        var pop = Population(57, 4, 20);
        var a = SampleDraw.Draw(pop, SampleRule.Default, 42);
        var shuffled = pop.AsEnumerable().Reverse().Concat(pop.Take(5)).ToList(); // another row order, duplicates too
        var b = SampleDraw.Draw(shuffled, SampleRule.Default, 42);
        Assert.Equal(a.Select(x => (x.Candidate.SourceId, x.Reason)), b.Select(x => (x.Candidate.SourceId, x.Reason)));
        var c = SampleDraw.Draw(pop, SampleRule.Default, 43);
        Assert.NotEqual(a.Select(x => x.Candidate.SourceId), c.Select(x => x.Candidate.SourceId));
    }

    [Fact]
    public void Every_unsatisfied_reworked_and_escalated_case_is_in_with_its_reason()
    {
        var pop = Population(40);
        pop[4] = pop[4] with { Unsatisfied = true };
        pop[9] = pop[9] with { Reworked = true, Round = 2 };
        pop[14] = pop[14] with { Escalated = true };
        pop[19] = pop[19] with { Unsatisfied = true, Escalated = true };
        foreach (var seed in new[] { 1, 2, 3, 99, -5 })
        {
            var d = SampleDraw.Draw(pop, new SampleRule(5, 0), seed);
            Assert.Contains(d, x => x.Candidate.SourceId == 5 && x.Reason == SampleReason.Unsatisfied);
            Assert.Contains(d, x => x.Candidate.SourceId == 10 && x.Reason == SampleReason.Reworked);
            Assert.Contains(d, x => x.Candidate.SourceId == 15 && x.Reason == SampleReason.Escalated);
            Assert.Contains(d, x => x.Candidate.SourceId == 20 && x.Reason == SampleReason.Unsatisfied);
            // 5 % of 40 = 2, already exceeded by the 4 mandatory: no random ones.
            Assert.Equal(4, d.Count);
        }
    }

    [Theory]
    [InlineData(0, 10, 3, 0)]
    [InlineData(2, 10, 3, 2)]    // the minimum is more than there are: all of them
    [InlineData(3, 10, 3, 3)]
    [InlineData(29, 10, 3, 3)]   // 2.9 → 3
    [InlineData(31, 10, 3, 4)]   // 3.1 rounds up
    [InlineData(100, 10, 3, 10)]
    [InlineData(100, 10, 20, 20)]
    [InlineData(7, 100, 0, 7)]
    public void Target_is_the_share_rounded_up_at_least_the_minimum_never_more_than_the_population(int population, int share, int min, int expected) =>
        Assert.Equal(expected, new SampleRule(share, min).Target(population));

    [Fact]
    public void Random_part_fills_up_to_the_target_with_distinct_non_mandatory_items()
    {
        var pop = Population(100, 7);
        var d = SampleDraw.Draw(pop, SampleRule.Default, 2026);
        Assert.Equal(10, d.Count);
        Assert.Single(d, x => x.Reason == SampleReason.Unsatisfied);
        Assert.Equal(9, d.Count(x => x.Reason == SampleReason.Random));
        Assert.Equal(d.Count, d.Select(x => x.Candidate.SourceId).Distinct().Count());
        Assert.DoesNotContain(d, x => x.Reason == SampleReason.Random && x.Candidate.SourceId == 7);
    }

    [Fact]
    public void Rule_validation_refuses_out_of_range_values()
    {
        Assert.Empty(SampleRule.Default.Validate());
        Assert.Contains(new SampleRule(0, 3).Validate(), e => e.Field == nameof(SampleRule.SharePercent));
        Assert.Contains(new SampleRule(101, 3).Validate(), e => e.Field == nameof(SampleRule.SharePercent));
        Assert.Contains(new SampleRule(10, -1).Validate(), e => e.Field == nameof(SampleRule.Minimum));
        Assert.Contains(CompanyQualitySettings.Validate(10, 3, 0), e => e.Field == nameof(CompanyQualitySettings.NoticeDays));
        Assert.Contains(CompanyQualitySettings.Validate(10, 3, 31), e => e.Field == nameof(CompanyQualitySettings.NoticeDays));
        Assert.Empty(CompanyQualitySettings.Validate(10, 3, 3));
    }
}
