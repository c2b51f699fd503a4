using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

public enum DeductionStatus
{
    Proposed = 0,  // 待审批
    Approved = 1,  // 已批准 (the ledger entry is written in the same transaction)
    Rejected = 2,  // 已驳回
}

/// <summary>保证金扣款 — a proposed deduction from the deposit for a violation or for damage (photos attached as
/// <c>DepositDamagePhoto</c>), approved or rejected by the manager. Only an approved one moves money, as a ledger entry.</summary>
public partial class DepositDeduction : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ApplicationId { get; private set; }
    /// <summary>The violation it is for, or null for damage described here.</summary>
    public int? ViolationId { get; private set; }
    public string Reason { get; private set; } = "";
    public decimal Amount { get; private set; }
    public DeductionStatus Status { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public string ProposedByName { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    public long? LedgerEntryId { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(RenovationApplication), ApplicationId);
}
