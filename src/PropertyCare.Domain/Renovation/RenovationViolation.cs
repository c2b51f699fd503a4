using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

public enum ViolationStatus
{
    Open = 0,        // 待整改
    Rectified = 1,   // 待复查 (the owner/contractor says it is put right)
    Closed = 2,      // 已整改 (re-checked and accepted)
}

/// <summary>违章 — found on a patrol (or reported), with photos (<c>RenovationViolationPhoto</c>) and a rectification
/// deadline; re-checked by our staff. Unrectified by the deadline: escalated to the manager once, who may order a stop
/// of works (停工通知) and propose a deduction.</summary>
public partial class RenovationViolation : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ApplicationId { get; private set; }
    public int? PatrolId { get; private set; }
    /// <summary>The checklist item it breaks (结构安全, 消防安全, 施工时间 …).</summary>
    public string Type { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime FoundAt { get; private set; }
    public string FoundBy { get; private set; } = "";
    public DateOnly RectifyBy { get; private set; }
    public ViolationStatus Status { get; private set; }
    public DateTime? RectifiedAt { get; private set; }
    public string? RecheckedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? RecheckNote { get; private set; }
    public int Rechecks { get; private set; }
    public DateTime? EscalatedAt { get; private set; }
    /// <summary>A repair order for damage the works did to shared parts, when one was raised; refund waits for it too.</summary>
    public int? RepairOrderId { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(RenovationApplication), ApplicationId);
}
