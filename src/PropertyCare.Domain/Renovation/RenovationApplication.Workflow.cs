using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

/// <summary>The steps of an application up to the permit, and the stop, extension, acceptance and closing steps after.</summary>
public partial class RenovationApplication
{
    /// <summary>资料审核: the desk passes a complete file on to engineering review, or returns it with what is missing.</summary>
    public void DeskCheck(bool complete, string? missing, string by, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Submitted);
        if (!complete)
        {
            var e = new List<FieldError>();
            Required(e, nameof(ReturnReason), missing, TextLimits.Reason, "需补充的资料", "What is missing");
            e.ThrowIfAny();
            ReturnReason = missing!.Trim();
            Status = RenovationStatus.Returned;
        }
        else
        {
            ReturnReason = null;
            Status = RenovationStatus.UnderReview;
        }
        DeskCheckedBy = by;
        DeskCheckedAt = atUtc;
    }

    /// <summary>The applicant sends the completed file back to the desk.</summary>
    public void Resubmit()
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Returned);
        Status = RenovationStatus.Submitted;
    }

    /// <summary>工程审核: approve (the deposit and fees due are fixed now, from the settings and the unit's area), approve
    /// with conditions (written), or reject with reasons (written).</summary>
    public void Review(ReviewDecision decision, string? text, RenovationSettings settings, decimal unitArea, string by, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.UnderReview);
        var e = new List<FieldError>();
        if (decision == ReviewDecision.ApprovedWithConditions) Required(e, nameof(DecisionText), text, TextLimits.Description, "审批条件", "Conditions");
        else if (decision == ReviewDecision.Rejected) Required(e, nameof(DecisionText), text, TextLimits.Description, "驳回理由", "Reasons");
        else TextLimits.Check(e, nameof(DecisionText), text, TextLimits.Description, "审批意见", "Remarks");
        e.ThrowIfAny();
        Decision = decision;
        DecisionText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        ReviewedBy = by;
        ReviewedAt = atUtc;
        if (decision == ReviewDecision.Rejected) { Status = RenovationStatus.Rejected; return; }
        DepositDue = settings.DepositFor(unitArea);
        FeesDue = settings.Fees.Select(f => new RenovationFee { Name = f.Name, Amount = f.For(unitArea) }).ToList();
        Status = RenovationStatus.Approved;
    }

    /// <summary>办理装修许可证: only with the deposit held in full, every fee paid and at least one registered worker; the
    /// unit becomes 装修中 and remembers what it was. Delivered units only (a unit not handed over has no owner works).</summary>
    public void IssuePermit(string permitNumber, decimal depositHeld, IReadOnlyCollection<string> feesPaid, int workers, Unit unit, string by, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Approved);
        if (unit.Id != UnitId) throw new InvalidOperationException("The unit is not the application's.");
        var e = new List<FieldError>();
        if (depositHeld < DepositDue)
            e.Add(new("Deposit", new($"装修保证金未缴足：应缴 {Money.Format(DepositDue)}，已收 {Money.Format(depositHeld)}",
                $"The deposit is not paid in full: {Money.Format(DepositDue)} due, {Money.Format(depositHeld)} held")));
        foreach (var fee in FeesDue.Where(f => !feesPaid.Contains(f.Name)))
            e.Add(new("Fees", new($"“{fee.Name}”未缴（{Money.Format(fee.Amount)}）", $"'{fee.Name}' is not paid ({Money.Format(fee.Amount)})")));
        if (workers == 0) e.Add(new("Workers", new("请先登记施工人员（办理出入证）", "Register the workers first (for their passes)")));
        if (unit.State == UnitState.NotDelivered) e.Add(new("Unit", new("房屋未交付，不能装修", "The unit has not been delivered")));
        if (string.IsNullOrWhiteSpace(permitNumber)) e.Add(new(nameof(PermitNumber), new("许可证编号缺失", "The permit number is missing")));
        e.ThrowIfAny();
        // A unit delivered as 装修中 (the owner said so at move-in) goes back to 空置 after the works: nobody lives there yet.
        StateBefore = unit.State == UnitState.Renovating ? UnitState.Vacant : unit.State;
        unit.State = UnitState.Renovating;
        PermitNumber = permitNumber;
        PermitIssuedAt = atUtc;
        PermitIssuedBy = by;
        Status = RenovationStatus.Working;
    }

    /// <summary>The applicant withdraws before the permit (nothing was built; any deposit collected is refunded by the
    /// ledger's refund, which needs no acceptance then).</summary>
    public void Withdraw(string reason)
    {
        if (!Status.IsBeforePermit())
            throw new IllegalStepException(What, Status.Label(), [RenovationStatus.Submitted.Label(), RenovationStatus.Returned.Label(), RenovationStatus.UnderReview.Label(), RenovationStatus.Approved.Label()]);
        var e = new List<FieldError>();
        Required(e, nameof(WithdrawReason), reason, TextLimits.Reason, "撤回原因", "Reason");
        e.ThrowIfAny();
        WithdrawReason = reason.Trim();
        Status = RenovationStatus.Withdrawn;
    }

    /// <summary>延期申请: one open request at a time, to a later end than the one in force.</summary>
    public void RequestExtension(DateOnly newEnd, string reason, string by, DateTime atUtc, RenovationSettings settings)
    {
        if (!Status.IsActiveWorks()) throw new IllegalStepException(What, Status.Label(), [RenovationStatus.Working.Label(), RenovationStatus.Stopped.Label()]);
        var e = new List<FieldError>();
        if (Extensions.Any(x => x.Status == ExtensionStatus.Requested)) e.Add(new(nameof(Extensions), new("已有待审批的延期申请", "An extension request is already waiting")));
        if (newEnd <= ApprovedEnd) e.Add(new(nameof(ExtensionRequest.RequestedEnd), new($"延期后的完工日期须晚于 {ApprovedEnd:yyyy-MM-dd}", $"The new end must be after {ApprovedEnd:yyyy-MM-dd}")));
        else if (newEnd.DayNumber - ApprovedEnd.DayNumber > settings.MaxDurationDays)
            e.Add(new(nameof(ExtensionRequest.RequestedEnd), new($"一次延期不能超过 {settings.MaxDurationDays} 天", $"One extension is at most {settings.MaxDurationDays} days")));
        Required(e, nameof(ExtensionRequest.Reason), reason, TextLimits.Reason, "延期原因", "Reason");
        e.ThrowIfAny();
        Extensions.Add(new ExtensionRequest { RequestedEnd = newEnd, Reason = reason.Trim(), RequestedBy = by, RequestedAt = atUtc, Status = ExtensionStatus.Requested });
    }

    public ExtensionRequest? PendingExtension => Extensions.FirstOrDefault(x => x.Status == ExtensionStatus.Requested);

    /// <summary>The manager approves (the end in force moves) or rejects (with a note) the open request.</summary>
    public void DecideExtension(bool approve, string? note, string by, DateTime atUtc)
    {
        // A request left open when the works were accepted (or the file closed) is moot: moving the end then would
        // rewrite the record of an accepted renovation.
        if (!Status.IsActiveWorks()) throw new IllegalStepException(What, Status.Label(), [RenovationStatus.Working.Label(), RenovationStatus.Stopped.Label()]);
        var x = PendingExtension ?? throw new DomainException(new("没有待审批的延期申请", "There is no extension request waiting"));
        var e = new List<FieldError>();
        if (!approve) Required(e, nameof(ExtensionRequest.DecisionNote), note, TextLimits.Reason, "驳回理由", "Reason");
        else TextLimits.Check(e, nameof(ExtensionRequest.DecisionNote), note, TextLimits.Reason, "审批意见", "Remarks");
        e.ThrowIfAny();
        x.Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
        x.DecidedBy = by;
        x.DecidedAt = atUtc;
        x.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (approve) ApprovedEnd = x.RequestedEnd;
    }

    /// <summary>Past the end in force and not yet accepted: overdue works (shown red; patrols look at them).</summary>
    public bool IsOverdue(DateOnly today) => Status.IsActiveWorks() && today > ApprovedEnd;

    /// <summary>停工通知: works stop (usually for an unrectified violation).</summary>
    public void Stop(string reason, int? violationId, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Working);
        var e = new List<FieldError>();
        Required(e, nameof(StopReason), reason, TextLimits.Reason, "停工原因", "Reason");
        e.ThrowIfAny();
        StopReason = reason.Trim();
        StopViolationId = violationId;
        StoppedAt = atUtc;
        Status = RenovationStatus.Stopped;
    }

    /// <summary>复工 after the stop's cause is rectified (the service checks the violation is closed).</summary>
    public void Resume()
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Stopped);
        Status = RenovationStatus.Working;
    }

    /// <summary>装修验收通过: the unit goes back to its state before the works, and the observation period starts.</summary>
    public void Accept(DateOnly on, RenovationSettings settings, Unit unit)
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Working);
        if (unit.Id != UnitId) throw new InvalidOperationException("The unit is not the application's.");
        AcceptedOn = on;
        ObservationEndsOn = on.AddDays(settings.ObservationDays);
        if (unit.State == UnitState.Renovating) unit.State = StateBefore ?? UnitState.Vacant;
        Status = RenovationStatus.Accepted;
    }

    /// <summary>Whether the observation period after acceptance is over (refunds may be requested from then on).</summary>
    public bool ObservationOver(DateOnly today) => ObservationEndsOn is { } end && today >= end;

    /// <summary>已结案: the deposit is settled (the ledger's balance is zero); from acceptance, or from a withdrawal.</summary>
    public void Close(decimal balance, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Accepted, RenovationStatus.Withdrawn, RenovationStatus.Rejected);
        if (balance != 0) throw new DomainException(new($"保证金余额 {Money.Format(balance)} 未清退，不能结案", $"{Money.Format(balance)} of deposit is still held"));
        ClosedAt = atUtc;
        if (Status == RenovationStatus.Accepted) Status = RenovationStatus.Closed;
    }
}
