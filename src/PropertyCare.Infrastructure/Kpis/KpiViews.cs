using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>A month as the KPI pages name it: "2026-11" in URLs, the first day inside.</summary>
public readonly record struct KpiMonth(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public override string ToString() => $"{Year:D4}-{Month:D2}";
    public KpiMonth Previous => Of(First.AddMonths(-1));
    public static KpiMonth Of(DateOnly d) => new(d.Year, d.Month);

    public static KpiMonth? Parse(string? s) =>
        s is { Length: 7 } && s[4] == '-' && int.TryParse(s[..4], out var y) && int.TryParse(s[5..], out var m) && y is >= 2000 and <= 2100 && m is >= 1 and <= 12
            ? new KpiMonth(y, m) : null;
}

/// <summary>One KPI of one project and month, with its definition for the page.</summary>
public sealed record KpiValue(KpiDefinition Definition, KpiMeasure Measure, int Weight)
{
    /// <summary>"90.0%（18/20）", "5.00 / 千户（2/400）", or "—" without data.</summary>
    public string Shown => Measure.Value is not { } v ? "—"
        : Definition.Kind == KpiKind.ValidComplaints ? $"{v:0.00} / 千户（{Measure.Part}/{Measure.Whole}）"
        : $"{(v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%（{Measure.Part}/{Measure.Whole}）";
}

/// <summary>A project's row of the ranking.</summary>
public sealed record ProjectKpiScore(int ProjectId, string Name, decimal? Score, IReadOnlyList<KpiValue> Kpis)
{
    public KpiBand? Band => Score is { } s ? KpiBands.Of(s) : null;
}

public sealed record KpiRanking(KpiMonth Month, IReadOnlyList<ProjectKpiScore> Projects, ProjectKpiScore Company);

public sealed record KpiTrendPoint(KpiMonth Month, decimal? Score);

/// <summary>The lowest attainment of one KPI across the company's projects this month.</summary>
public sealed record WorstKpi(KpiDefinition Definition, int ProjectId, string ProjectName, decimal Attainment, string Shown, decimal AverageAttainment);

public sealed record OpenNotices(int ProjectId, string Name, int Open);

/// <summary>One record behind a KPI figure: InNumerator says whether it counts in the part (e.g. called back) or only in
/// the whole (due but not called back).</summary>
public sealed record KpiDrillRow(string Number, Text What, string Url, bool InNumerator, string? Note);

public sealed record KpiDrillDown(int ProjectId, string ProjectName, KpiMonth Month, KpiDefinition Definition, KpiValue Value, IReadOnlyList<KpiDrillRow> Rows);
