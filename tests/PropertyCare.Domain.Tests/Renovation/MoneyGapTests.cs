using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>The edges the mutation run found untested in the money steps: over-long texts, the 1,000,000 limit, steps
/// refused from the wrong status, the capitals of groups with zeros.</summary>
public sealed class MoneyGapTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly string Over200 = new('长', TextLimits.Reason + 1);
    private static readonly string At200 = new('长', TextLimits.Reason);

    private static DepositDeduction Proposed() => DepositDeduction.Propose(7, null, "损坏电梯轿厢", 800m, "u-desk", "客服小李", Now);
    private static DepositRefund Requested() => DepositRefund.Request(7, PaymentMethod.Cash, [], "u-desk", "客服小李", Now);

    [Theory]
    [InlineData("100001000", "壹亿零壹仟元整")]   // a zero group, then a group of four digits: still one 零
    [InlineData("11000", "壹万壹仟元整")]         // a full group of thousands needs no 零
    [InlineData("10001000", "壹仟万壹仟元整")]
    public void Capitals_of_groups_with_zeros(string amount, string expected) =>
        Assert.Equal(expected, ChineseCapitals.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_deduction_reason_one_over_the_limit_is_refused()
    {
        var ex = Assert.Throws<ValidationException>(() => DepositDeduction.Propose(7, null, Over200, 800m, "u", "n", Now));
        Assert.Equal("Reason", Assert.Single(ex.Errors).Field);
        Assert.Equal(At200, DepositDeduction.Propose(7, null, At200, 800m, "u", "n", Now).Reason);
    }

    [Fact]
    public void A_deduction_approval_note_one_over_the_limit_is_refused_and_nothing_changes()
    {
        var d = Proposed();
        var ex = Assert.Throws<ValidationException>(() => d.Approve(3000m, Over200, "u-mgr", "经理", Now));
        Assert.Equal("DecisionNote", Assert.Single(ex.Errors).Field);
        Assert.Equal((DeductionStatus.Proposed, (string?)null), (d.Status, d.DecisionNote));
    }

    [Fact]
    public void A_deduction_rejection_reason_one_over_the_limit_is_refused_and_nothing_changes()
    {
        var d = Proposed();
        var ex = Assert.Throws<ValidationException>(() => d.Reject(Over200, "u-mgr", "经理", Now));
        Assert.Equal("DecisionNote", Assert.Single(ex.Errors).Field);
        Assert.Equal(DeductionStatus.Proposed, d.Status);
    }

    [Fact]
    public void A_collection_remark_one_over_the_limit_is_refused()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            DepositLedgerEntry.Collect(7, LedgerAccount.Deposit, null, 3000m, PaymentMethod.Cash, "SJ-1", "u", "n", Now, Over200));
        Assert.Equal("Reason", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void A_collection_of_exactly_one_million_is_accepted()
    {
        var e = DepositLedgerEntry.Collect(7, LedgerAccount.Deposit, null, 1_000_000m, PaymentMethod.BankTransfer, "SJ-1", "u", "n", Now);
        Assert.Equal(1_000_000m, e.Amount);
    }

    [Fact]
    public void A_reversal_reason_one_over_the_limit_is_refused()
    {
        var entry = LedgerTests.Deposit(3000m);
        var ex = Assert.Throws<ValidationException>(() => DepositLedgerEntry.Reverse(entry, Over200, "u", "n", Now));
        Assert.Equal("Reason", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void A_refund_request_with_an_unknown_method_is_refused()
    {
        var ex = Assert.Throws<ValidationException>(() => DepositRefund.Request(7, (PaymentMethod)99, [], "u-desk", "客服", Now));
        Assert.Equal("Method", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void A_refund_approval_note_one_over_the_limit_is_refused_and_nothing_changes()
    {
        var r = Requested();
        var ex = Assert.Throws<ValidationException>(() => r.Approve(3000m, Over200, "u-mgr", "经理", Now));
        Assert.Equal("DecisionNote", Assert.Single(ex.Errors).Field);
        Assert.Equal((RefundStatus.Requested, (decimal?)null, (string?)null), (r.Status, r.Amount, r.DecisionNote));
    }

    [Fact]
    public void A_refund_rejection_reason_one_over_the_limit_is_refused_and_nothing_changes()
    {
        var r = Requested();
        var ex = Assert.Throws<ValidationException>(() => r.Reject(Over200, "u-mgr", "经理", Now));
        Assert.Equal("DecisionNote", Assert.Single(ex.Errors).Field);
        Assert.Equal(RefundStatus.Requested, r.Status);
    }

    [Fact]
    public void An_approved_refund_cannot_be_rejected_afterwards()
    {
        var r = RefundTests.Approved(3000m);
        Assert.Throws<IllegalStepException>(() => r.Reject("不退", "u-other", "另一位经理", Now));
        Assert.Equal((RefundStatus.Approved, (decimal?)3000m, "u-mgr"), (r.Status, r.Amount, r.DecidedBy));
    }

    [Fact]
    public void Only_an_approved_unbooked_refund_is_booked()
    {
        var requested = Requested();
        Assert.Throws<InvalidOperationException>(() => requested.Booked(1));
        Assert.Null(requested.LedgerEntryId);
        var r = RefundTests.Approved(3000m);
        r.Booked(42);
        Assert.Equal(42, r.LedgerEntryId);
        Assert.Throws<InvalidOperationException>(() => r.Booked(43));
        Assert.Equal(42, r.LedgerEntryId);
    }
}
