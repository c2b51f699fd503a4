using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.VacantUnits;

public enum CustodyStatus
{
    Held = 0,      // 在库
    OnLoan = 1,    // 借出
    Returned = 2,  // 已归还业主 (custody ended)
}

/// <summary>One borrowing of the unit's keys: who, when, why, until when, and when they came back.</summary>
public sealed class KeyLoan
{
    public string Borrower { get; init; } = "";
    public string Purpose { get; init; } = "";
    public DateTime BorrowedAt { get; init; }
    public DateTime ExpectedReturnAt { get; init; }
    public DateTime? ReturnedAt { get; set; }
    public string? LentBy { get; init; }
}

/// <summary>钥匙托管 — keys the service centre holds for a unit, only with the owner's written authorisation (委托书,
/// its scan kept as a file). Every borrowing and return is a <see cref="KeyLoan"/>; one set is out at most once at a
/// time; a loan past its expected return is overdue (flagged to staff, escalated to the manager once).</summary>
public class KeyCustody : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int UnitId { get; private set; }
    public int OwnerId { get; private set; }
    /// <summary>The scan of the owner's signed authorisation (钥匙托管委托书).</summary>
    public int AuthorisationFileId { get; private set; }
    public DateOnly AuthorisedOn { get; private set; }
    /// <summary>What is held, e.g. 入户门钥匙 2 把.</summary>
    public string KeyDescription { get; private set; } = "";
    public CustodyStatus Status { get; private set; }
    public List<KeyLoan> Loans { get; private set; } = [];
    public DateTime? EscalatedAt { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    /// <summary>A loan longer than this is a move-out, not a borrowing (ours: a week covers any repair or viewing).</summary>
    public static readonly TimeSpan MaxLoan = TimeSpan.FromDays(7);

    private static readonly Text What = new("托管钥匙", "key custody");

    public static KeyCustody Accept(int unitId, int ownerId, int authorisationFileId, DateOnly authorisedOn, string keyDescription)
    {
        var e = new List<FieldError>();
        if (authorisationFileId <= 0) e.Add(new(nameof(AuthorisationFileId), new("请上传业主签字的钥匙托管委托书", "Attach the owner's signed authorisation")));
        if (string.IsNullOrWhiteSpace(keyDescription)) e.Add(new(nameof(KeyDescription), new("请填写托管的钥匙", "Describe the keys held")));
        else TextLimits.Check(e, nameof(KeyDescription), keyDescription, TextLimits.Location, "钥匙说明", "Keys");
        e.ThrowIfAny();
        return new KeyCustody { UnitId = unitId, OwnerId = ownerId, AuthorisationFileId = authorisationFileId, AuthorisedOn = authorisedOn,
            KeyDescription = keyDescription.Trim(), Status = CustodyStatus.Held };
    }

    /// <summary>The loan not yet returned — found by its missing return, not by position: a collection loaded from the
    /// database has no guaranteed order.</summary>
    public KeyLoan? CurrentLoan => Status == CustodyStatus.OnLoan ? Loans.Single(l => l.ReturnedAt == null) : null;

    public void Lend(string borrower, string purpose, DateTime nowUtc, DateTime expectedReturnUtc, string lentBy)
    {
        IllegalStepException.Require(What, Status, VacantLabels.Label, CustodyStatus.Held);
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(borrower)) e.Add(new(nameof(KeyLoan.Borrower), new("请填写借用人", "Who borrows the keys?")));
        else TextLimits.Check(e, nameof(KeyLoan.Borrower), borrower, TextLimits.PersonName, "借用人", "Borrower");
        if (string.IsNullOrWhiteSpace(purpose)) e.Add(new(nameof(KeyLoan.Purpose), new("请填写借用事由", "Why are they borrowed?")));
        else TextLimits.Check(e, nameof(KeyLoan.Purpose), purpose, TextLimits.Reason, "借用事由", "Purpose");
        if (expectedReturnUtc <= nowUtc) e.Add(new(nameof(KeyLoan.ExpectedReturnAt), new("预计归还时间须晚于现在", "The expected return must be later than now")));
        else if (expectedReturnUtc - nowUtc > MaxLoan) e.Add(new(nameof(KeyLoan.ExpectedReturnAt), new("借用时间不能超过 7 天", "A loan is at most 7 days")));
        e.ThrowIfAny();
        Loans.Add(new KeyLoan { Borrower = borrower.Trim(), Purpose = purpose.Trim(), BorrowedAt = nowUtc, ExpectedReturnAt = expectedReturnUtc, LentBy = lentBy });
        EscalatedAt = null;
        Status = CustodyStatus.OnLoan;
    }

    public void TakeBack(DateTime nowUtc)
    {
        IllegalStepException.Require(What, Status, VacantLabels.Label, CustodyStatus.OnLoan);
        var loan = CurrentLoan!;
        if (nowUtc < loan.BorrowedAt) throw new DomainException(new("归还时间早于借出时间", "The return is before the loan"));
        loan.ReturnedAt = nowUtc;
        Status = CustodyStatus.Held;
    }

    /// <summary>托管结束: the keys go back to the owner; not while they are out.</summary>
    public void ReturnToOwner()
    {
        IllegalStepException.Require(What, Status, VacantLabels.Label, CustodyStatus.Held);
        Status = CustodyStatus.Returned;
    }

    /// <summary>Out past the expected return; at the very instant it is due it is not overdue yet.</summary>
    public bool IsOverdue(DateTime nowUtc) => CurrentLoan is { } l && nowUtc > l.ExpectedReturnAt;

    /// <summary>True once per loan: when overdue and the manager has not yet been told.</summary>
    public bool Escalate(DateTime nowUtc)
    {
        if (!IsOverdue(nowUtc) || EscalatedAt != null) return false;
        EscalatedAt = nowUtc;
        return true;
    }
}
