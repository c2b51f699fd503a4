using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

public static class ViolationLabels
{
    public static Text Label(this ViolationStatus s) => s switch
    {
        ViolationStatus.Open => new("待整改", "To be rectified"),
        ViolationStatus.Rectified => new("待复查", "Awaiting re-check"),
        _ => new("已整改", "Closed"),
    };
}

public partial class RenovationViolation
{
    private static readonly Text What = new("违章", "violation");

    /// <summary>记录违章: the type is a checklist item, what was seen, and a rectification deadline from today on.</summary>
    public static RenovationViolation Record(RenovationApplication app, int? patrolId, string type, string description, DateOnly rectifyBy,
        DateOnly today, string foundBy, DateTime atUtc)
    {
        if (!app.Status.IsActiveWorks())
            throw new IllegalStepException(new("装修申请", "renovation application"), app.Status.Label(), [RenovationStatus.Working.Label(), RenovationStatus.Stopped.Label()]);
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(type) || !PatrolChecklist.Items.Contains(type.Trim()))
            e.Add(new(nameof(Type), new("请选择违章类型（检查项）", "Choose the type (a checklist item)")));
        if (string.IsNullOrWhiteSpace(description)) e.Add(new(nameof(Description), new("请描述违章情况", "Describe the violation")));
        else TextLimits.Check(e, nameof(Description), description, TextLimits.Description, "违章情况", "Description");
        if (rectifyBy < today) e.Add(new(nameof(RectifyBy), new("整改期限不能早于今天", "The rectification deadline is in the past")));
        e.ThrowIfAny();
        return new RenovationViolation
        {
            ProjectId = app.ProjectId, ApplicationId = app.Id, PatrolId = patrolId, Type = type.Trim(), Description = description.Trim(),
            RectifyBy = rectifyBy, FoundAt = atUtc, FoundBy = foundBy, Status = ViolationStatus.Open,
        };
    }

    /// <summary>The owner or contractor says it is put right; our staff still have to re-check.</summary>
    public void MarkRectified(DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, ViolationLabels.Label, ViolationStatus.Open);
        RectifiedAt = atUtc;
        Status = ViolationStatus.Rectified;
    }

    /// <summary>复查: a pass closes it; a fail opens it again with a new deadline (and a new chance to escalate, since the
    /// manager has not heard of the new deadline being missed). Each re-check is counted.</summary>
    public void Recheck(bool passed, string? note, DateOnly? newDeadline, DateOnly today, string by, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, ViolationLabels.Label, ViolationStatus.Rectified);
        var e = new List<FieldError>();
        if (!passed)
        {
            if (string.IsNullOrWhiteSpace(note)) e.Add(new(nameof(RecheckNote), new("请写明复查不合格的原因", "Say why the re-check failed")));
            if (newDeadline == null) e.Add(new(nameof(RectifyBy), new("请定新的整改期限", "Set a new deadline")));
            else if (newDeadline < today) e.Add(new(nameof(RectifyBy), new("整改期限不能早于今天", "The rectification deadline is in the past")));
        }
        TextLimits.Check(e, nameof(RecheckNote), note, TextLimits.Reason, "复查意见", "Re-check note");
        e.ThrowIfAny();
        Rechecks++;
        RecheckedBy = by;
        RecheckNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (passed)
        {
            Status = ViolationStatus.Closed;
            ClosedAt = atUtc;
            return;
        }
        Status = ViolationStatus.Open;
        RectifiedAt = null;
        RectifyBy = newDeadline!.Value;
        EscalatedAt = null;
    }

    /// <summary>Not rectified by the deadline (a rectified one waits for our re-check, which is not the owner's delay).</summary>
    public bool IsOverdue(DateOnly today) => Status == ViolationStatus.Open && today > RectifyBy;

    public bool IsOpen => Status != ViolationStatus.Closed;

    /// <summary>Marks the escalation to the manager; false when not overdue or already escalated (once per deadline).</summary>
    public bool Escalate(DateOnly today, DateTime atUtc)
    {
        if (!IsOverdue(today) || EscalatedAt != null) return false;
        EscalatedAt = atUtc;
        return true;
    }

    /// <summary>The repair order raised for damage to shared parts (one per violation).</summary>
    public void LinkRepair(int repairOrderId)
    {
        if (RepairOrderId != null) throw new DomainException(new("该违章已生成报修单", "A repair order was raised for this violation already"));
        RepairOrderId = repairOrderId;
    }
}
