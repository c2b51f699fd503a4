using System.Text.Encodings.Web;
using System.Text.Json;
using PropertyCare.Domain.Kpis;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>One KPI as frozen in a monthly snapshot (the weight it had that day included).</summary>
public sealed record SnapshotKpi(KpiKind Kind, int Part, int Whole, int Weight)
{
    public KpiMeasure Measure => new(Kind, Part, Whole);
}

/// <summary>A project's line in the company-wide report.</summary>
public sealed record SnapshotProject(int ProjectId, string Name, PeriodFigures Figures, decimal? Score);

/// <summary>What a report snapshot holds (QualityReport.Content, JSON): the period's figures (orders, completed, callback
/// rate, satisfaction shares, unsatisfied resolved, 不实 re-calls, data errors, complaints by kind and status), and for
/// a monthly report the KPIs with the weights of that day, the score and its band. The company-wide report adds a line
/// per project. Frozen: reading an old snapshot never recomputes anything.</summary>
public sealed record QualityReportContent(string Title, PeriodFigures Figures, IReadOnlyList<SnapshotKpi>? Kpis, decimal? Score,
    IReadOnlyList<SnapshotProject>? Projects)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public KpiBand? Band => Score is { } s ? KpiBands.Of(s) : null;

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static QualityReportContent Parse(string json) => JsonSerializer.Deserialize<QualityReportContent>(json, Json)
        ?? throw new InvalidOperationException("Empty report snapshot");
}
