using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

public partial class DepositDeduction
{
    /// <summary>Proposes a deduction — for a violation, or for damage described in <paramref name="reason"/> (photos are
    /// attached by the service). It moves no money until the manager approves it.</summary>
    public static DepositDeduction Propose(int applicationId, int? violationId, string reason, decimal amount, string by, string byName, DateTime atUtc)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reason)) e.Add(new(nameof(Reason), new("请填写扣款事由", "Say what the deduction is for")));
        else TextLimits.Check(e, nameof(Reason), reason, TextLimits.Reason, "扣款事由", "Reason");
        if (amount <= 0) e.Add(new(nameof(Amount), new("扣款金额应大于 0", "The amount must be above 0")));
        else if (amount != Money.Round(amount)) e.Add(new(nameof(Amount), new("金额最多两位小数", "At most two decimals")));
        e.ThrowIfAny();
        return new DepositDeduction { ApplicationId = applicationId, ViolationId = violationId, Reason = reason.Trim(), Amount = amount,
            Status = DeductionStatus.Proposed, ProposedBy = by, ProposedByName = byName, ProposedAt = atUtc };
    }
}
