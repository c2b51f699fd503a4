using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

/// <summary>装修申请的状态. The path of a well-run centre: the desk checks the file is complete (资料审核), engineering
/// reviews the works (工程审核, the manager here), the deposit and fees are paid and the permit is issued (办证),
/// the works run under patrol (施工中, possibly 停工), acceptance passes (验收通过) and, after the observation period,
/// the deposit is refunded and the file is closed (已结案).</summary>
public enum RenovationStatus
{
    Submitted = 0,       // 待受理 — filed by the owner or the desk, the desk has not checked it
    Returned = 1,        // 退回补充 — the desk found it incomplete; the applicant completes it and submits again
    UnderReview = 2,     // 待审核 — complete; waiting for engineering review (the manager)
    Approved = 3,        // 已批准 — approved (maybe with conditions); waiting for deposit and fees, then the permit
    Rejected = 4,        // 已驳回 — refused with reasons (final; a new application may be filed)
    Working = 5,         // 施工中 — permit issued; the unit is 装修中
    Stopped = 6,         // 停工 — a stop-work order (停工通知) is in force
    Accepted = 7,        // 验收通过 — in the observation period; the deposit waits for its refund
    Closed = 8,          // 已结案 — the deposit is settled (refunded, or nothing left to refund)
    Withdrawn = 9,       // 已撤回 — withdrawn by the applicant before the permit
}

/// <summary>Approval decision of the engineering review.</summary>
public enum ReviewDecision
{
    Approved = 0,                // 同意
    ApprovedWithConditions = 1,  // 有条件同意
    Rejected = 2,                // 不同意
}

public enum ExtensionStatus
{
    Requested = 0,  // 待审批
    Approved = 1,   // 已批准
    Rejected = 2,   // 已驳回
}

public static class RenovationLabels
{
    public static Text Label(this RenovationStatus s) => s switch
    {
        RenovationStatus.Submitted => new("待受理", "Submitted"),
        RenovationStatus.Returned => new("退回补充", "Returned for completion"),
        RenovationStatus.UnderReview => new("待审核", "Under review"),
        RenovationStatus.Approved => new("已批准待办证", "Approved, permit pending"),
        RenovationStatus.Rejected => new("已驳回", "Rejected"),
        RenovationStatus.Working => new("施工中", "Works in progress"),
        RenovationStatus.Stopped => new("停工", "Stopped"),
        RenovationStatus.Accepted => new("验收通过", "Accepted"),
        RenovationStatus.Closed => new("已结案", "Closed"),
        RenovationStatus.Withdrawn => new("已撤回", "Withdrawn"),
        _ => new(s.ToString(), s.ToString()),
    };

    public static Text Label(this ReviewDecision d) => d switch
    {
        ReviewDecision.Approved => new("同意", "Approved"),
        ReviewDecision.ApprovedWithConditions => new("有条件同意", "Approved with conditions"),
        _ => new("不同意", "Rejected"),
    };

    public static Text Label(this ExtensionStatus s) => s switch
    {
        ExtensionStatus.Requested => new("待审批", "Requested"),
        ExtensionStatus.Approved => new("已批准", "Approved"),
        _ => new("已驳回", "Rejected"),
    };

    /// <summary>Before the permit: the application can still be changed or withdrawn.</summary>
    public static bool IsBeforePermit(this RenovationStatus s) =>
        s is RenovationStatus.Submitted or RenovationStatus.Returned or RenovationStatus.UnderReview or RenovationStatus.Approved;

    /// <summary>Works under way (the unit is 装修中): patrols are due, violations can be found, acceptance can be asked.</summary>
    public static bool IsActiveWorks(this RenovationStatus s) => s is RenovationStatus.Working or RenovationStatus.Stopped;

    /// <summary>Not finished: the unit cannot have a second one at the same time.</summary>
    public static bool IsOpen(this RenovationStatus s) =>
        s is not (RenovationStatus.Rejected or RenovationStatus.Closed or RenovationStatus.Withdrawn);
}
