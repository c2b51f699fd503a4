using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.MoveIn;

public enum CheckResult
{
    NotChecked = 0, // 未检查
    Passed = 1,     // 合格
    Failed = 2,     // 不合格
    NotApplicable = 3, // 不适用
}

/// <summary>One line of a checklist: what is looked at and what was found.</summary>
public sealed class ChecklistItem
{
    public string Name { get; init; } = "";
    public CheckResult Result { get; set; }
    public string? Note { get; set; }
}

public enum TakeOverStatus
{
    Open = 0,       // 验收中
    Completed = 1,  // 已完成
}

/// <summary>接管验收 — the service centre takes a building or a common facility over from the developer (开发商) and
/// checks it against a list. A failed item must be recorded as a defect (工程遗留问题) before the inspection is
/// completed; the inspection can be completed with defects still open — they stay visible until closed.</summary>
public class TakeOverInspection : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int BatchId { get; private set; }
    /// <summary>The building taken over, or null for a common facility (<see cref="Facility"/>).</summary>
    public int? BuildingId { get; private set; }
    public string? Facility { get; private set; }
    public DateOnly InspectedOn { get; private set; }
    public TakeOverStatus Status { get; private set; }
    public List<ChecklistItem> Items { get; private set; } = [];
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(DeliveryBatch), BatchId);

    /// <summary>What a well-run centre checks at take-over when the project has no list of its own (ours).</summary>
    public static readonly string[] DefaultChecklist =
        ["土建结构", "外墙与屋面", "门窗", "给排水", "强电与照明", "弱电与智能化", "消防设施", "电梯", "公共区域装饰", "室外管网与绿化", "竣工资料与图纸"];

    private static readonly Text What = new("接管验收", "take-over inspection");

    public static TakeOverInspection Start(int batchId, int? buildingId, string? facility, DateOnly inspectedOn, IEnumerable<string> checklist)
    {
        var items = checklist.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
        var e = new List<FieldError>();
        var hasFacility = !string.IsNullOrWhiteSpace(facility);
        if (buildingId == null && !hasFacility) e.Add(new("Target", new("请选择楼栋或填写公共设施", "Choose a building or name a common facility")));
        if (buildingId != null && hasFacility) e.Add(new("Target", new("楼栋与公共设施只能选其一", "Choose either a building or a facility, not both")));
        TextLimits.Check(e, nameof(Facility), facility, TextLimits.Location, "公共设施", "Facility");
        if (items.Count == 0) e.Add(new(nameof(Items), new("验收清单不能为空", "The checklist is empty")));
        if (items.Any(i => i.Length > TextLimits.Location)) e.Add(TextLimits.TooLong(nameof(Items), TextLimits.Location, "验收项目", "Checklist item"));
        e.ThrowIfAny();
        return new TakeOverInspection
        {
            BatchId = batchId, BuildingId = buildingId, Facility = Checks.Clean(facility), InspectedOn = inspectedOn,
            Items = items.Select(i => new ChecklistItem { Name = i }).ToList(), Status = TakeOverStatus.Open,
        };
    }

    public void Record(string item, CheckResult result, string? note)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, TakeOverStatus.Open);
        var line = Items.FirstOrDefault(i => i.Name == item)
            ?? throw new DomainException(new($"验收清单中没有“{item}”", $"“{item}” is not on the checklist"));
        if (result == CheckResult.Failed && string.IsNullOrWhiteSpace(note))
            throw new ValidationException([new(nameof(ChecklistItem.Note), new("不合格项请说明问题", "Describe what failed"))]);
        var e = new List<FieldError>();
        TextLimits.Check(e, nameof(ChecklistItem.Note), note, TextLimits.Remark, "说明", "Note");
        e.ThrowIfAny();
        line.Result = result;
        line.Note = Checks.Clean(note);
    }

    /// <param name="defectItems">checklist items that have at least one defect recorded</param>
    public void Complete(IReadOnlyCollection<string> defectItems)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, TakeOverStatus.Open);
        var unchecked_ = Items.Where(i => i.Result == CheckResult.NotChecked).Select(i => i.Name).ToList();
        if (unchecked_.Count > 0)
            throw new DomainException(new($"还有未检查的项目：{string.Join("、", unchecked_)}", $"Not checked yet: {string.Join(", ", unchecked_)}"));
        // A failed item with no defect would be forgotten: nobody would chase the developer for it.
        var noDefect = Items.Where(i => i.Result == CheckResult.Failed && !defectItems.Contains(i.Name)).Select(i => i.Name).ToList();
        if (noDefect.Count > 0)
            throw new DomainException(new($"不合格项目须登记工程遗留问题：{string.Join("、", noDefect)}",
                $"Record a defect for each failed item: {string.Join(", ", noDefect)}"));
        Status = TakeOverStatus.Completed;
    }
}
