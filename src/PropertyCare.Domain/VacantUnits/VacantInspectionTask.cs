using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.VacantUnits;

public enum VacantTaskStatus
{
    Open = 0,   // 待巡查
    Done = 1,   // 已巡查
    Cancelled = 2, // 已取消 (the unit stopped being vacant during the cycle)
}

/// <summary>空置房巡查任务 — one vacant unit to inspect in one cycle, by one staff member, due at the cycle's end.
/// Unique per (project, unit, cycle key); overdue tasks are escalated to the manager once.</summary>
public class VacantInspectionTask : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int UnitId { get; private set; }
    public string CycleKey { get; private set; } = "";
    public string AssigneeId { get; private set; } = "";
    public DateTime DueAt { get; private set; }
    public VacantTaskStatus Status { get; private set; }
    public int? InspectionId { get; private set; }
    public DateTime? EscalatedAt { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    private static readonly Text What = new("巡查任务", "inspection task");

    public static VacantInspectionTask Create(TaskAssignment a, InspectionCycle cycle) =>
        new() { UnitId = a.UnitId, AssigneeId = a.StaffId, CycleKey = cycle.Key, DueAt = cycle.DueUtc, Status = VacantTaskStatus.Open };

    /// <summary>The dedup key of the job's outbox and of the task itself.</summary>
    public static string DedupKey(int unitId, InspectionCycle cycle) => $"vacant:{unitId}:{cycle.Key}";

    public void Reassign(string staffId)
    {
        IllegalStepException.Require(What, Status, VacantLabels.Label, VacantTaskStatus.Open);
        if (string.IsNullOrWhiteSpace(staffId)) throw new ValidationException([new(nameof(AssigneeId), new("请选择巡查人", "Choose who inspects"))]);
        AssigneeId = staffId;
    }

    public void Done(int inspectionId)
    {
        IllegalStepException.Require(What, Status, VacantLabels.Label, VacantTaskStatus.Open);
        InspectionId = inspectionId;
        Status = VacantTaskStatus.Done;
    }

    public void Cancel()
    {
        IllegalStepException.Require(What, Status, VacantLabels.Label, VacantTaskStatus.Open);
        Status = VacantTaskStatus.Cancelled;
    }

    /// <summary>Overdue after the due instant, not at it.</summary>
    public bool IsOverdue(DateTime nowUtc) => Status == VacantTaskStatus.Open && nowUtc > DueAt;

    /// <summary>True once: when overdue and not yet escalated.</summary>
    public bool Escalate(DateTime nowUtc)
    {
        if (!IsOverdue(nowUtc) || EscalatedAt != null) return false;
        EscalatedAt = nowUtc;
        return true;
    }
}
