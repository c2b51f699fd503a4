using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

/// <summary>报修单 — a repair request and its work, as an explicit state machine:
/// Registered → Dispatched → Accepted → Arrived → Completed → Closed, with reassignment, return by the
/// technician (→ Returned → dispatched again) and cancellation. An illegal step is refused with a message.</summary>
public class RepairOrder : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>BX-20261122-0007.</summary>
    public string Number { get; private set; } = "";
    public int? UnitId { get; private set; }
    /// <summary>公共区域 location when the request is not for a unit.</summary>
    public string? CommonArea { get; private set; }
    public string Category { get; private set; } = "";
    public string Description { get; private set; } = "";
    public RepairUrgency Urgency { get; private set; }
    public RepairChannel Channel { get; private set; }
    public WorkKind Kind { get; private set; }
    public FeeKind ExpectedFee { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime DueAt { get; private set; }
    public RepairStatus Status { get; private set; }
    public string? TechnicianId { get; private set; }
    public string? TechnicianName { get; private set; }
    /// <summary>When it was last dispatched (派单时间), for the daily report's 派单量.</summary>
    public DateTime? DispatchedAt { get; private set; }
    public DateTime? ArrivedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? WorkDone { get; private set; }
    public string? Materials { get; private set; }
    public FeeKind? Fee { get; private set; }
    public decimal? FeeAmount { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? CloseReason { get; private set; }
    /// <summary>The order this one reworks after an unsatisfied callback (返工单).</summary>
    public int? ReworkOfId { get; private set; }
    /// <summary>1 for the original order, 2 for its first rework, … — the callback of round N is the N-th (二次回访 …).</summary>
    public int Round { get; private set; } = 1;
    /// <summary>The owner the request is for (the reporter in the portal, the unit's primary owner at the desk).</summary>
    public int? OwnerId { get; private set; }
    public string? ContactName { get; private set; }
    [Sensitive(SensitiveKind.Phone)] public string? ContactPhone { get; private set; }
    /// <summary>预约上门时间, as the owner said it ("周六上午").</summary>
    public string? PreferredTime { get; private set; }
    public string ReceivedById { get; private set; } = "";
    public string ReceivedByName { get; private set; } = "";
    /// <summary>When the overdue escalation told the manager; set once, so the job never repeats a warning.</summary>
    public DateTime? EscalatedAt { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    public static RepairOrder Register(string number, RepairIntake intake, int? ownerId, DateTime receivedAt, DateTime dueAt,
        string receivedById, string receivedByName, RepairOrder? reworkOf = null)
    {
        var e = intake.Validate();
        if (dueAt < receivedAt) e.Add(new(nameof(DueAt), new("处理时限早于受理时间", "The deadline is before the time received")));
        if (e.Count > 0) throw new ValidationException(e);
        return new RepairOrder
        {
            Number = number, UnitId = intake.UnitId, OwnerId = ownerId,
            CommonArea = string.IsNullOrWhiteSpace(intake.CommonArea) ? null : intake.CommonArea.Trim(),
            Category = intake.Category.Trim(), Description = intake.Description.Trim(), Urgency = intake.Urgency, Channel = intake.Channel,
            Kind = intake.Kind, ExpectedFee = intake.ExpectedFee, PreferredTime = Clean(intake.PreferredTime),
            ContactName = Clean(intake.ContactName), ContactPhone = Clean(intake.ContactPhone),
            ReceivedAt = receivedAt, DueAt = dueAt, ReceivedById = receivedById, ReceivedByName = receivedByName,
            Status = RepairStatus.Registered, ReworkOfId = reworkOf?.Id, Round = (reworkOf?.Round ?? 0) + 1,
        };
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>派工 or reassignment (改派) to a technician.</summary>
    public void Dispatch(string technicianId, string technicianName, DateTime? atUtc = null)
    {
        Require(RepairStatus.Registered, RepairStatus.Returned, RepairStatus.Dispatched, RepairStatus.Accepted);
        if (string.IsNullOrWhiteSpace(technicianId)) throw new ValidationException([new("TechnicianId", new("请选择维修技工", "Choose a technician"))]);
        if (technicianId == TechnicianId && Status is RepairStatus.Dispatched or RepairStatus.Accepted)
            throw new DomainException(new("该工单已派给这位技工", "The order is already assigned to this technician"));
        TechnicianId = technicianId;
        TechnicianName = technicianName;
        ReturnReason = null;
        DispatchedAt = atUtc ?? DispatchedAt;
        Status = RepairStatus.Dispatched;
    }

    public void Accept(string technicianId)
    {
        Require(RepairStatus.Dispatched);
        RequireTechnician(technicianId);
        Status = RepairStatus.Accepted;
    }

    public void Arrive(string technicianId, DateTime at)
    {
        Require(RepairStatus.Accepted);
        RequireTechnician(technicianId);
        ArrivedAt = at;
        Status = RepairStatus.Arrived;
    }

    public void Complete(string technicianId, DateTime at, string workDone, string? materials, FeeKind fee, decimal? amount)
    {
        Require(RepairStatus.Arrived);
        RequireTechnician(technicianId);
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(workDone)) e.Add(new(nameof(WorkDone), new("请填写维修内容", "Describe the work done")));
        TextLimits.Check(e, nameof(WorkDone), workDone, TextLimits.Description, "维修内容", "Work done");
        TextLimits.Check(e, nameof(Materials), materials, TextLimits.Remark, "材料", "Materials");
        if (fee == FeeKind.Paid && amount is not > 0) e.Add(new(nameof(FeeAmount), new("有偿维修请填写收费金额", "Enter the amount for paid work")));
        if (fee != FeeKind.Paid && amount is > 0) e.Add(new(nameof(FeeAmount), new("免费或保修维修不应收费", "Free or warranty work has no charge")));
        if (amount is < 0 or > 100000) e.Add(new(nameof(FeeAmount), new("收费金额无效", "Invalid amount")));
        if (e.Count > 0) throw new ValidationException(e);
        WorkDone = workDone.Trim();
        Materials = string.IsNullOrWhiteSpace(materials) ? null : materials.Trim();
        Fee = fee;
        FeeAmount = fee == FeeKind.Paid ? amount : null;
        CompletedAt = at;
        Status = RepairStatus.Completed;
    }

    /// <summary>退单: the technician gives the order back with a reason; the desk dispatches it again.</summary>
    public void Return(string technicianId, string reason)
    {
        Require(RepairStatus.Dispatched, RepairStatus.Accepted, RepairStatus.Arrived);
        RequireTechnician(technicianId);
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException([new(nameof(ReturnReason), new("请填写退单原因", "Give a reason for returning the order"))]);
        if (reason.Trim().Length > TextLimits.Reason) throw new ValidationException([TextLimits.TooLong(nameof(ReturnReason), TextLimits.Reason, "退单原因", "Reason")]);
        ReturnReason = reason.Trim();
        TechnicianId = null;
        TechnicianName = null;
        Status = RepairStatus.Returned;
    }

    /// <summary>回访不满意: the order waits for its rework order (返工单) and the next callback.</summary>
    public void StartRework()
    {
        Require(RepairStatus.Completed);
        Status = RepairStatus.Rework;
    }

    /// <summary>The owner was satisfied at the callback (of this order or of its last rework).</summary>
    public void CloseSatisfied()
    {
        Require(RepairStatus.Completed, RepairStatus.Rework);
        CloseReason = null;
        Status = RepairStatus.Closed;
    }

    /// <summary>The manager closes an order whose owner cannot be satisfied or reached, and says why.</summary>
    public void CloseByManager(string reason)
    {
        Require(RepairStatus.Completed, RepairStatus.Rework);
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException([new(nameof(CloseReason), new("请填写关闭原因", "Give a reason for closing"))]);
        if (reason.Trim().Length > TextLimits.Reason) throw new ValidationException([TextLimits.TooLong(nameof(CloseReason), TextLimits.Reason, "关闭原因", "Reason")]);
        CloseReason = reason.Trim();
        Status = RepairStatus.Closed;
    }

    /// <summary>Marks the order escalated; false when it is not overdue or was escalated already.</summary>
    public bool Escalate(DateTime nowUtc)
    {
        if (!IsOverdue(nowUtc) || EscalatedAt != null) return false;
        EscalatedAt = nowUtc;
        return true;
    }

    public void Cancel(string reason)
    {
        Require(RepairStatus.Registered, RepairStatus.Dispatched, RepairStatus.Returned);
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException([new(nameof(CloseReason), new("请填写取消原因", "Give a reason for cancelling"))]);
        if (reason.Trim().Length > TextLimits.Reason) throw new ValidationException([TextLimits.TooLong(nameof(CloseReason), TextLimits.Reason, "取消原因", "Reason")]);
        CloseReason = reason.Trim();
        Status = RepairStatus.Cancelled;
    }

    public bool IsOverdue(DateTime nowUtc) => Status.IsOpen() && nowUtc > DueAt;

    private void Require(params RepairStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new IllegalTransitionException(Status, allowed);
    }

    private void RequireTechnician(string technicianId)
    {
        if (technicianId != TechnicianId)
            throw new DomainException(new("只有被派工的技工可以操作此工单", "Only the assigned technician can do this"));
    }
}

/// <summary>The workflow refused a step from the current status.</summary>
public sealed class IllegalTransitionException(RepairStatus current, RepairStatus[] allowed) : DomainException(new(
    $"工单当前为“{current.Label().Zh}”，不能执行此操作（需为：{string.Join("、", allowed.Select(a => a.Label().Zh))}）",
    $"The order is {current.Label().En}; this step needs: {string.Join(", ", allowed.Select(a => a.Label().En))}"))
{
    public RepairStatus Current { get; } = current;
}
