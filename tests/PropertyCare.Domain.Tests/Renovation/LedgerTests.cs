using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>The ledger's factories and what the entries add up to (the balance is derived, never stored).</summary>
public sealed class LedgerTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static long _id = 100;

    internal static DepositLedgerEntry Saved(DepositLedgerEntry e) { e.Id = ++_id; return e; }

    internal static DepositLedgerEntry Deposit(decimal amount) =>
        Saved(DepositLedgerEntry.Collect(7, LedgerAccount.Deposit, null, amount, PaymentMethod.WeChatPay, "SJ-20261120-0001", "u-desk", "客服小李", Now));

    internal static DepositLedgerEntry Fee(string name, decimal amount) =>
        Saved(DepositLedgerEntry.Collect(7, LedgerAccount.Fee, name, amount, PaymentMethod.Cash, "SJ-20261120-0002", "u-desk", "客服小李", Now));

    [Fact]
    public void A_collection_records_who_how_and_the_receipt()
    {
        var e = DepositLedgerEntry.Collect(7, LedgerAccount.Fee, " 装修垃圾清运费 ", 500m, PaymentMethod.Alipay, "SJ-20261120-0003", "u-desk", "客服小李", Now, " 现场收取 ");
        Assert.Equal((LedgerEntryKind.Collected, LedgerAccount.Fee, "装修垃圾清运费", 500m, PaymentMethod.Alipay, "SJ-20261120-0003", "客服小李", Now, "现场收取"),
            (e.Kind, e.Account, e.FeeName, e.Amount, e.Method, e.ReceiptNumber, e.OperatorName, e.At, e.Reason));
    }

    [Theory]
    [InlineData(0, "Amount")]
    [InlineData(-5, "Amount")]
    [InlineData(10.005, "Amount")]
    [InlineData(1_000_000.01, "Amount")]
    public void A_collection_refuses_a_wrong_amount(decimal amount, string field)
    {
        var ex = Assert.Throws<ValidationException>(() => DepositLedgerEntry.Collect(7, LedgerAccount.Deposit, null, amount, PaymentMethod.Cash, "SJ-1", "u", "n", Now));
        Assert.Equal(field, Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void A_fee_needs_its_name_a_method_must_be_known_and_a_receipt_is_required()
    {
        var ex = Assert.Throws<ValidationException>(() => DepositLedgerEntry.Collect(7, LedgerAccount.Fee, " ", 10m, (PaymentMethod)99, "SJ-1", "u", "n", Now));
        Assert.Equal(["FeeName", "Method"], ex.Errors.Select(e => e.Field));
        Assert.Throws<ArgumentException>(() => DepositLedgerEntry.Collect(7, LedgerAccount.Deposit, "x", 10m, PaymentMethod.Cash, "SJ-1", "u", "n", Now));
        Assert.Throws<ArgumentException>(() => DepositLedgerEntry.Collect(7, LedgerAccount.Deposit, null, 10m, PaymentMethod.Cash, " ", "u", "n", Now));
    }

    [Fact]
    public void The_balance_is_the_sum_of_the_deposit_account_and_fees_do_not_count()
    {
        var d = Deposit(3000m);
        var f = Fee("装修垃圾清运费", 500m);
        Assert.Equal(3000m, DepositLedger.Balance([d, f]));
        Assert.Equal(0m, DepositLedger.Balance([]));
        var reversal = Saved(DepositLedgerEntry.Reverse(d, "金额录错", "u-mgr", "经理", Now));
        Assert.Equal(0m, DepositLedger.Balance([d, f, reversal]));
    }

    [Fact]
    public void Fees_paid_are_the_ones_whose_net_is_positive()
    {
        var f = Fee("装修垃圾清运费", 500m);
        var g = Fee("电梯保护费", 200m);
        Assert.Equal(new HashSet<string> { "装修垃圾清运费", "电梯保护费" }, DepositLedger.FeesPaid([f, g]).ToHashSet());
        var undo = Saved(DepositLedgerEntry.Reverse(g, "收错项目", "u-mgr", "经理", Now));
        Assert.Equal(["装修垃圾清运费"], DepositLedger.FeesPaid([f, g, undo]));
        Assert.Empty(DepositLedger.FeesPaid([Deposit(3000m)]));
    }

    [Fact]
    public void A_reversal_is_the_opposite_naming_the_entry_and_needs_a_reason()
    {
        var d = Deposit(3000m);
        var r = DepositLedgerEntry.Reverse(d, " 重复收取 ", "u-mgr", "经理老周", Now);
        Assert.Equal((LedgerEntryKind.Reversal, LedgerAccount.Deposit, -3000m, (long?)d.Id, "重复收取", (string?)null),
            (r.Kind, r.Account, r.Amount, r.ReversesEntryId, r.Reason, r.ReceiptNumber));
        Assert.Equal("Reason", Assert.Single(Assert.Throws<ValidationException>(() => DepositLedgerEntry.Reverse(d, " ", "u", "n", Now)).Errors).Field);
        Assert.Throws<DomainException>(() => DepositLedgerEntry.Reverse(Saved(r), "再冲", "u", "n", Now));
    }

    [Fact]
    public void A_refund_or_an_unsaved_entry_cannot_be_reversed()
    {
        var refund = RefundTests.Approved(3000m);
        var entry = Saved(DepositLedgerEntry.Refund(refund, 3000m, "SJ-20261120-0009", "u-mgr", "经理", Now));
        Assert.Throws<DomainException>(() => DepositLedgerEntry.Reverse(entry, "退错了", "u", "n", Now));
        Assert.Throws<InvalidOperationException>(() => DepositLedgerEntry.Reverse(
            DepositLedgerEntry.Collect(7, LedgerAccount.Deposit, null, 10m, PaymentMethod.Cash, "SJ-1", "u", "n", Now), "x", "u", "n", Now));
    }

    [Fact]
    public void A_deduction_entry_is_written_only_for_an_approved_saved_deduction()
    {
        var d = DepositDeduction.Propose(7, 3, "破坏公共走道地砖", 800m, "u-desk", "客服", Now);
        d.Id = 5;
        Assert.Throws<InvalidOperationException>(() => DepositLedgerEntry.Deduct(d, "u-mgr", "经理", Now));
        d.Approve(3000m, null, "u-mgr", "经理", Now);
        var e = DepositLedgerEntry.Deduct(d, "u-mgr", "经理", Now);
        Assert.Equal((LedgerEntryKind.Deducted, -800m, nameof(DepositDeduction), (int?)5, "破坏公共走道地砖"), (e.Kind, e.Amount, e.CauseType, e.CauseId, e.Reason));
    }

    [Fact]
    public void A_refund_entry_takes_the_approved_balance_and_nothing_else()
    {
        var r = RefundTests.Approved(2200m);
        var e = DepositLedgerEntry.Refund(r, 2200m, "SJ-20261120-0010", "u-mgr", "经理", Now);
        Assert.Equal((LedgerEntryKind.Refunded, -2200m, PaymentMethod.BankTransfer, "SJ-20261120-0010", nameof(DepositRefund), (int?)r.Id),
            (e.Kind, e.Amount, e.Method, e.ReceiptNumber, e.CauseType, e.CauseId));
        Assert.Throws<InvalidOperationException>(() => DepositLedgerEntry.Refund(r, 2000m, "SJ-1", "u", "n", Now));
        Assert.Throws<DomainException>(() => DepositLedgerEntry.Refund(r, 0m, "SJ-1", "u", "n", Now));
        var requested = DepositRefund.Request(7, PaymentMethod.Cash, [], "u-desk", "客服", Now);
        requested.Id = 9;
        Assert.Throws<InvalidOperationException>(() => DepositLedgerEntry.Refund(requested, 2200m, "SJ-1", "u", "n", Now));
    }
}
