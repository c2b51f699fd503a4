using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;

namespace PropertyCare.Domain.Tests.Kpis;

/// <summary>KPI arithmetic against figures worked out by hand (each expected number is derived in the comment).</summary>
public sealed class KpiScoreTests
{
    [Theory]
    // 回访率 18/20 = 0.9; target 100 % → 0.9
    [InlineData(KpiKind.CallbackRate, 18, 20, 0.9, 0.9)]
    // 反馈及时率 19/20 = 0.95 = target → 1 (capped)
    [InlineData(KpiKind.FeedbackOnTime, 19, 20, 0.95, 1.0)]
    // 反馈及时率 17/20 = 0.85 → 0.85 / 0.95 = 0.894736…
    [InlineData(KpiKind.FeedbackOnTime, 17, 20, 0.85, 0.8947368421052631578947368421)]
    // 重派率 1/10 = 0.1; limit 20 % → 1 − 0.1/0.2 = 0.5
    [InlineData(KpiKind.Redispatch, 1, 10, 0.1, 0.5)]
    // 重复投诉率 3/10 = 0.3, over the 20 % limit → 0 (floored)
    [InlineData(KpiKind.RepeatComplaint, 3, 10, 0.3, 0)]
    // 有效投诉次数 2 in 400 units = 5 per 1,000; limit 10 → 1 − 5/10 = 0.5
    [InlineData(KpiKind.ValidComplaints, 2, 400, 5, 0.5)]
    public void A_figure_turns_into_its_attainment(KpiKind kind, int part, int whole, double value, double attainment)
    {
        var m = new KpiMeasure(kind, part, whole);
        Assert.Equal((decimal)value, m.Value);
        Assert.Equal(Math.Round((decimal)attainment, 6), Math.Round(m.Attainment!.Value, 6));
    }

    [Fact]
    public void No_denominator_is_no_data_not_zero()
    {
        var m = new KpiMeasure(KpiKind.ComplaintOnTime, 0, 0);
        Assert.False(m.HasData);
        Assert.Null(m.Value);
        Assert.Null(m.Attainment);
    }

    [Fact]
    public void The_score_redistributes_a_missing_kpis_weight_in_proportion()
    {
        var weights = new Dictionary<KpiKind, int> { [KpiKind.CallbackRate] = 50, [KpiKind.Redispatch] = 30, [KpiKind.ComplaintOnTime] = 20 };
        var measures = new[]
        {
            new KpiMeasure(KpiKind.CallbackRate, 9, 10),   // 0.9 × 50 = 45
            new KpiMeasure(KpiKind.Redispatch, 1, 10),     // 1 − 0.1/0.2 = 0.5 × 30 = 15
            new KpiMeasure(KpiKind.ComplaintOnTime, 0, 0), // no complaints: left out, its 20 shared by the other 80
        };
        // (45 + 15) / 80 × 100 = 75.0
        Assert.Equal(75.0m, KpiScore.Compute(measures, weights));
        // With it present at 100 %: (45 + 15 + 20 × 1/0.95 capped 1 = 20) / 100 = 80.0
        Assert.Equal(80.0m, KpiScore.Compute([measures[0], measures[1], new KpiMeasure(KpiKind.ComplaintOnTime, 5, 5)], weights));
    }

    [Fact]
    public void No_data_at_all_has_no_score()
    {
        Assert.Null(KpiScore.Compute([new KpiMeasure(KpiKind.CallbackRate, 0, 0)], KpiWeightSet.Defaults()));
    }

    [Fact]
    public void The_default_table_has_every_kpi_and_adds_up_to_100_with_the_seeds_proportions()
    {
        var d = KpiWeightSet.Defaults();
        Assert.Empty(KpiWeightSet.Validate(d));
        Assert.Equal(Enum.GetValues<KpiKind>().Length, d.Count);
        // 003_: 及时性 7, 关闭率 6, 完整性 4 of 17 → ×3 = 21, 18, 12.
        Assert.Equal(21, d[KpiKind.FeedbackOnTime] + d[KpiKind.ComplaintOnTime]);
        Assert.Equal(18, d[KpiKind.ProcessClosure]);
        Assert.Equal(12, d[KpiKind.DataCompleteness]);
    }

    [Theory]
    [InlineData(74.9, KpiBand.Failing)]
    [InlineData(75, KpiBand.Pass)]
    [InlineData(80, KpiBand.Pass)]
    [InlineData(80.1, KpiBand.Fair)]
    [InlineData(85, KpiBand.Fair)]
    [InlineData(90, KpiBand.Good)]
    [InlineData(95, KpiBand.VeryGood)]
    [InlineData(95.1, KpiBand.Excellent)]
    [InlineData(100, KpiBand.Excellent)]
    public void Bands_are_greater_than_the_lower_and_at_most_the_upper(double score, KpiBand band) =>
        Assert.Equal(band, KpiBands.Of((decimal)score));
}

public sealed class KpiWeightsTests
{
    [Fact]
    public void Weights_must_be_0_to_100_cover_every_kpi_and_sum_to_100()
    {
        var w = KpiWeightSet.Defaults();
        w[KpiKind.CallbackRate] = 9; // 101
        Assert.Equal("Sum", Assert.Single(KpiWeightSet.Validate(w)).Field);
        w[KpiKind.CallbackRate] = -1;
        Assert.Equal(nameof(KpiKind.CallbackRate), Assert.Single(KpiWeightSet.Validate(w)).Field);
        w[KpiKind.CallbackRate] = 101;
        Assert.Contains(KpiWeightSet.Validate(w), e => e.Field == nameof(KpiKind.CallbackRate));
        w = KpiWeightSet.Defaults();
        w.Remove(KpiKind.SurveyIndex);
        Assert.Equal(nameof(KpiKind.SurveyIndex), Assert.Single(KpiWeightSet.Validate(w)).Field);
    }

    [Fact]
    public void Setting_invalid_weights_changes_nothing()
    {
        var set = new KpiWeightSet { CompanyId = 1 };
        var bad = KpiWeightSet.Defaults();
        bad[KpiKind.Redispatch] = 50;
        Assert.Throws<ValidationException>(() => set.Set(bad, "总部", DateTime.UtcNow));
        Assert.Equal(KpiWeightSet.Defaults(), set.Weights);
        var good = KpiWeightSet.Defaults();
        good[KpiKind.Redispatch] = 0; good[KpiKind.RepeatComplaint] = 10;
        set.Set(good, "总部", DateTime.UtcNow);
        Assert.Equal(10, set.Weights[KpiKind.RepeatComplaint]);
    }

    [Fact]
    public void Periods_are_monday_weeks_and_calendar_months()
    {
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), QualityReport.WeekOf(new DateOnly(2026, 11, 29))); // a Sunday
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), QualityReport.WeekOf(new DateOnly(2026, 11, 23)));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), QualityReport.MonthOf(new DateOnly(2026, 2, 14)));
    }
}
