using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

/// <summary>The only ways to make a ledger entry. Each checks its own input; none changes an existing entry.</summary>
public partial class DepositLedgerEntry
{
    /// <summary>收取 the deposit or a fee, with the receipt printed for it.</summary>
    public static DepositLedgerEntry Collect(int applicationId, LedgerAccount account, string? feeName, decimal amount, PaymentMethod method,
        string receiptNumber, string operatorId, string operatorName, DateTime atUtc, string? reason = null)
    {
        var e = new List<FieldError>();
        CheckAmount(e, amount);
        if (account == LedgerAccount.Fee && string.IsNullOrWhiteSpace(feeName)) e.Add(new(nameof(FeeName), new("请选择费用项目", "Choose the fee")));
        if (account == LedgerAccount.Deposit && feeName != null) throw new ArgumentException("A deposit entry has no fee name.", nameof(feeName));
        if (!Enum.IsDefined(method)) e.Add(new(nameof(Method), new("请选择收款方式", "Choose the payment method")));
        TextLimits.Check(e, nameof(Reason), reason, TextLimits.Reason, "备注", "Remark");
        e.ThrowIfAny();
        // Fixed: a collection was accepted without a receipt number, and the receipt is what the payer holds.
        if (string.IsNullOrWhiteSpace(receiptNumber)) throw new ArgumentException("A collection has a receipt number.", nameof(receiptNumber));
        return new DepositLedgerEntry { ApplicationId = applicationId, Kind = LedgerEntryKind.Collected, Account = account, FeeName = feeName?.Trim(),
            Amount = amount, Method = method, ReceiptNumber = receiptNumber, OperatorId = operatorId, OperatorName = operatorName, At = atUtc,
            Reason = Clean(reason) };
    }

    /// <summary>扣除 for an approved deduction (the deposit account only).</summary>
    public static DepositLedgerEntry Deduct(DepositDeduction deduction, string operatorId, string operatorName, DateTime atUtc)
    {
        // Fixed: any deduction (proposed, rejected, or unsaved with Id 0 — which would take the cause slot of another
        // unsaved one) could be booked; only an approved, saved deduction moves money.
        if (deduction.Status != DeductionStatus.Approved || deduction.Id == 0)
            throw new InvalidOperationException("Only an approved, saved deduction is booked.");
        return new()
        {
            ApplicationId = deduction.ApplicationId, Kind = LedgerEntryKind.Deducted, Account = LedgerAccount.Deposit, Amount = -deduction.Amount,
            OperatorId = operatorId, OperatorName = operatorName, At = atUtc, Reason = deduction.Reason,
            CauseType = nameof(DepositDeduction), CauseId = deduction.Id,
        };
    }

    /// <summary>清退 the whole balance for an approved refund, with the receipt the owner signs.</summary>
    public static DepositLedgerEntry Refund(DepositRefund refund, decimal balance, string receiptNumber, string operatorId, string operatorName, DateTime atUtc)
    {
        if (balance <= 0) throw new DomainException(new("保证金余额为零，无可清退", "There is no deposit left to refund"));
        // Fixed: a refund not approved, or approved for another amount than the balance written now, could be booked.
        if (refund.Status != RefundStatus.Approved || refund.Amount != balance || refund.Id == 0)
            throw new InvalidOperationException("Only an approved, saved refund is booked, for the balance it was approved for.");
        return new()
        {
            ApplicationId = refund.ApplicationId, Kind = LedgerEntryKind.Refunded, Account = LedgerAccount.Deposit, Amount = -balance,
            Method = refund.Method, ReceiptNumber = receiptNumber, OperatorId = operatorId, OperatorName = operatorName, At = atUtc,
            Reason = "保证金清退", CauseType = nameof(DepositRefund), CauseId = refund.Id,
        };
    }

    /// <summary>冲正: undoes <paramref name="entry"/> by its opposite, with the reason; a reversal is not itself reversed
    /// (a wrong reversal is corrected by a new collection or deduction).</summary>
    public static DepositLedgerEntry Reverse(DepositLedgerEntry entry, string reason, string operatorId, string operatorName, DateTime atUtc)
    {
        if (entry.Kind == LedgerEntryKind.Reversal) throw new DomainException(new("冲正记录不能再冲正", "A reversal cannot be reversed"));
        // Fixed: a refund could be reversed, putting money back on a closed application whose refund stays approved.
        if (entry.Kind == LedgerEntryKind.Refunded) throw new DomainException(new("清退记录不能冲正", "A refund cannot be reversed"));
        if (entry.Id == 0) throw new InvalidOperationException("Only a saved entry is reversed.");
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reason)) e.Add(new(nameof(Reason), new("请填写冲正原因", "Say why the entry is reversed")));
        else TextLimits.Check(e, nameof(Reason), reason, TextLimits.Reason, "冲正原因", "Reason");
        e.ThrowIfAny();
        return new()
        {
            ApplicationId = entry.ApplicationId, Kind = LedgerEntryKind.Reversal, Account = entry.Account, FeeName = entry.FeeName, Amount = -entry.Amount,
            Method = entry.Method, OperatorId = operatorId, OperatorName = operatorName, At = atUtc, Reason = reason.Trim(), ReversesEntryId = entry.Id,
        };
    }

    private static void CheckAmount(List<FieldError> e, decimal amount)
    {
        if (amount <= 0) e.Add(new(nameof(Amount), new("金额应大于 0", "The amount must be above 0")));
        else if (amount != Money.Round(amount)) e.Add(new(nameof(Amount), new("金额最多两位小数", "At most two decimals")));
        else if (amount > 1_000_000) e.Add(new(nameof(Amount), new("金额不能超过 1,000,000 元", "At most 1,000,000")));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>What the entries add up to — the balance is always derived, never stored.</summary>
public static class DepositLedger
{
    /// <summary>The deposit held for the application now.</summary>
    public static decimal Balance(IEnumerable<DepositLedgerEntry> entries) =>
        entries.Where(x => x.Account == LedgerAccount.Deposit).Sum(x => x.Amount);

    /// <summary>The fees paid (net of reversals) — by name.</summary>
    public static IReadOnlyCollection<string> FeesPaid(IEnumerable<DepositLedgerEntry> entries) =>
        entries.Where(x => x.Account == LedgerAccount.Fee && x.FeeName != null).GroupBy(x => x.FeeName!)
            .Where(g => g.Sum(x => x.Amount) > 0).Select(g => g.Key).ToList();
}
