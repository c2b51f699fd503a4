namespace PropertyCare.Domain.Kpis;

/// <summary>A project's score for a month: Σ weight × attainment over the KPIs that have data, divided by the sum of
/// those KPIs' weights, times 100. A KPI without data (no denominator — e.g. no complaints in the month) is left out
/// and its weight shared among the others in proportion to their weights; with no data at all there is no score.</summary>
public static class KpiScore
{
    public static decimal? Compute(IEnumerable<KpiMeasure> measures, IReadOnlyDictionary<KpiKind, int> weights)
    {
        decimal earned = 0, possible = 0;
        foreach (var m in measures)
        {
            if (m.Attainment is not { } a) continue;
            var w = weights.GetValueOrDefault(m.Kind);
            earned += w * a;
            possible += w;
        }
        return possible == 0 ? null : Math.Round(100m * earned / possible, 1);
    }
}
