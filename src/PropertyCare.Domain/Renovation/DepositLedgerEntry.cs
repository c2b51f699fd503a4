using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

public enum LedgerEntryKind
{
    Collected = 0,  // 收取
    Deducted = 1,   // 扣除 (a violation or damage; approved by the manager)
    Refunded = 2,   // 清退 (the balance, to the owner; requested and approved by two people)
    Reversal = 3,   // 冲正 (a mistake undone by a counter-entry that references it)
}

/// <summary>Which money an entry moves: the refundable deposit, or a non-refundable fee.</summary>
public enum LedgerAccount
{
    Deposit = 0,  // 装修保证金
    Fee = 1,      // 其他费用 (装修垃圾清运费 …), named by FeeName
}

public enum PaymentMethod
{
    Cash = 0,          // 现金
    BankTransfer = 1,  // 银行转账
    WeChatPay = 2,     // 微信支付
    Alipay = 3,        // 支付宝
}

/// <summary>One movement of owners' money (装修保证金台账). Append-only: never updated, never deleted — the database
/// refuses both (triggers in the migration). <see cref="Amount"/> is signed: + into the account (collected), − out of it
/// (deducted, refunded); a reversal carries the opposite of the entry it reverses and names it. The balance is the sum.</summary>
public partial class DepositLedgerEntry : ITenantOwned
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public int ApplicationId { get; private set; }
    public LedgerEntryKind Kind { get; private set; }
    public LedgerAccount Account { get; private set; }
    public string? FeeName { get; private set; }
    public decimal Amount { get; private set; }
    public PaymentMethod? Method { get; private set; }
    /// <summary>The receipt (收据) printed for a collection or a refund; unique in the project.</summary>
    public string? ReceiptNumber { get; private set; }
    public string OperatorId { get; private set; } = "";
    public string OperatorName { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>What caused it: a <c>DepositDeduction</c> (deducted), a <c>DepositRefund</c> (refunded).</summary>
    public string? CauseType { get; private set; }
    public int? CauseId { get; private set; }
    /// <summary>The entry this one reverses (冲正), for Kind = Reversal; an entry is reversed at most once.</summary>
    public long? ReversesEntryId { get; private set; }
}
