using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Kpis;

/// <summary>How a KPI's figure turns into an attainment 0–1, the part of its weight the project earns.
/// Higher-better: figure ÷ target, capped at 1 (a project at or above the target earns the full weight).
/// Lower-better: 1 − figure ÷ limit, floored at 0 (none earns the full weight, the limit or worse earns nothing).
/// 有效投诉次数 is lower-better per 1,000 units (a count alone would punish big projects): the limit is 10 valid
/// complaints per 1,000 units in the month. The targets are this company's first guess, stated here and in
/// docs/quality.md, so they change in one place.</summary>
public sealed record KpiRule(KpiKind Kind, KpiDirection Direction, decimal Threshold)
{
    public static readonly IReadOnlyList<KpiRule> All =
    [
        new(KpiKind.CallbackRate, KpiDirection.HigherBetter, 1.00m),
        new(KpiKind.FeedbackOnTime, KpiDirection.HigherBetter, 0.95m),
        new(KpiKind.ComplaintOnTime, KpiDirection.HigherBetter, 0.95m),
        new(KpiKind.ComplaintSatisfaction, KpiDirection.HigherBetter, 0.90m),
        new(KpiKind.ValidComplaints, KpiDirection.LowerBetter, 10m),
        new(KpiKind.ProcessClosure, KpiDirection.HigherBetter, 0.95m),
        new(KpiKind.Redispatch, KpiDirection.LowerBetter, 0.20m),
        new(KpiKind.RepeatComplaint, KpiDirection.LowerBetter, 0.20m),
        new(KpiKind.DataCompleteness, KpiDirection.HigherBetter, 1.00m),
        new(KpiKind.SurveyIndex, KpiDirection.HigherBetter, 0.90m),
        new(KpiKind.CallbackAuthenticity, KpiDirection.HigherBetter, 1.00m),
    ];

    public static KpiRule For(KpiKind kind) => All.Single(r => r.Kind == kind);

    public decimal Attainment(decimal value) => Direction == KpiDirection.HigherBetter
        ? Math.Min(1m, Math.Max(0m, value) / Threshold)
        : Math.Max(0m, 1m - value / Threshold);

    /// <summary>The rule in words, shown next to the definition.</summary>
    public Text Scoring => (Direction, Kind) switch
    {
        (KpiDirection.LowerBetter, KpiKind.ValidComplaints) => new($"越低越好：得分比例 = 1 − 每千户有效投诉 ÷ {Threshold:0}，最低为 0",
            $"Lower is better: attainment = 1 − valid complaints per 1,000 units ÷ {Threshold:0}, at least 0"),
        (KpiDirection.LowerBetter, _) => new($"越低越好：得分比例 = 1 − 比率 ÷ {Threshold:P0}，最低为 0",
            $"Lower is better: attainment = 1 − rate ÷ {Threshold:P0}, at least 0"),
        _ => new($"越高越好：得分比例 = 比率 ÷ 目标 {Threshold:P0}，最高为 1", $"Higher is better: attainment = rate ÷ target {Threshold:P0}, at most 1"),
    };
}
