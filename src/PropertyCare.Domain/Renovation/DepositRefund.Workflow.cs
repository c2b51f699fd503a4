using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

/// <summary>清退: the desk requests (only when <see cref="RefundEligibility"/> finds no reason against it), another person
/// with the approval right approves — the amount is the balance at that moment — or rejects with a reason.</summary>
public partial class DepositRefund
{
    private static readonly Text WhatRefund = new("清退申请", "refund request");

    /// <summary>Requests the refund of the whole balance; <paramref name="blockers"/> are the reasons it is not yet possible
    /// (from <see cref="RefundEligibility.Check"/>) and refuse it, all at once.</summary>
    public static DepositRefund Request(int applicationId, PaymentMethod method, IReadOnlyList<Text> blockers, string by, string byName, DateTime atUtc)
    {
        var e = blockers.Select(b => new FieldError("Refund", b)).ToList();
        if (!Enum.IsDefined(method)) e.Add(new(nameof(Method), new("请选择退款方式", "Choose how the deposit is paid back")));
        e.ThrowIfAny();
        return new DepositRefund { ApplicationId = applicationId, Method = method, Status = RefundStatus.Requested, RequestedBy = by, RequestedByName = byName,
            RequestedAt = atUtc };
    }

    /// <summary>Four eyes: the approver is never the requester. The amount is the balance now (never typed in); a zero
    /// balance has nothing to refund. The service writes the Refunded entry with the receipt in the same transaction.</summary>
    public void Approve(decimal balance, string? note, string by, string byName, DateTime atUtc)
    {
        IllegalStepException.Require(WhatRefund, Status, RefundLabels.Label, RefundStatus.Requested);
        if (string.Equals(by, RequestedBy, StringComparison.Ordinal))
            throw new AccessDeniedException(new("清退须由申请人以外的人审批", "A refund is approved by someone other than the person who requested it"));
        if (balance <= 0) throw new DomainException(new("保证金余额为零，无可清退", "There is no deposit left to refund"));
        var e = new List<FieldError>();
        TextLimits.Check(e, nameof(DecisionNote), note, TextLimits.Reason, "审批意见", "Remarks");
        e.ThrowIfAny();
        Amount = balance;
        Decide(RefundStatus.Approved, note, by, byName, atUtc);
    }

    /// <summary>Rejects with a reason (the same four-eyes rule: the requester withdraws nothing by rejecting their own).</summary>
    public void Reject(string note, string by, string byName, DateTime atUtc)
    {
        IllegalStepException.Require(WhatRefund, Status, RefundLabels.Label, RefundStatus.Requested);
        if (string.Equals(by, RequestedBy, StringComparison.Ordinal))
            throw new AccessDeniedException(new("清退须由申请人以外的人审批", "A refund is decided by someone other than the person who requested it"));
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(note)) e.Add(new(nameof(DecisionNote), new("请填写驳回理由", "Say why it is rejected")));
        else TextLimits.Check(e, nameof(DecisionNote), note, TextLimits.Reason, "驳回理由", "Reason");
        e.ThrowIfAny();
        Decide(RefundStatus.Rejected, note, by, byName, atUtc);
    }

    /// <summary>Links the ledger entry written for the approval (once).</summary>
    public void Booked(long entryId)
    {
        if (Status != RefundStatus.Approved || LedgerEntryId != null) throw new InvalidOperationException("Only an approved, unbooked refund is booked.");
        LedgerEntryId = entryId;
    }

    private void Decide(RefundStatus status, string? note, string by, string byName, DateTime atUtc)
    {
        Status = status;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedBy = by;
        DecidedByName = byName;
        DecidedAt = atUtc;
    }
}

public static class RefundLabels
{
    public static Text Label(this RefundStatus s) => s switch
    {
        RefundStatus.Requested => new("待审批", "Requested"),
        RefundStatus.Approved => new("已清退", "Refunded"),
        _ => new("已驳回", "Rejected"),
    };
}
