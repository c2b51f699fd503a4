using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.MoveIn;

public enum InspectionStatus
{
    InProgress = 0, // 验收中
    Completed = 1,  // 已签字完成
}

public enum SignatureKind
{
    Tablet = 0,     // 平板手写签名
    PaperScan = 1,  // 纸质交付验收单签字扫描件
}

/// <summary>One room × item of the 交付验收单, with what was found.</summary>
public sealed class InspectionLine
{
    public string Room { get; init; } = "";
    public string Item { get; init; } = "";
    public CheckResult Result { get; set; }
    public string? Note { get; set; }
}

/// <summary>A defect the owner and the desk found together; it becomes a warranty repair order (保修, free to the owner).</summary>
public sealed class DeliveryDefect
{
    public string Room { get; init; } = "";
    public string Item { get; init; } = "";
    public string Description { get; init; } = "";
    public int? RepairOrderId { get; set; }
}

/// <summary>交付验收 — the owner and the desk walk the unit room by room and item by item, read the meters (底数), note
/// the defects, and the owner signs (on the tablet, or on the printed 交付验收单 whose scan is attached). It cannot be
/// completed without a result on every line, the water and power readings and the signature; each defect then becomes
/// a repair order of kind warranty (<see cref="DefectRepair"/>), followed through the repair workflow.</summary>
public class DeliveryInspection : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int BatchId { get; private set; }
    public int UnitId { get; private set; }
    public int OwnerId { get; private set; }
    public int? AppointmentId { get; private set; }
    public InspectionStatus Status { get; private set; }
    public List<InspectionLine> Lines { get; private set; } = [];
    public List<DeliveryDefect> Defects { get; private set; } = [];
    public MeterReadings Meters { get; private set; } = new(null, null, null);
    public SignatureKind? SignatureKind { get; private set; }
    /// <summary>The stored image (drawn signature or scan) — kept by the infrastructure like repair photos.</summary>
    public int? SignatureFileId { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(DeliveryBatch), BatchId);

    public static readonly string[] DefaultRooms = ["客厅", "餐厅", "主卧", "次卧", "厨房", "卫生间", "阳台"];
    /// <summary>The items of the issue: walls, floors, doors and windows, water supply and drainage, electricity, gas, fixtures.</summary>
    public static readonly string[] DefaultItems = ["墙面", "地面", "门窗", "给排水", "电气", "燃气", "固定设施"];

    private static readonly Text What = new("交付验收", "delivery inspection");

    public static DeliveryInspection Start(int batchId, int unitId, int ownerId, int? appointmentId, IEnumerable<string> rooms, IEnumerable<string> items)
    {
        var r = rooms.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct().ToList();
        var i = items.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct().ToList();
        var e = new List<FieldError>();
        if (r.Count == 0) e.Add(new("Rooms", new("请至少列出一个房间", "List at least one room")));
        if (i.Count == 0) e.Add(new("Items", new("请至少列出一个验收项目", "List at least one item")));
        if (r.Concat(i).Any(x => x.Length > TextLimits.Label)) e.Add(TextLimits.TooLong("Rooms", TextLimits.Label, "房间或项目名称", "Room or item name"));
        e.ThrowIfAny();
        return new DeliveryInspection
        {
            BatchId = batchId, UnitId = unitId, OwnerId = ownerId, AppointmentId = appointmentId,
            Lines = r.SelectMany(room => i.Select(item => new InspectionLine { Room = room, Item = item })).ToList(),
        };
    }

    /// <summary>Marks one line; a defect on it needs a description and is added to the defects (once per line).</summary>
    public void Record(string room, string item, CheckResult result, string? note)
    {
        RequireOpen();
        var line = Lines.FirstOrDefault(l => l.Room == room && l.Item == item)
            ?? throw new DomainException(new($"验收单中没有“{room}-{item}”", $"“{room} – {item}” is not on the form"));
        var e = new List<FieldError>();
        if (result == CheckResult.Failed && string.IsNullOrWhiteSpace(note)) e.Add(new(nameof(InspectionLine.Note), new("请描述问题", "Describe the defect")));
        if (result == CheckResult.NotChecked) e.Add(new(nameof(InspectionLine.Result), new("请选择验收结果", "Choose a result")));
        TextLimits.Check(e, nameof(InspectionLine.Note), note, TextLimits.Description, "问题描述", "Description");
        e.ThrowIfAny();
        line.Result = result;
        line.Note = Checks.Clean(note);
        Defects.RemoveAll(d => d.Room == room && d.Item == item);
        if (result == CheckResult.Failed) Defects.Add(new DeliveryDefect { Room = room, Item = item, Description = note!.Trim() });
    }

    public void ReadMeters(MeterReadings readings)
    {
        RequireOpen();
        readings.Validate(requireWaterAndPower: false).ThrowIfAny();
        Meters = readings;
    }

    public void Sign(SignatureKind kind, int fileId)
    {
        RequireOpen();
        if (fileId <= 0) throw new ValidationException([new(nameof(SignatureFileId), new("请上传签名或签字扫描件", "Attach the signature or the signed scan"))]);
        SignatureKind = kind;
        SignatureFileId = fileId;
    }

    /// <summary>Closes the form; the caller then registers <see cref="DefectRepair"/> orders for the returned defects.</summary>
    public IReadOnlyList<DeliveryDefect> Complete(DateTime atUtc)
    {
        RequireOpen();
        var e = new List<FieldError>();
        var open = Lines.Count(l => l.Result == CheckResult.NotChecked);
        if (open > 0) e.Add(new(nameof(Lines), new($"还有 {open} 项未验收", $"{open} lines have no result yet")));
        e.AddRange(Meters.Validate(requireWaterAndPower: true));
        if (SignatureFileId == null) e.Add(new(nameof(SignatureFileId), new("须业主签字（平板签名或纸质签字扫描件）后才能完成", "The owner must sign (on the tablet or a signed paper scan) first")));
        e.ThrowIfAny();
        CompletedAt = atUtc;
        Status = InspectionStatus.Completed;
        return Defects;
    }

    /// <summary>Links a defect to the repair order registered for it; each defect gets exactly one order.</summary>
    public void LinkRepair(DeliveryDefect defect, int repairOrderId)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, InspectionStatus.Completed);
        if (!Defects.Contains(defect)) throw new ArgumentException("not a defect of this inspection", nameof(defect));
        if (defect.RepairOrderId != null) throw new DomainException(new("该问题已生成报修单", "This defect already has a repair order"));
        defect.RepairOrderId = repairOrderId;
    }

    private void RequireOpen() => IllegalStepException.Require(What, Status, MoveInLabels.Label, InspectionStatus.InProgress);
}

/// <summary>What the repair desk registers for a delivery defect: the unit's warranty repair, free to the owner.</summary>
public static class DefectRepair
{
    public const string Category = "交付遗留";

    public static RepairIntake Intake(int unitId, DeliveryDefect defect)
    {
        var text = $"【交付验收】{defect.Room}-{defect.Item}：{defect.Description}";
        // The prefix must not push a full-length description over the repair's limit.
        if (text.Length > RepairIntake.MaxDescription) text = text[..RepairIntake.MaxDescription];
        return new(unitId, null, Category, text, RepairUrgency.Normal, RepairChannel.Visit, WorkKind.Repair, FeeKind.Warranty);
    }
}
