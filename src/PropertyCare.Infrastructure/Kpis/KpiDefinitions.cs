using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Complaints;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>A KPI's name and definition as shown next to every figure (pages, PDF, xlsx). The complaint KPIs take their
/// words from <see cref="ComplaintFigures"/> — one definition for the statistics page and the KPIs.</summary>
public sealed record KpiDefinition(KpiKind Kind, string Key, Text Name, Text Definition)
{
    public KpiRule Rule => KpiRule.For(Kind);
    public KpiDirection Direction => Rule.Direction;

    /// <summary>Said once for every KPI, next to its own definition.</summary>
    public static readonly Text NoData = new("无分母（如当月无投诉）时该指标不参与评分，其权重按比例分给其余指标",
        "Without a denominator (e.g. no complaints in the month) the KPI is left out and its weight shared among the others in proportion");
}

public static class KpiDefinitions
{
    private static KpiDefinition From(KpiKind kind, ComplaintFigureDefinition d) => new(kind, d.Key, d.Name, d.Definition);

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new(KpiKind.CallbackRate, "callback", new("回访率", "Callback rate"),
            new("当月应回访的维修回访（回访日期在当月，不含已取消的）中已回访的 ÷ 应回访的；目标 100%",
                "Repair callbacks due in the month (due date in the month, cancelled ones excluded) that were done ÷ due; target 100%")),
        new(KpiKind.FeedbackOnTime, "feedback", new("反馈及时率", "Feedback on time"),
            new("当月受理的维修单（不含已取消）中在承诺时限（DueAt）内完工的 ÷ 已完工或已过时限的（未到期的未完工单不计入）",
                "Repair orders received in the month (not cancelled) completed by their deadline (DueAt) ÷ those completed or past their deadline (open orders not yet due are not counted)")),
        From(KpiKind.ComplaintOnTime, ComplaintFigures.OnTimeDef),
        From(KpiKind.ComplaintSatisfaction, ComplaintFigures.SatisfactionDef),
        new(KpiKind.ValidComplaints, ComplaintFigures.ValidDef.Key, ComplaintFigures.ValidDef.Name,
            new(ComplaintFigures.ValidDef.Definition.Zh + "；按每千户（项目房屋数）计", ComplaintFigures.ValidDef.Definition.En + "; counted per 1,000 units of the project")),
        new(KpiKind.ProcessClosure, "closure", new("服务流程关闭率", "Service process closure"),
            new("当月受理的维修单（不含已取消）中已关闭的（回访满意后关闭，或经理关闭）÷ 当月受理的",
                "Repair orders received in the month (not cancelled) that are closed (after a satisfied callback, or by the manager) ÷ received")),
        From(KpiKind.Redispatch, ComplaintFigures.RedispatchDef),
        From(KpiKind.RepeatComplaint, ComplaintFigures.RepeatDef),
        new(KpiKind.DataCompleteness, "data", new("数据完整性", "Data completeness"),
            new("资料完整的业主 ÷ 业主总数；完整 = 有电话且未标记“号码待核实”、有证件号码、登记了房屋（计算时的业主资料）",
                "Owners with a complete record ÷ owners; complete = a phone not flagged wrong, an ID number, and a unit (the owner records at the time of computing)")),
        new(KpiKind.SurveyIndex, "survey", new("满意度指数", "Satisfaction index"),
            new("截止日期在当月的满意度调查中，评分为“满意”或“非常满意”的 ÷ 有效评分（不适用不计）",
                "In the surveys closing in the month: scores 'satisfied' or 'very satisfied' ÷ scores given ('not applicable' not counted)")),
        new(KpiKind.CallbackAuthenticity, "authenticity", new("回访真实率", "Callback authenticity"),
            new("总部当月抽访并确认真实性的记录中，“真实”的 ÷ 已确认的（= 1 − 不实率）",
                "HQ re-calls recorded in the month with an authenticity finding: 'true' ÷ recorded (= 1 − the 不实 share)")),
    ];

    public static KpiDefinition For(KpiKind kind) => All.Single(d => d.Kind == kind);

    public static KpiDefinition? ByKey(string key) => All.FirstOrDefault(d => d.Key == key);
}
