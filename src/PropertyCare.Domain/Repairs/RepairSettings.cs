using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

/// <summary>A project's repair settings: its categories, the deadline of normal requests and when repairs
/// are called back. One row per project, created with defaults the first time it is read.</summary>
public class RepairSettings : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>Working days a normal (not urgent) request has (处理时限).</summary>
    public int NormalDueWorkingDays { get; private set; } = 2;
    /// <summary>Days after completion a repair is called back (1–3, 回访方案); installations: the next day.</summary>
    public int RepairCallbackDays { get; private set; } = 1;
    /// <summary>Categories, one per line, in the order they are offered.</summary>
    public string Categories { get; private set; } = string.Join('\n', RepairText.DefaultCategories);
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    public IReadOnlyList<string> CategoryList => Categories.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Change(int normalDueWorkingDays, int repairCallbackDays, IEnumerable<string> categories)
    {
        var list = categories.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var e = new List<FieldError>();
        if (normalDueWorkingDays is < 1 or > 10)
            e.Add(new(nameof(NormalDueWorkingDays), new("处理时限应为 1–10 个工作日", "The deadline is 1–10 working days")));
        if (repairCallbackDays is < 1 or > 3)
            e.Add(new(nameof(RepairCallbackDays), new("维修回访应在完工后 1–3 天", "Repairs are called back 1–3 days after completion")));
        if (list.Count == 0) e.Add(new(nameof(Categories), new("至少需要一个报修类别", "At least one category")));
        if (list.Count > 30) e.Add(new(nameof(Categories), new("报修类别不能超过 30 个", "At most 30 categories")));
        if (list.Any(c => c.Length > TextLimits.Label)) e.Add(new(nameof(Categories), new($"每个类别不超过 {TextLimits.Label} 字", $"Each category at most {TextLimits.Label} characters")));
        e.ThrowIfAny();
        NormalDueWorkingDays = normalDueWorkingDays;
        RepairCallbackDays = repairCallbackDays;
        Categories = string.Join('\n', list);
    }
}
