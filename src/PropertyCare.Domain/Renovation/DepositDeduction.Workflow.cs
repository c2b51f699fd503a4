using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

public partial class DepositDeduction
{
    private static readonly Text WhatDeduction = new("扣款", "deduction");

    /// <summary>The manager approves: only while proposed, and only up to the deposit still held (a deduction never
    /// makes the balance negative). The service writes the ledger entry in the same transaction and links it.</summary>
    public void Approve(decimal balance, string? note, string by, string byName, DateTime atUtc)
    {
        IllegalStepException.Require(WhatDeduction, Status, DeductionLabels.Label, DeductionStatus.Proposed);
        var e = new List<FieldError>();
        if (Amount > balance)
            e.Add(new(nameof(Amount), new($"扣款金额 {Money.Format(Amount)} 超过保证金余额 {Money.Format(balance)}",
                $"The deduction {Money.Format(Amount)} is more than the deposit held {Money.Format(balance)}")));
        TextLimits.Check(e, nameof(DecisionNote), note, TextLimits.Reason, "审批意见", "Remarks");
        e.ThrowIfAny();
        Decide(DeductionStatus.Approved, note, by, byName, atUtc);
    }

    /// <summary>The manager rejects, saying why.</summary>
    public void Reject(string note, string by, string byName, DateTime atUtc)
    {
        IllegalStepException.Require(WhatDeduction, Status, DeductionLabels.Label, DeductionStatus.Proposed);
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(note)) e.Add(new(nameof(DecisionNote), new("请填写驳回理由", "Say why it is rejected")));
        else TextLimits.Check(e, nameof(DecisionNote), note, TextLimits.Reason, "驳回理由", "Reason");
        e.ThrowIfAny();
        Decide(DeductionStatus.Rejected, note, by, byName, atUtc);
    }

    /// <summary>Links the ledger entry written for the approval (once).</summary>
    public void Booked(long entryId)
    {
        if (Status != DeductionStatus.Approved || LedgerEntryId != null) throw new InvalidOperationException("Only an approved, unbooked deduction is booked.");
        LedgerEntryId = entryId;
    }

    private void Decide(DeductionStatus status, string? note, string by, string byName, DateTime atUtc)
    {
        Status = status;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedBy = by;
        DecidedByName = byName;
        DecidedAt = atUtc;
    }
}

public static class DeductionLabels
{
    public static Text Label(this DeductionStatus s) => s switch
    {
        DeductionStatus.Proposed => new("待审批", "Proposed"),
        DeductionStatus.Approved => new("已扣款", "Approved"),
        _ => new("已驳回", "Rejected"),
    };
}
