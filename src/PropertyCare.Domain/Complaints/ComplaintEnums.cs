using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Complaints;

/// <summary>What the customer brought (the handbook's 投诉/咨询/建议/举报; 表扬 is recorded and counted, then closed).</summary>
public enum ComplaintKind
{
    Complaint = 0,     // 投诉
    Consultation = 1,  // 咨询 — answered the same day
    Suggestion = 2,    // 建议
    Report = 3,        // 举报 — the reporter's identity is kept confidential like a complainant's
    Praise = 4,        // 表扬 — counted, closed at once
}

/// <summary>How it reached us (2.1 客户投诉的形式).</summary>
public enum ComplaintChannel
{
    Phone = 0,         // 来电
    Visit = 1,         // 来访
    Letter = 2,        // 来信
    Portal = 3,        // 网站/业主端
    MessageBoard = 4,  // 留言板
    Media = 5,         // 媒体
}

/// <summary>2.2 投诉的类型 — decided by the desk when it classifies a complaint.</summary>
public enum ComplaintClass
{
    Valid = 0,      // 有效投诉: our own quality defect — apologise, find the cause, correct it
    ToImprove = 1,  // 待改进投诉: developer/outside party or a legacy problem not solvable now — explain, plan improvement
    Invalid = 2,    // 无效投诉: misunderstanding or rumour — explain in detail
}

/// <summary>3.5.1: items handled the same day they are received.</summary>
public enum SameDayReason
{
    None = 0,
    Safety = 1,             // 危及客户人身、财产安全
    EssentialFacility = 2,  // 供水、供电、电梯等设施设备故障
    OngoingViolation = 3,   // 正在进行的违反物业管理法规的行为
}

/// <summary>The complaint's step. Consultations go Registered → Closed (answered); praise is Closed when registered.</summary>
public enum ComplaintStatus
{
    Registered = 0,  // 待分派 — recorded by its receiver (首问责任人), not yet classified and dispatched
    Dispatched = 1,  // 待出方案 — the responsible department has it; its handling plan is due
    Planned = 2,     // 处理中 — the plan is made and told to the customer; handling is due
    Handled = 3,     // 待回访 — handled; the callback (within a week) decides whether it closes
    Closed = 4,      // 已关闭
}

/// <summary>How a follow-up reached the customer.</summary>
public enum FollowUpChannel { Phone = 0, Visit = 1, Message = 2 }

public static class ComplaintLabels
{
    public static Text Label(this ComplaintKind k) => k switch
    {
        ComplaintKind.Complaint => new("投诉", "Complaint"),
        ComplaintKind.Consultation => new("咨询", "Consultation"),
        ComplaintKind.Suggestion => new("建议", "Suggestion"),
        ComplaintKind.Report => new("举报", "Report"),
        _ => new("表扬", "Praise"),
    };

    public static Text Label(this ComplaintChannel c) => c switch
    {
        ComplaintChannel.Phone => new("来电", "Phone"),
        ComplaintChannel.Visit => new("来访", "Visit"),
        ComplaintChannel.Letter => new("来信", "Letter"),
        ComplaintChannel.Portal => new("网站/业主端", "Website/portal"),
        ComplaintChannel.MessageBoard => new("留言板", "Message board"),
        _ => new("媒体", "Media"),
    };

    public static Text Label(this ComplaintClass c) => c switch
    {
        ComplaintClass.Valid => new("有效投诉", "Valid"),
        ComplaintClass.ToImprove => new("待改进投诉", "To improve"),
        _ => new("无效投诉", "Invalid"),
    };

    public static Text Label(this SameDayReason r) => r switch
    {
        SameDayReason.None => new("一般事项", "Normal"),
        SameDayReason.Safety => new("危及人身财产安全", "Safety"),
        SameDayReason.EssentialFacility => new("水电梯等设施故障", "Water, power, lifts"),
        _ => new("正在进行的违章行为", "Ongoing violation"),
    };

    public static Text Label(this ComplaintStatus s) => s switch
    {
        ComplaintStatus.Registered => new("待分派", "To dispatch"),
        ComplaintStatus.Dispatched => new("待出方案", "Plan due"),
        ComplaintStatus.Planned => new("处理中", "Handling"),
        ComplaintStatus.Handled => new("待回访", "Callback due"),
        _ => new("已关闭", "Closed"),
    };

    public static Text Label(this FollowUpChannel c) => c switch
    {
        FollowUpChannel.Phone => new("电话", "Phone"),
        FollowUpChannel.Visit => new("上门", "Visit"),
        _ => new("短信/留言", "Message"),
    };

    /// <summary>首次派单 / 二次派单 / 三次派单.</summary>
    public static Text DispatchLevelLabel(int level) => level switch
    {
        1 => new("首次派单", "First dispatch"),
        2 => new("二次派单", "Second dispatch"),
        _ => new("三次派单", "Third dispatch"),
    };

    public static bool IsOpen(this ComplaintStatus s) => s != ComplaintStatus.Closed;

    /// <summary>Kinds that go through classification, a department and a callback (consultations are answered, praise is recorded).</summary>
    public static bool IsHandled(this ComplaintKind k) => k is ComplaintKind.Complaint or ComplaintKind.Suggestion or ComplaintKind.Report;
}
