using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Files;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>One line of an application's ledger, as the 台账 shows it (times in UTC; the page shows them in the project's zone).</summary>
public sealed record DepositEntryRow(long Id, LedgerEntryKind Kind, LedgerAccount Account, string? FeeName, decimal Amount, PaymentMethod? Method,
    string? ReceiptNumber, string OperatorName, DateTime At, string? Reason, long? ReversesEntryId, bool Reversed)
{
    /// <summary>What the line is for: 装修保证金, or the fee's name.</summary>
    public string Item => Account == LedgerAccount.Deposit ? "装修保证金" : FeeName ?? "";
    /// <summary>A receipt is printed for collections and refunds.</summary>
    public bool HasReceipt => ReceiptNumber != null;
    /// <summary>Reversible: not a reversal or a refund, and not reversed yet.</summary>
    public bool CanReverse => Kind is LedgerEntryKind.Collected or LedgerEntryKind.Deducted && !Reversed;
}

public sealed record DeductionRow(int Id, int? ViolationId, string Reason, decimal Amount, DeductionStatus Status, string ProposedByName, DateTime ProposedAt,
    string? DecidedByName, DateTime? DecidedAt, string? DecisionNote, IReadOnlyList<AttachmentInfo> Photos, int Version);

public sealed record RefundRow(int Id, RefundStatus Status, PaymentMethod Method, string RequestedBy, string RequestedByName, DateTime RequestedAt,
    string? DecidedByName, DateTime? DecidedAt, string? DecisionNote, decimal? Amount, long? LedgerEntryId, int Version);

/// <summary>The deposit page of one application: what is due, every entry, the derived balance, deductions, refunds, and
/// the reasons a refund cannot be requested now (empty when it can).</summary>
public sealed record DepositLedgerView(int ApplicationId, string Number, string Address, string OwnerName, RenovationStatus Status,
    decimal DepositDue, IReadOnlyList<RenovationFee> FeesDue, IReadOnlyList<DepositEntryRow> Entries, decimal Balance, IReadOnlyCollection<string> FeesPaid,
    IReadOnlyList<DeductionRow> Deductions, IReadOnlyList<RefundRow> Refunds, IReadOnlyList<Text> RefundBlockers, bool CanCollect,
    DateOnly? ObservationEndsOn, IReadOnlyList<(int Id, string Type)> Violations)
{
    /// <summary>What is still to collect of the deposit due (a deduction during the works may be topped up — 补缴).</summary>
    public decimal DepositOutstanding => Math.Max(0, DepositDue - Balance);

    public RefundRow? PendingRefund => Refunds.FirstOrDefault(r => r.Status == RefundStatus.Requested);
}

/// <summary>What a receipt (收据) prints.</summary>
public sealed record DepositReceipt(long EntryId, string ProjectName, string ReceiptNumber, LedgerEntryKind Kind, string Payer, string Address,
    string ApplicationNumber, string Item, decimal Amount, string AmountInCapitals, PaymentMethod? Method, string OperatorName, DateTime LocalTime, string? Remark)
{
    public bool IsRefund => Kind == LedgerEntryKind.Refunded;
}

public static class DepositLabels
{
    public static Text Label(this LedgerEntryKind k) => k switch
    {
        LedgerEntryKind.Collected => new("收取", "Collected"),
        LedgerEntryKind.Deducted => new("扣除", "Deducted"),
        LedgerEntryKind.Refunded => new("清退", "Refunded"),
        _ => new("冲正", "Reversal"),
    };

    public static Text Label(this PaymentMethod m) => m switch
    {
        PaymentMethod.Cash => new("现金", "Cash"),
        PaymentMethod.BankTransfer => new("银行转账", "Bank transfer"),
        PaymentMethod.WeChatPay => new("微信支付", "WeChat Pay"),
        _ => new("支付宝", "Alipay"),
    };
}
