using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>One figure of the 客户投诉统计表 with the words that define it — the statistics page, the xlsx, the PDF and
/// (next) HQ's KPIs all show the same definition, written only here.</summary>
public sealed record ComplaintFigureDefinition(string Key, Text Name, Text Definition);

/// <summary>The counts and rates of one period's complaints (all records received in it, by the project's local date).
/// Each rate is null when its denominator is zero ("—", not 0 %). The definitions are below, next to the counting.</summary>
public sealed record ComplaintFigures(
    int Received, int Complaints, int ValidComplaints, int Handled, int HandledOnTime, int CallbackDue, int CalledBack,
    int Satisfied, int Repeats, int Dispatched, int Redispatched, int Praise)
{
    public static readonly ComplaintFigureDefinition ReceivedDef = new("received", new("受理总数", "Received"),
        new("统计期内受理（按项目当地日期）的全部记录：投诉、咨询、建议、举报、表扬", "All records received in the period (project's local date): complaints, consultations, suggestions, reports, praise"));
    public static readonly ComplaintFigureDefinition ValidDef = new("valid", new("有效投诉次数", "Valid complaints"),
        new("类型为投诉且定性为有效投诉的记录数", "Records of kind complaint classified as valid"));
    public static readonly ComplaintFigureDefinition OnTimeDef = new("on-time", new("投诉处理及时率", "Handled on time"),
        new("按时处理完毕的 ÷ 已处理完毕的（含已答复的咨询；按时 = 方案与处理均未超过期限，延期须有原因）", "Handled by the deadlines ÷ handled (answered consultations included; on time = plan and handling within their deadlines, a delay only with a reason)"));
    public static readonly ComplaintFigureDefinition SatisfactionDef = new("satisfaction", new("投诉解决满意率", "Satisfied at callback"),
        new("最近一次回访为“非常满意”或“满意”的 ÷ 已回访的", "Last callback 'very satisfied' or 'satisfied' ÷ called back"));
    public static readonly ComplaintFigureDefinition RepeatDef = new("repeat", new("重复投诉率", "Repeat rate"),
        new("标记为重复投诉的投诉 ÷ 投诉（同一房屋同一类别在判定期内再次投诉，或重新打开）", "Complaints flagged as repeats ÷ complaints (same unit and category within the window, or reopened)"));
    public static readonly ComplaintFigureDefinition RedispatchDef = new("redispatch", new("重派率", "Re-dispatch rate"),
        new("到过二次或三次派单的 ÷ 已派单的", "Reached a second or third dispatch ÷ dispatched"));
    public static readonly ComplaintFigureDefinition CallbackDef = new("callback", new("回访率", "Callback rate"),
        new("已回访的 ÷ 处理完毕应回访的（含回访不满意退回重办的；目标 100%）", "Called back ÷ handled and due a callback (including those sent back after a callback; target 100%)"));
    public static readonly ComplaintFigureDefinition PraiseDef = new("praise", new("表扬次数", "Praise"),
        new("类型为表扬的记录数", "Records of kind praise"));

    public static IReadOnlyList<ComplaintFigureDefinition> All { get; } =
        [ReceivedDef, ValidDef, OnTimeDef, SatisfactionDef, RepeatDef, RedispatchDef, CallbackDef, PraiseDef];

    public decimal? OnTimeRate => Rate(HandledOnTime, Handled);
    public decimal? SatisfactionRate => Rate(Satisfied, CalledBack);
    public decimal? RepeatRate => Rate(Repeats, Complaints);
    public decimal? RedispatchRate => Rate(Redispatched, Dispatched);
    public decimal? CallbackRate => Rate(CalledBack, CallbackDue);

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>The figure's value as shown (counts as numbers, rates as percentages).</summary>
    public string Show(ComplaintFigureDefinition d) => d.Key switch
    {
        "received" => Received.ToString(),
        "valid" => ValidComplaints.ToString(),
        "on-time" => $"{Percent(OnTimeRate)}（{HandledOnTime}/{Handled}）",
        "satisfaction" => $"{Percent(SatisfactionRate)}（{Satisfied}/{CalledBack}）",
        "repeat" => $"{Percent(RepeatRate)}（{Repeats}/{Complaints}）",
        "redispatch" => $"{Percent(RedispatchRate)}（{Redispatched}/{Dispatched}）",
        "callback" => $"{Percent(CallbackRate)}（{CalledBack}/{CallbackDue}）",
        "praise" => Praise.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    /// <summary>Counts the figures of the given records — the one place each definition above is turned into numbers.</summary>
    public static ComplaintFigures Of(IReadOnlyCollection<Complaint> list) => new(
        Received: list.Count,
        Complaints: list.Count(c => c.Kind == ComplaintKind.Complaint),
        ValidComplaints: list.Count(c => c.Kind == ComplaintKind.Complaint && c.Class == ComplaintClass.Valid),
        Handled: list.Count(c => c.HandledOnTime != null),
        HandledOnTime: list.Count(c => c.HandledOnTime == true),
        CallbackDue: list.Count(c => c.CallbackDueOn != null || c.Callbacks.Count > 0),
        CalledBack: list.Count(c => c.Callbacks.Count > 0),
        Satisfied: list.Count(c => c.Callbacks.Count > 0 && Complaint.IsSatisfied(c.Callbacks.OrderBy(b => b.Round).Last().Satisfaction)),
        Repeats: list.Count(c => c.Kind == ComplaintKind.Complaint && c.IsRepeat),
        Dispatched: list.Count(c => c.Dispatches.Count > 0),
        Redispatched: list.Count(c => c.Dispatches.Count > 0 && c.DispatchLevel >= 2),
        Praise: list.Count(c => c.Kind == ComplaintKind.Praise));
}
