using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

public sealed class DeductionTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static DepositDeduction New(decimal amount = 800m) => DepositDeduction.Propose(7, null, " 损坏电梯轿厢 ", amount, "u-desk", "客服小李", Now);

    [Fact]
    public void A_proposal_needs_a_reason_and_a_positive_amount_of_cents()
    {
        var d = New();
        Assert.Equal((DeductionStatus.Proposed, "损坏电梯轿厢", 800m, "客服小李"), (d.Status, d.Reason, d.Amount, d.ProposedByName));
        var ex = Assert.Throws<ValidationException>(() => DepositDeduction.Propose(7, null, " ", 0m, "u", "n", Now));
        Assert.Equal(["Reason", "Amount"], ex.Errors.Select(e => e.Field));
        Assert.Throws<ValidationException>(() => DepositDeduction.Propose(7, null, "x", 1.001m, "u", "n", Now));
    }

    [Fact]
    public void Approval_is_refused_above_the_balance_and_records_who_decided()
    {
        var d = New(800m);
        var ex = Assert.Throws<ValidationException>(() => d.Approve(799.99m, null, "u-mgr", "经理", Now));
        Assert.Equal("Amount", Assert.Single(ex.Errors).Field);
        Assert.Equal(DeductionStatus.Proposed, d.Status);
        d.Approve(800m, " 同意 ", "u-mgr", "经理老周", Now);
        Assert.Equal((DeductionStatus.Approved, "u-mgr", "经理老周", (DateTime?)Now, "同意"), (d.Status, d.DecidedBy, d.DecidedByName, d.DecidedAt, d.DecisionNote));
        Assert.Throws<IllegalStepException>(() => d.Approve(3000m, null, "u-mgr", "经理", Now));
        Assert.Throws<IllegalStepException>(() => d.Reject("不扣", "u-mgr", "经理", Now));
        d.Booked(42);
        Assert.Equal(42, d.LedgerEntryId);
        Assert.Throws<InvalidOperationException>(() => d.Booked(43));
    }

    [Fact]
    public void Rejection_needs_a_reason_and_is_final()
    {
        var d = New();
        Assert.Throws<ValidationException>(() => d.Reject(" ", "u-mgr", "经理", Now));
        d.Reject(" 证据不足 ", "u-mgr", "经理", Now);
        Assert.Equal((DeductionStatus.Rejected, "证据不足"), (d.Status, d.DecisionNote));
        Assert.Throws<IllegalStepException>(() => d.Approve(3000m, null, "u-mgr", "经理", Now));
        Assert.Throws<InvalidOperationException>(() => d.Booked(1));
    }
}
