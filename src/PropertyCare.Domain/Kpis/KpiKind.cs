namespace PropertyCare.Domain.Kpis;

/// <summary>The KPIs HQ scores each project on, per month (issue 15; seed 003_: 及时性, 服务流程关闭率, 数据完整性, plus the
/// complaint figures, the survey index and the authenticity of the project's callbacks). The stored weights refer to
/// these names (JSON keys), so a member is never renamed.</summary>
public enum KpiKind
{
    CallbackRate = 0,          // 回访率 (维修回访)
    FeedbackOnTime = 1,        // 反馈及时率 (维修)
    ComplaintOnTime = 2,       // 投诉处理及时率
    ComplaintSatisfaction = 3, // 投诉解决满意率
    ValidComplaints = 4,       // 有效投诉次数 (每千户)
    ProcessClosure = 5,        // 服务流程关闭率
    Redispatch = 6,            // 重派率
    RepeatComplaint = 7,       // 重复投诉率
    DataCompleteness = 8,      // 数据完整性
    SurveyIndex = 9,           // 满意度指数
    CallbackAuthenticity = 10, // 回访真实率
}

/// <summary>Whether a bigger figure is better (a rate to reach) or worse (a rate or count to keep under a limit).</summary>
public enum KpiDirection { HigherBetter = 0, LowerBetter = 1 }
