using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

public enum RefundStatus
{
    Requested = 0,  // 待审批
    Approved = 1,   // 已清退 (the ledger entry is written in the same transaction)
    Rejected = 2,   // 已驳回
}

/// <summary>保证金清退 — requested by the desk, approved by a different person with the approval right (four eyes).
/// The amount is the balance at approval, never typed in; one refund per application (unique index on the approved
/// one), so two approvals racing end in one refund.</summary>
public partial class DepositRefund : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ApplicationId { get; private set; }
    public RefundStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    /// <summary>How the owner is paid back (bank transfer to the owner's account, cash …).</summary>
    public PaymentMethod Method { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    /// <summary>The balance refunded, fixed at approval.</summary>
    public decimal? Amount { get; private set; }
    public long? LedgerEntryId { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(RenovationApplication), ApplicationId);
}
