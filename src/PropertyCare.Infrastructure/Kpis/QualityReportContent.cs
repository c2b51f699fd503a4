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

    /// <summary>The report's lines in the order of the issue (orders, completed, callbacks, satisfaction shares, unsatisfied
    /// resolved, 不实, data errors, complaints) — the page, the PDF and the xlsx all show these.</summary>
    public IEnumerable<(Domain.Common.Text Label, string Value)> Lines()
    {
        var f = Figures;
        yield return (new("报修受理", "Orders received"), f.OrdersReceived.ToString());
        yield return (new("已完工", "Completed"), f.OrdersCompleted.ToString());
        yield return (new("已关闭", "Closed"), f.OrdersClosed.ToString());
        yield return (new("回访率", "Callback rate"), Rate(f.CallbacksDone, f.CallbacksDue));
        yield return (new("无法回访", "Unreachable"), f.CallbacksUnreachable.ToString());
        string[] zh = ["非常满意", "满意", "一般", "不太满意", "很不满意"], en = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"];
        var done = f.SatisfactionCounts.Sum();
        for (var i = 0; i < 5; i++) yield return (new(zh[i], en[i]), Rate(f.SatisfactionCounts[i], done));
        yield return (new("不满意已解决", "Unsatisfied resolved"), $"{f.UnsatisfiedResolved}/{f.Unsatisfied}");
        yield return (new("总部抽访（其中不实）", "HQ re-calls (untrue)"), $"{f.AuditsRecorded}（{f.AuditsUntrue}）");
        yield return (new("号码待核实（数据错误）", "Phones flagged wrong (data errors)"), f.PhonesFlaggedWrong.ToString());
        yield return (new("业主资料完整", "Complete owner records"), $"{f.OwnersComplete}/{f.Owners}");
        yield return (new("投诉受理总数", "Complaints received"), f.Complaints.Received.ToString());
        foreach (var k in Enum.GetValues<Domain.Complaints.ComplaintKind>())
            yield return (new("类型：" + Domain.Complaints.ComplaintLabels.Label(k).Zh, "Kind: " + Domain.Complaints.ComplaintLabels.Label(k).En), f.ComplaintsByKind.GetValueOrDefault(k).ToString());
        foreach (var s in Enum.GetValues<Domain.Complaints.ComplaintStatus>())
            yield return (new("状态：" + Domain.Complaints.ComplaintLabels.Label(s).Zh, "Status: " + Domain.Complaints.ComplaintLabels.Label(s).En), f.ComplaintsByStatus.GetValueOrDefault(s).ToString());
    }

    public static string Rate(int part, int whole) => whole == 0 ? "—" : $"{(100m * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%（{part}/{whole}）";

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static QualityReportContent Parse(string json) => JsonSerializer.Deserialize<QualityReportContent>(json, Json)
        ?? throw new InvalidOperationException("Empty report snapshot");
}
