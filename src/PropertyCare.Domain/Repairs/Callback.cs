using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

public enum CallbackStatus
{
    Pending = 0,      // 待回访 (also after 无人接听: it is tried again)
    Done = 1,         // 已回访
    Unreachable = 2,  // 无法回访 (空号/信息错误) — the owner record is flagged
    Cancelled = 3,    // 工单被经理关闭，不再回访
}

/// <summary>How a call attempt ended.</summary>
public enum CallOutcome
{
    Answered = 0,     // 已接通
    NoAnswer = 1,     // 无人接听
    EmptyNumber = 2,  // 空号
    WrongInfo = 3,    // 信息错误 (号码与联系人/地址不符)
}

public enum ServiceAttitude { Good = 0, Fair = 1, Poor = 2 }

/// <summary>Where the answer came from: a call by the desk, or the owner rating in the portal.</summary>
public enum CallbackChannel { Phone = 0, OwnerPortal = 1 }

/// <summary>What the caller wrote down when the owner answered.</summary>
public sealed record CallbackAnswer(
    string Respondent,
    ServiceAttitude Attitude,
    bool SiteCleaned,
    bool FeeCorrect,
    Satisfaction Satisfaction,
    string? Remarks)
{
    public List<FieldError> Validate()
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Respondent)) e.Add(new(nameof(Respondent), new("请填写受访人", "Who answered the call?")));
        else if (Respondent.Trim().Length > TextLimits.PersonName) e.Add(new(nameof(Respondent), new($"受访人不能超过 {TextLimits.PersonName} 字", $"At most {TextLimits.PersonName} characters")));
        if (!Enum.IsDefined(Satisfaction)) e.Add(new(nameof(Satisfaction), new("请选择满意度", "Choose the satisfaction")));
        if (!Enum.IsDefined(Attitude)) e.Add(new(nameof(Attitude), new("请选择服务态度", "Choose the service attitude")));
        if (Remarks?.Trim().Length > TextLimits.Remark) e.Add(new(nameof(Remarks), new($"回访描述不能超过 {TextLimits.Remark} 字", $"At most {TextLimits.Remark} characters")));
        // The handbook asks that an unsatisfied answer is described, so the rework knows what to fix.
        if (Satisfaction.NeedsRework() && string.IsNullOrWhiteSpace(Remarks))
            e.Add(new(nameof(Remarks), new("不满意时请在回访描述中写明原因", "Describe why the owner is not satisfied")));
        return e;
    }
}

/// <summary>回访 of one repair order, round N (二次回访 after a rework). Created when the order is completed,
/// due on the callback date; finished by an answer, or by a number that turns out wrong.</summary>
public class Callback : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int RepairOrderId { get; private set; }
    public RepairOrder? RepairOrder { get; private set; }
    public int Round { get; private set; }
    /// <summary>Project-local date the call is due (回访日).</summary>
    public DateOnly DueOn { get; private set; }
    public CallbackStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public CallOutcome? LastOutcome { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    public CallbackChannel? Channel { get; private set; }
    public string? CalledById { get; private set; }
    public string? CalledByName { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public string? Respondent { get; private set; }
    public ServiceAttitude? Attitude { get; private set; }
    public bool? SiteCleaned { get; private set; }
    public bool? FeeCorrect { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public string? Remarks { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(Repairs.RepairOrder), RepairOrderId);

    public static Callback For(RepairOrder order, DateOnly dueOn)
    {
        if (order.Status != RepairStatus.Completed)
            throw new DomainException(new("只有已完工的工单才能安排回访", "Only a completed order is called back"));
        return new Callback { RepairOrderId = order.Id, ProjectId = order.ProjectId, Round = order.Round, DueOn = dueOn, Status = CallbackStatus.Pending };
    }

    /// <summary>The call was not answered or the number is wrong. 无人接听 keeps the callback due (tried again);
    /// 空号/信息错误 ends it as unreachable, and the caller flags the owner's number.</summary>
    public void RecordFailedAttempt(CallOutcome outcome, string userId, string userName, DateTime atUtc, string? remarks)
    {
        RequirePending();
        if (outcome == CallOutcome.Answered) throw new ArgumentException("Use RecordAnswer for an answered call.", nameof(outcome));
        if (remarks?.Trim().Length > TextLimits.Remark) throw new ValidationException([new(nameof(Remarks), new($"回访描述不能超过 {TextLimits.Remark} 字", $"At most {TextLimits.Remark} characters"))]);
        Attempts++;
        LastOutcome = outcome;
        LastAttemptAt = atUtc;
        CalledById = userId;
        CalledByName = userName;
        Remarks = string.IsNullOrWhiteSpace(remarks) ? Remarks : remarks.Trim();
        if (outcome is CallOutcome.EmptyNumber or CallOutcome.WrongInfo)
        {
            Status = CallbackStatus.Unreachable;
            DoneAt = atUtc;
        }
    }

    public void RecordAnswer(CallbackAnswer answer, CallbackChannel channel, string userId, string userName, DateTime atUtc)
    {
        RequirePending();
        answer.Validate().ThrowIfAny();
        Attempts++;
        LastOutcome = CallOutcome.Answered;
        LastAttemptAt = atUtc;
        Channel = channel;
        CalledById = userId;
        CalledByName = userName;
        DoneAt = atUtc;
        Respondent = answer.Respondent.Trim();
        Attitude = answer.Attitude;
        SiteCleaned = answer.SiteCleaned;
        FeeCorrect = answer.FeeCorrect;
        Satisfaction = answer.Satisfaction;
        Remarks = string.IsNullOrWhiteSpace(answer.Remarks) ? null : answer.Remarks.Trim();
        Status = CallbackStatus.Done;
    }

    /// <summary>The manager closed the order: nothing is left to call about.</summary>
    public void Cancel()
    {
        if (Status == CallbackStatus.Pending) Status = CallbackStatus.Cancelled;
    }

    private void RequirePending()
    {
        if (Status != CallbackStatus.Pending)
            throw new DomainException(new("该回访已完成，不能重复登记", "This callback is already finished"));
    }
}
