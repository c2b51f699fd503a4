using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Complaints;

/// <summary>Who the desk dispatches to, and how it classified the complaint.</summary>
public sealed record ComplaintClassification(
    ComplaintClass? Class,
    string? ClassReason,
    string Category,
    SameDayReason SameDay,
    string Department,
    string HandlerId,
    string HandlerName);

/// <summary>What the customer said at the callback.</summary>
public sealed record ComplaintCallbackAnswer(Satisfaction Satisfaction, bool AcceptsExplanation, string? CustomerOpinion);

/// <summary>The steps: classify and dispatch, plan, delay, handle, follow up, call back, close, reopen — and the
/// escalation the job applies.</summary>
public partial class Complaint
{
    /// <summary>分类派单: the desk classifies (有效/待改进/无效 with the reason, for complaints), sets the category, whether it is
    /// a same-day item, and dispatches to a department and a person. The plan is due the same day for same-day items,
    /// else the project's working days after receipt.</summary>
    public void Classify(ComplaintClassification c, ComplaintSettings settings, string by, DateTime nowUtc, ComplaintTime time)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Registered);
        if (!Kind.IsHandled()) throw new DomainException(new($"{Kind.Label().Zh}不需要派单", $"A {Kind.Label().En.ToLowerInvariant()} is not dispatched"));
        var e = new List<FieldError>();
        if (Kind == ComplaintKind.Complaint)
        {
            if (c.Class is not { } cls || !Enum.IsDefined(cls)) e.Add(new(nameof(Class), new("请选择投诉性质（有效/待改进/无效）", "Choose valid, to improve or invalid")));
            Required(e, nameof(ClassReason), c.ClassReason, TextLimits.Reason, "定性理由", "The reason for the classification");
        }
        else if (c.Class != null) e.Add(new(nameof(Class), new("只有投诉需要定性", "Only complaints are classified")));
        if (string.IsNullOrWhiteSpace(c.Category) || !settings.Categories.Contains(c.Category.Trim()))
            e.Add(new(nameof(Category), new("请选择本项目的投诉类别", "Choose one of this project's categories")));
        if (!Enum.IsDefined(c.SameDay)) e.Add(new(nameof(SameDay), new("请选择紧急程度", "Choose the urgency")));
        var dept = settings.Department(c.Department);
        if (dept == null) e.Add(new(nameof(Department), new("请选择责任部门", "Choose the responsible department")));
        if (string.IsNullOrWhiteSpace(c.HandlerId)) e.Add(new(nameof(HandlerId), new("请选择责任人", "Choose the person responsible")));
        e.ThrowIfAny();

        Class = c.Class;
        ClassReason = Kind == ComplaintKind.Complaint ? c.ClassReason!.Trim() : null;
        Category = c.Category.Trim();
        SameDay = c.SameDay;
        ClassifiedBy = by;
        ClassifiedAt = nowUtc;
        // The plan's deadline runs from receipt: a same-day item classified later in the day is still due today.
        PlanDueAt = SameDay != SameDayReason.None ? time.EndOfSameDay(ReceivedAt) : time.EndOfWorkingDays(ReceivedAt, settings.PlanWorkingDays);
        AssignTo(dept!, c.HandlerId, c.HandlerName);
        Status = ComplaintStatus.Dispatched;
        // Level 1 normally; a complaint escalated while it waited for dispatch keeps its level.
        Dispatches.Add(new ComplaintDispatch { Level = DispatchLevel, At = nowUtc, Reason = "受理派单", To = $"{Department} {HandlerName}", By = by });
    }

    private void AssignTo(ComplaintDepartment dept, string handlerId, string handlerName)
    {
        // A shared contact was shared with one person: another handler does not inherit it.
        if (handlerId != HandlerId) { ContactSharedWithId = null; ContactSharedBy = null; ContactSharedAt = null; }
        Department = dept.Name;
        DepartmentHeadId = dept.HeadUserId;
        DepartmentHeadName = dept.HeadName;
        HandlerId = handlerId;
        HandlerName = string.IsNullOrWhiteSpace(handlerName) ? handlerId : handlerName.Trim();
    }

    /// <summary>改派: another department or person takes it over; deadlines and the dispatch level stay.</summary>
    public void Reassign(string department, string handlerId, string handlerName, ComplaintSettings settings)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Dispatched, ComplaintStatus.Planned);
        var dept = settings.Department(department) ?? throw new ValidationException([new(nameof(Department), new("请选择责任部门", "Choose the responsible department"))]);
        if (string.IsNullOrWhiteSpace(handlerId)) throw new ValidationException([new(nameof(HandlerId), new("请选择责任人", "Choose the person responsible"))]);
        AssignTo(dept, handlerId, handlerName);
    }

    /// <summary>咨询答复: a consultation is answered (the same day is on time) and closed.</summary>
    public void Answer(string answer, string by, DateTime nowUtc)
    {
        if (Kind != ComplaintKind.Consultation) throw new DomainException(new("只有咨询可以直接答复", "Only consultations are answered directly"));
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Registered);
        var e = new List<FieldError>();
        Required(e, nameof(Result), answer, TextLimits.Description, "答复内容", "The answer");
        e.ThrowIfAny();
        Result = answer.Trim();
        HandledBy = by;
        HandledAt = nowUtc;
        HandledOnTime = nowUtc <= PlanDueAt;
        Status = ComplaintStatus.Closed;
        ClosedAt = nowUtc;
        ClosedBy = by;
    }

    /// <summary>处理方案 (整改措施), told to the customer: handling is then due the project's working days later, and may be
    /// put off (with a reason) at most to the project's limit.</summary>
    public void RecordPlan(string plan, string by, DateTime nowUtc, ComplaintSettings settings, ComplaintTime time)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Dispatched);
        var e = new List<FieldError>();
        Required(e, nameof(Plan), plan, TextLimits.Description, "处理方案", "The plan");
        e.ThrowIfAny();
        Plan = plan.Trim();
        PlannedAt = nowUtc;
        HandleDueAt = SameDay != SameDayReason.None ? time.EndOfSameDay(ReceivedAt) : time.EndOfWorkingDays(nowUtc, settings.HandleWorkingDays);
        if (HandleDueAt < nowUtc) HandleDueAt = time.EndOfSameDay(nowUtc);
        HandleLimitAt = SameDay != SameDayReason.None ? HandleDueAt : time.EndOfWorkingDays(nowUtc, settings.MaxHandleWorkingDays);
        Status = ComplaintStatus.Planned;
    }

    /// <summary>延期处理: special cases may take longer, never past the limit, and only with the reason written down.</summary>
    public void Delay(DateOnly newDueLocalDate, string reason, DateTime nowUtc, ComplaintTime time)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Planned);
        var e = new List<FieldError>();
        Required(e, nameof(DelayReason), reason, TextLimits.Reason, "延期原因", "The reason for the delay");
        var newDue = time.ToUtc(newDueLocalDate.ToDateTime(ComplaintTime.EndOfDay));
        if (newDue <= HandleDueAt) e.Add(new(nameof(HandleDueAt), new("延期后的期限须晚于当前期限", "The new deadline must be later than the current one")));
        else if (newDue > HandleLimitAt)
            e.Add(new(nameof(HandleDueAt), new($"最长只能延至 {time.LocalDate(HandleLimitAt!.Value):yyyy-MM-dd}", $"It can be put off at most to {time.LocalDate(HandleLimitAt!.Value):yyyy-MM-dd}")));
        if (newDue < nowUtc) e.Add(new(nameof(HandleDueAt), new("延期后的期限不能早于现在", "The new deadline is in the past")));
        e.ThrowIfAny();
        HandleDueAt = newDue;
        DelayReason = reason.Trim();
    }

    /// <summary>处理完成: the result (and the receiver's opinion) of the handling sheet; the callback is due within the
    /// project's days.</summary>
    public void Handle(string result, string? receiverOpinion, string by, DateTime nowUtc, ComplaintSettings settings, ComplaintTime time)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Planned);
        var e = new List<FieldError>();
        Required(e, nameof(Result), result, TextLimits.Description, "处理结果", "The result");
        TextLimits.Check(e, nameof(ReceiverOpinion), receiverOpinion, TextLimits.Remark, "受理人意见", "Receiver's opinion");
        e.ThrowIfAny();
        Result = result.Trim();
        ReceiverOpinion = Clean(receiverOpinion) ?? ReceiverOpinion;
        HandledBy = by;
        HandledAt = nowUtc;
        // On time only when every deadline of this round held: the plan's and the handling's (as put off with a reason).
        HandledOnTime = nowUtc <= HandleDueAt && PlannedAt <= PlanDueAt;
        CallbackDueOn = time.LocalDate(nowUtc).AddDays(settings.CallbackDays);
        Status = ComplaintStatus.Handled;
    }

    /// <summary>经理意见 on the handling sheet.</summary>
    public void RecordManagerOpinion(string opinion, string by)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Planned, ComplaintStatus.Handled, ComplaintStatus.Closed);
        var e = new List<FieldError>();
        Required(e, nameof(ManagerOpinion), opinion, TextLimits.Remark, "经理意见", "The manager's opinion");
        e.ThrowIfAny();
        ManagerOpinion = opinion.Trim();
        ManagerOpinionBy = by;
    }

    /// <summary>跟进: who talked to the customer, when, and what was said.</summary>
    public void FollowUp(FollowUpChannel channel, string said, string by, DateTime nowUtc)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Registered, ComplaintStatus.Dispatched, ComplaintStatus.Planned, ComplaintStatus.Handled);
        var e = new List<FieldError>();
        if (!Enum.IsDefined(channel)) e.Add(new(nameof(FollowUpChannel), new("请选择跟进方式", "Choose how")));
        Required(e, nameof(FollowUps), said, TextLimits.Remark, "跟进内容", "What was said");
        e.ThrowIfAny();
        FollowUps.Add(new ComplaintFollowUp { At = nowUtc, By = by, Channel = channel, Said = said.Trim() });
        LastFollowUpAt = nowUtc;
    }

    /// <summary>Whether this answer closes the complaint (3.8): a valid complaint only when the customer is satisfied; a
    /// 待改进 one when satisfied or the explanation is accepted; an invalid one once the explanation was given (the
    /// handling's result); suggestions and reports like 待改进.</summary>
    public bool WouldClose(ComplaintCallbackAnswer a) => (Kind, Class) switch
    {
        (ComplaintKind.Complaint, ComplaintClass.Valid) => IsSatisfied(a.Satisfaction),
        (ComplaintKind.Complaint, ComplaintClass.Invalid) => true,
        _ => IsSatisfied(a.Satisfaction) || a.AcceptsExplanation,
    };

    public static bool IsSatisfied(Satisfaction s) => s is Satisfaction.VerySatisfied or Satisfaction.Satisfied;

    /// <summary>回访: closes the complaint, or sends it back to its department as a 二次派单 with fresh deadlines.</summary>
    public void RecordCallback(ComplaintCallbackAnswer a, string by, DateTime nowUtc, ComplaintSettings settings, ComplaintTime time)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Handled);
        var e = new List<FieldError>();
        if (!Enum.IsDefined(a.Satisfaction)) e.Add(new(nameof(Satisfaction), new("请选择满意度", "Choose the satisfaction")));
        TextLimits.Check(e, nameof(CustomerOpinion), a.CustomerOpinion, TextLimits.Remark, "客户意见", "Customer's opinion");
        var closes = Enum.IsDefined(a.Satisfaction) && WouldClose(a);
        if (!closes && string.IsNullOrWhiteSpace(a.CustomerOpinion))
            e.Add(new(nameof(CustomerOpinion), new("客户不满意时请写明客户意见", "Write down why the customer is not satisfied")));
        e.ThrowIfAny();
        Callbacks.Add(new ComplaintCallback
        {
            Round = Callbacks.Count + 1, At = nowUtc, By = by, Satisfaction = a.Satisfaction, AcceptsExplanation = a.AcceptsExplanation,
            CustomerOpinion = Clean(a.CustomerOpinion), Closed = closes,
        });
        LastSatisfaction = a.Satisfaction;
        CustomerOpinion = Clean(a.CustomerOpinion) ?? CustomerOpinion;
        if (closes)
        {
            Status = ComplaintStatus.Closed;
            ClosedAt = nowUtc;
            ClosedBy = by;
            return;
        }
        Redispatch(2, "回访不满意，重新处理", by, nowUtc, settings, time);
    }

    /// <summary>Back to the department for a new plan and handling, at least as a 二次派单.</summary>
    private void Redispatch(int level, string reason, string by, DateTime nowUtc, ComplaintSettings settings, ComplaintTime time)
    {
        DispatchLevel = Math.Max(DispatchLevel, level);
        Status = ComplaintStatus.Dispatched;
        PlanDueAt = SameDay != SameDayReason.None ? time.EndOfSameDay(nowUtc) : time.EndOfWorkingDays(nowUtc, settings.PlanWorkingDays);
        Plan = null; PlannedAt = null; HandleDueAt = null; HandleLimitAt = null; DelayReason = null; SecondDispatchDueAt = null;
        Result = null; HandledAt = null; HandledBy = null; HandledOnTime = null; CallbackDueOn = null;
        Dispatches.Add(new ComplaintDispatch { Level = level, At = nowUtc, Reason = reason, To = $"{Department} {HandlerName}".Trim(), By = by });
    }

    /// <summary>重新打开: within the project's days of closing, the customer comes back on the same matter; it counts as a
    /// repeat complaint and goes back to the department as a 二次派单.</summary>
    public void Reopen(string reason, string by, DateTime nowUtc, ComplaintSettings settings, ComplaintTime time)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Closed);
        if (!Kind.IsHandled() || Department == null) throw new DomainException(new($"{Kind.Label().Zh}不能重新打开", $"A {Kind.Label().En.ToLowerInvariant()} cannot be reopened"));
        if (nowUtc > ClosedAt!.Value.AddDays(settings.ReopenDays))
            throw new DomainException(new($"关闭已超过 {settings.ReopenDays} 天，请登记新的投诉", $"Closed more than {settings.ReopenDays} days ago: register a new complaint"));
        var e = new List<FieldError>();
        Required(e, nameof(ReopenReason), reason, TextLimits.Reason, "重新打开原因", "The reason");
        e.ThrowIfAny();
        ReopenReason = reason.Trim();
        ReopenCount++;
        IsRepeat = true;
        ClosedAt = null; ClosedBy = null;
        Redispatch(2, $"重新打开：{ReopenReason}", by, nowUtc, settings, time);
    }

    /// <summary>重复投诉: same unit and category within the window as <paramref name="earlier"/> (both get the flag).</summary>
    public void MarkRepeatOf(Complaint earlier)
    {
        if (earlier.Id == Id && Id != 0) throw new InvalidOperationException("A complaint cannot repeat itself.");
        IsRepeat = true;
        RepeatOfId = earlier.Id;
        earlier.IsRepeat = true;
    }

    /// <summary>The escalation now due, if any — once per level: overdue at the first dispatch → 2 (the department's
    /// head, who gets a short deadline of their own); at the second, still not handled by the head's deadline (or, after a
    /// callback sent it back, past the new deadlines) → 3 (the project manager and HQ).</summary>
    public int? EscalationDue(DateTime nowUtc)
    {
        // A complaint (or consultation) nobody dispatched (or answered) by its deadline escalates too: the desk sat on it.
        if (Status is not (ComplaintStatus.Registered or ComplaintStatus.Dispatched or ComplaintStatus.Planned)) return null;
        if (DispatchLevel == 1) return IsOverdue(nowUtc) ? 2 : null;
        if (DispatchLevel == 2) return nowUtc > (SecondDispatchDueAt ?? CurrentDueAt ?? DateTime.MaxValue) ? 3 : null;
        return null;
    }

    /// <summary>Applies the escalation <see cref="EscalationDue"/> found; refuses any other level, so a job that runs twice
    /// (or after a restart) never escalates twice.</summary>
    public void Escalate(int level, string to, DateTime nowUtc, ComplaintSettings settings, ComplaintTime time)
    {
        if (EscalationDue(nowUtc) != level) throw new DomainException(new($"不需要{ComplaintLabels.DispatchLevelLabel(level).Zh}", $"No {ComplaintLabels.DispatchLevelLabel(level).En.ToLowerInvariant()} is due"));
        DispatchLevel = level;
        if (level == 2) SecondDispatchDueAt = time.EndOfWorkingDays(nowUtc, settings.SecondDispatchWorkingDays);
        var reason = level == 2
            ? Status switch
            {
                ComplaintStatus.Registered => Kind == ComplaintKind.Consultation ? "超时未答复咨询" : "超时未分派",
                ComplaintStatus.Dispatched => "超时未出处理方案",
                _ => "超时未处理完成",
            }
            : (DelayReason == null ? "二次派单后仍未处理（无故拖延）" : "二次派单后仍未处理");
        Dispatches.Add(new ComplaintDispatch { Level = level, At = nowUtc, Reason = reason, To = to, By = "system" });
    }
}
