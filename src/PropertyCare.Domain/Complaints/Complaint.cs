using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Complaints;

/// <summary>What the receiver writes on the 客户投诉记录单 (or the owner types in the portal).</summary>
public sealed record ComplaintIntake(
    ComplaintKind Kind,
    ComplaintChannel Channel,
    int? UnitId,
    string CustomerName,
    string? CustomerPhone,
    string Facts,
    string? Demand,
    string? Category,
    SameDayReason SameDay)
{
    public List<FieldError> Validate(ComplaintSettings settings)
    {
        var e = new List<FieldError>();
        if (!Enum.IsDefined(Kind)) e.Add(new(nameof(Kind), new("请选择类型", "Choose the kind")));
        if (!Enum.IsDefined(Channel)) e.Add(new(nameof(Channel), new("请选择受理渠道", "Choose the channel")));
        if (!Enum.IsDefined(SameDay)) e.Add(new(nameof(SameDay), new("请选择紧急程度", "Choose the urgency")));
        if (string.IsNullOrWhiteSpace(CustomerName)) e.Add(new(nameof(CustomerName), new("请填写客户姓名", "The customer's name is required")));
        else TextLimits.Check(e, nameof(CustomerName), CustomerName, TextLimits.PersonName, "客户姓名", "Customer name");
        if (!string.IsNullOrWhiteSpace(CustomerPhone) && !ContactRules.IsValidPhone(CustomerPhone.Trim()))
            e.Add(new(nameof(CustomerPhone), new("联系电话格式不正确", "The phone number is not valid")));
        if (string.IsNullOrWhiteSpace(Facts)) e.Add(new(nameof(Facts), new("请填写事实经过", "Describe what happened")));
        else TextLimits.Check(e, nameof(Facts), Facts, TextLimits.Description, "事实经过", "Facts");
        TextLimits.Check(e, nameof(Demand), Demand, TextLimits.Remark, "客户诉求", "Demand");
        if (!string.IsNullOrWhiteSpace(Category) && !settings.Categories.Contains(Category.Trim()))
            e.Add(new(nameof(Category), new($"“{Category.Trim()}”不在本项目的投诉类别中", $"'{Category.Trim()}' is not one of this project's categories")));
        return e;
    }
}

/// <summary>A follow-up with the customer while the complaint is open (3.6: at least every 3 days).</summary>
public sealed class ComplaintFollowUp
{
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public FollowUpChannel Channel { get; set; }
    public string Said { get; set; } = "";
}

/// <summary>One dispatch: the first (by the desk), a 二次派单 (overdue → department head; or the customer unsatisfied at
/// the callback; or reopened) or a 三次派单 (still overdue → the project manager and HQ).</summary>
public sealed class ComplaintDispatch
{
    public int Level { get; set; }
    public DateTime At { get; set; }
    public string Reason { get; set; } = "";
    public string To { get; set; } = "";
    /// <summary>The user or job that made it ("system" for the escalation job).</summary>
    public string By { get; set; } = "";
}

/// <summary>One callback (回访) after handling, round N.</summary>
public sealed class ComplaintCallback
{
    public int Round { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public Repairs.Satisfaction Satisfaction { get; set; }
    /// <summary>The customer accepts the explanation (how a 待改进 complaint closes).</summary>
    public bool AcceptsExplanation { get; set; }
    public string? CustomerOpinion { get; set; }
    /// <summary>Whether this callback closed the complaint; false sent it back to handling (二次派单).</summary>
    public bool Closed { get; set; }
}

/// <summary>客户投诉 — a complaint (or consultation, suggestion, report, praise) from its record sheet (客户投诉记录单) to its
/// handling sheet (客户投诉处理单), callback and closure. Whoever receives it owns it until it is dispatched (首问责任制).
/// The customer's name and phone are personal data: departments see the facts, not who complained, unless the desk
/// reveals it (logged).</summary>
public partial class Complaint : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>TS-yyyyMMdd-NNNN, unique in the project (assigned by the service).</summary>
    public string Number { get; set; } = "";
    public ComplaintKind Kind { get; private set; }
    public ComplaintChannel Channel { get; private set; }
    public int? UnitId { get; private set; }
    /// <summary>The owner who filed it in the portal, or the unit's owner the desk chose.</summary>
    public int? OwnerId { get; private set; }
    public bool FiledByOwner { get; private set; }
    public string CustomerName { get; private set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string? CustomerPhone { get; private set; }
    public string Facts { get; private set; } = "";
    public string? Demand { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    /// <summary>首问责任人: the receiver, who owns it until it is dispatched (the desk member the portal routes to, for an owner's filing: null until classified).</summary>
    public string ReceivedById { get; private set; } = "";
    public string ReceivedByName { get; private set; } = "";

    public string? Category { get; private set; }
    public SameDayReason SameDay { get; private set; }
    public ComplaintClass? Class { get; private set; }
    public string? ClassReason { get; private set; }
    public string? Department { get; private set; }
    public string? HandlerId { get; private set; }
    public string? HandlerName { get; private set; }
    /// <summary>The department's head at the time of dispatch (receives the 二次派单; may read the complaint).</summary>
    public string? DepartmentHeadId { get; private set; }
    public string? DepartmentHeadName { get; private set; }
    public string? ClassifiedBy { get; private set; }
    public DateTime? ClassifiedAt { get; private set; }

    public ComplaintStatus Status { get; private set; }
    /// <summary>1 首次派单, 2 二次派单, 3 三次派单 — never goes down.</summary>
    public int DispatchLevel { get; private set; } = 1;
    public DateTime? PlanDueAt { get; private set; }
    public string? Plan { get; private set; }
    public DateTime? PlannedAt { get; private set; }
    public DateTime? HandleDueAt { get; private set; }
    /// <summary>The furthest the handling may be put off (最长 7 个工作日 after the plan).</summary>
    public DateTime? HandleLimitAt { get; private set; }
    public string? DelayReason { get; private set; }
    /// <summary>When a 二次派单 for lateness was made, the head's own deadline; passed without handling → 三次派单.</summary>
    public DateTime? SecondDispatchDueAt { get; private set; }
    public string? Result { get; private set; }
    public string? HandledBy { get; private set; }
    public DateTime? HandledAt { get; private set; }
    /// <summary>Handled (or, for a consultation, answered) by its deadline — the 投诉处理及时率.</summary>
    public bool? HandledOnTime { get; private set; }
    public string? ReceiverOpinion { get; private set; }
    public string? ManagerOpinion { get; private set; }
    public string? ManagerOpinionBy { get; private set; }
    public DateOnly? CallbackDueOn { get; private set; }
    public Repairs.Satisfaction? LastSatisfaction { get; private set; }
    public string? CustomerOpinion { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? LastFollowUpAt { get; private set; }
    /// <summary>重复投诉: the same unit and category within the project's window, or reopened.</summary>
    public bool IsRepeat { get; private set; }
    public int? RepeatOfId { get; private set; }
    public int ReopenCount { get; private set; }
    public string? ReopenReason { get; private set; }
    public List<ComplaintFollowUp> FollowUps { get; private set; } = [];
    public List<ComplaintDispatch> Dispatches { get; private set; } = [];
    public List<ComplaintCallback> Callbacks { get; private set; } = [];
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    private static readonly Text What = new("投诉", "complaint");

    /// <summary>受理登记. A praise is closed at once (it is counted, nothing to handle); everything else waits for the desk
    /// to classify and dispatch it. The plan's deadline already runs from now.</summary>
    public static Complaint Register(ComplaintIntake intake, int? ownerId, bool byOwner, string receivedById, string receivedByName,
        DateTime nowUtc, ComplaintSettings settings, ComplaintTime time)
    {
        intake.Validate(settings).ThrowIfAny();
        var c = new Complaint
        {
            Kind = intake.Kind, Channel = intake.Channel, UnitId = intake.UnitId, OwnerId = ownerId, FiledByOwner = byOwner,
            CustomerName = intake.CustomerName.Trim(), CustomerPhone = Clean(intake.CustomerPhone),
            Facts = intake.Facts.Trim(), Demand = Clean(intake.Demand), Category = Clean(intake.Category), SameDay = intake.SameDay,
            ReceivedAt = nowUtc, ReceivedById = receivedById, ReceivedByName = receivedByName, Status = ComplaintStatus.Registered,
        };
        if (c.Kind == ComplaintKind.Praise)
        {
            c.Status = ComplaintStatus.Closed;
            c.ClosedAt = nowUtc;
            c.ClosedBy = receivedByName;
            return c;
        }
        c.PlanDueAt = c.Kind == ComplaintKind.Consultation || c.SameDay != SameDayReason.None
            ? time.EndOfSameDay(nowUtc)
            : time.EndOfWorkingDays(nowUtc, settings.PlanWorkingDays);
        return c;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Required(List<FieldError> e, string field, string? value, int max, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(new(field, new($"请填写{zh}", $"{en} is required")));
        else TextLimits.Check(e, field, value, max, zh, en);
    }

    /// <summary>The deadline the complaint is working against now: the plan's while it is dispatched, the handling's
    /// while it is planned; none once handled or closed.</summary>
    public DateTime? CurrentDueAt => Status switch
    {
        ComplaintStatus.Registered or ComplaintStatus.Dispatched => PlanDueAt,
        ComplaintStatus.Planned => HandleDueAt,
        _ => null,
    };

    public bool IsOverdue(DateTime nowUtc) => CurrentDueAt is { } due && nowUtc > due;

    /// <summary>When the next follow-up with the customer is due (open complaints that have been dispatched).</summary>
    public DateTime? FollowUpDueAt(ComplaintSettings settings) =>
        Status is ComplaintStatus.Dispatched or ComplaintStatus.Planned ? (LastFollowUpAt ?? ReceivedAt).AddDays(settings.FollowUpDays) : null;
}
