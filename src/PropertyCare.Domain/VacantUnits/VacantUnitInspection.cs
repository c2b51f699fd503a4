using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.VacantUnits;

/// <summary>One finding of a vacant-unit inspection; it becomes a repair order linked to the inspection.</summary>
public sealed class VacantFinding
{
    public string Item { get; init; } = "";
    public string Description { get; init; } = "";
    public int? RepairOrderId { get; set; }
}

/// <summary>空置房巡查记录 — what the staff member found in a vacant unit: the checklist, the meters, photos (stored
/// by the infrastructure) and findings. Every item must be answered; a "no" needs a description and is a finding.
/// The owner is told (outbox) and sees the record in the portal.</summary>
public class VacantUnitInspection : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int UnitId { get; private set; }
    public int? TaskId { get; private set; }
    public string InspectorId { get; private set; } = "";
    public string InspectorName { get; private set; } = "";
    public DateTime InspectedAt { get; private set; }
    public List<ChecklistItem> Items { get; private set; } = [];
    public List<VacantFinding> Findings { get; private set; } = [];
    public MeterReadings Meters { get; private set; } = new(null, null, null);
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    /// <summary>The checklist: each is a statement that should be true of a well-kept vacant unit.</summary>
    public static readonly string[] Checklist =
        ["门窗关闭", "水电气总阀关闭", "无渗漏水", "无损坏", "室内清洁", "无虫害", "钥匙齐全"];

    /// <summary>Records a completed inspection in one go (the phone form submits once); refuses it whole when any
    /// answer is missing or unexplained, so a half-filled record never exists.</summary>
    public static VacantUnitInspection Record(int unitId, int? taskId, string inspectorId, string inspectorName, DateTime atUtc,
        IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers, MeterReadings meters)
    {
        var e = new List<FieldError>();
        foreach (var item in Checklist)
        {
            if (!answers.TryGetValue(item, out var a) || a.Result == CheckResult.NotChecked)
                e.Add(new(item, new($"请检查“{item}”", $"Check “{item}”")));
            else if (a.Result == CheckResult.Failed && string.IsNullOrWhiteSpace(a.Note))
                e.Add(new(item, new($"“{item}”不符合，请描述问题", $"“{item}” failed: describe the problem")));
            else TextLimits.Check(e, item, a.Note, TextLimits.Description, "问题描述", "Description");
        }
        foreach (var extra in answers.Keys.Except(Checklist))
            e.Add(new(extra, new($"巡查清单中没有“{extra}”", $"“{extra}” is not on the checklist")));
        e.AddRange(meters.Validate(requireWaterAndPower: false));
        if (string.IsNullOrWhiteSpace(inspectorId)) e.Add(new(nameof(InspectorId), new("请选择巡查人", "Who inspected?")));
        e.ThrowIfAny();
        var items = Checklist.Select(i => new ChecklistItem { Name = i, Result = answers[i].Result, Note = string.IsNullOrWhiteSpace(answers[i].Note) ? null : answers[i].Note!.Trim() }).ToList();
        return new VacantUnitInspection
        {
            UnitId = unitId, TaskId = taskId, InspectorId = inspectorId, InspectorName = inspectorName.Trim(), InspectedAt = atUtc,
            Items = items, Meters = meters,
            Findings = items.Where(i => i.Result == CheckResult.Failed).Select(i => new VacantFinding { Item = i.Name, Description = i.Note! }).ToList(),
        };
    }

    public void LinkRepair(VacantFinding finding, int repairOrderId)
    {
        if (!Findings.Contains(finding)) throw new ArgumentException("not a finding of this inspection", nameof(finding));
        if (finding.RepairOrderId != null) throw new DomainException(new("该问题已生成报修单", "This finding already has a repair order"));
        finding.RepairOrderId = repairOrderId;
    }

    /// <summary>The repair for a finding: the owner's unit, paid by the owner unless the desk decides otherwise at
    /// dispatch (a vacant unit is past handover; the warranty question is the technician's to answer).</summary>
    public static RepairIntake FindingRepair(int unitId, VacantFinding f)
    {
        var text = $"【空置房巡查】{f.Item}：{f.Description}";
        if (text.Length > RepairIntake.MaxDescription) text = text[..RepairIntake.MaxDescription];
        return new(unitId, null, "空置房巡查", text, RepairUrgency.Normal, RepairChannel.Visit);
    }
}

/// <summary>Vacant units are derived from the unit's state, never listed by hand; coverage is counted per cycle.</summary>
public static class VacantUnitRules
{
    public static bool IsVacant(Owners.UnitState state) => state == Owners.UnitState.Vacant;

    /// <summary>巡查覆盖率 of a cycle: inspected vacant units / vacant units (1 when there are none to inspect).</summary>
    public static Coverage CoverageOf(int vacantUnits, int inspectedUnits, int openFindings)
    {
        if (vacantUnits < 0 || inspectedUnits < 0 || openFindings < 0) throw new ArgumentOutOfRangeException(nameof(vacantUnits));
        var inspected = Math.Min(inspectedUnits, vacantUnits);
        return new(vacantUnits, inspected, openFindings, vacantUnits == 0 ? 1m : Math.Round((decimal)inspected / vacantUnits, 4));
    }
}

public sealed record Coverage(int Vacant, int Inspected, int OpenFindings, decimal Rate);
