namespace PropertyCare.Domain.Kpis;

/// <summary>One KPI's raw figure for one project and month: Part of Whole (e.g. 18 called back of 20 due). For
/// 有效投诉次数 Part is the valid complaints and Whole the project's units, the value being per 1,000 units. Whole = 0
/// means "no data" (nothing to measure): the KPI is left out of the score, not counted as 0.</summary>
public readonly record struct KpiMeasure(KpiKind Kind, int Part, int Whole)
{
    public bool HasData => Whole > 0;

    /// <summary>The figure: a rate 0–1, or for 有效投诉次数 the count per 1,000 units; null without data.</summary>
    public decimal? Value => Whole <= 0 ? null
        : Kind == KpiKind.ValidComplaints ? Math.Round(1000m * Part / Whole, 2)
        : Math.Round((decimal)Part / Whole, 4);

    /// <summary>0–1 by the KPI's rule; null without data.</summary>
    public decimal? Attainment => Value is { } v ? KpiRule.For(Kind).Attainment(v) : null;
}
