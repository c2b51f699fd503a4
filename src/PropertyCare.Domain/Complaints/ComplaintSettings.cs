using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Complaints;

/// <summary>A department that handles complaints (工程部, 保洁部 …) and its head, who receives the 二次派单.</summary>
public sealed class ComplaintDepartment
{
    public string Name { get; set; } = "";
    public string? HeadUserId { get; set; }
    public string? HeadName { get; set; }
}

/// <summary>A project's complaint rules. The defaults are the handbooks' numbers (001_… 篇三 and 篇五): a plan within 3
/// working days, handling within 2 working days of the plan (at most 7 with a recorded reason), a follow-up with the
/// customer every 3 days while open, the callback within a week, repeats and reopening within 30 days. One row per
/// project, created with these defaults the first time it is read.</summary>
public class ComplaintSettings : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int PlanWorkingDays { get; private set; } = 3;
    public int HandleWorkingDays { get; private set; } = 2;
    public int MaxHandleWorkingDays { get; private set; } = 7;
    /// <summary>Working days the department head has after a 二次派单 before it goes to the manager and HQ (三次派单).</summary>
    public int SecondDispatchWorkingDays { get; private set; } = 1;
    public int FollowUpDays { get; private set; } = 3;
    public int CallbackDays { get; private set; } = 7;
    public int RepeatWindowDays { get; private set; } = 30;
    public int ReopenDays { get; private set; } = 30;
    public List<string> Categories { get; private set; } = [.. DefaultCategories];
    public List<ComplaintDepartment> Departments { get; private set; } = DefaultDepartments.Select(d => new ComplaintDepartment { Name = d }).ToList();
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    public static readonly string[] DefaultCategories =
        ["维修服务", "保洁卫生", "安全秩序", "停车管理", "收费问题", "噪音扰民", "装修管理", "服务态度", "绿化环境", "设施设备", "其他"];
    public static readonly string[] DefaultDepartments = ["客服部", "工程部", "保洁部", "安保部", "绿化部"];

    public ComplaintDepartment? Department(string? name) => Departments.FirstOrDefault(d => d.Name == name?.Trim());

    public sealed record Numbers(int PlanWorkingDays, int HandleWorkingDays, int MaxHandleWorkingDays, int SecondDispatchWorkingDays,
        int FollowUpDays, int CallbackDays, int RepeatWindowDays, int ReopenDays);

    public Numbers Current => new(PlanWorkingDays, HandleWorkingDays, MaxHandleWorkingDays, SecondDispatchWorkingDays, FollowUpDays, CallbackDays, RepeatWindowDays, ReopenDays);

    public void Change(Numbers n, IEnumerable<string> categories, IEnumerable<ComplaintDepartment> departments)
    {
        var e = Validate(n, categories, departments, out var cats, out var depts);
        e.ThrowIfAny();
        (PlanWorkingDays, HandleWorkingDays, MaxHandleWorkingDays, SecondDispatchWorkingDays, FollowUpDays, CallbackDays, RepeatWindowDays, ReopenDays) =
            (n.PlanWorkingDays, n.HandleWorkingDays, n.MaxHandleWorkingDays, n.SecondDispatchWorkingDays, n.FollowUpDays, n.CallbackDays, n.RepeatWindowDays, n.ReopenDays);
        Categories = cats;
        Departments = depts;
    }

    public static List<FieldError> Validate(Numbers n, IEnumerable<string> categories, IEnumerable<ComplaintDepartment> departments,
        out List<string> cats, out List<ComplaintDepartment> depts)
    {
        var e = new List<FieldError>();
        Range(e, nameof(PlanWorkingDays), n.PlanWorkingDays, 1, 10, "出方案时限（工作日）", "Plan deadline (working days)");
        Range(e, nameof(HandleWorkingDays), n.HandleWorkingDays, 1, 10, "处理时限（工作日）", "Handling deadline (working days)");
        Range(e, nameof(MaxHandleWorkingDays), n.MaxHandleWorkingDays, 1, 30, "最长处理时限（工作日）", "Longest handling (working days)");
        if (n.MaxHandleWorkingDays < n.HandleWorkingDays)
            e.Add(new(nameof(MaxHandleWorkingDays), new("最长处理时限不能短于处理时限", "The longest handling cannot be shorter than the handling deadline")));
        Range(e, nameof(SecondDispatchWorkingDays), n.SecondDispatchWorkingDays, 1, 5, "二次派单时限（工作日）", "Second-dispatch deadline (working days)");
        Range(e, nameof(FollowUpDays), n.FollowUpDays, 1, 7, "跟进间隔（天）", "Follow-up interval (days)");
        Range(e, nameof(CallbackDays), n.CallbackDays, 1, 7, "回访时限（天）", "Callback within (days)");
        Range(e, nameof(RepeatWindowDays), n.RepeatWindowDays, 1, 90, "重复投诉判定期（天）", "Repeat window (days)");
        Range(e, nameof(ReopenDays), n.ReopenDays, 1, 90, "可重新打开期限（天）", "Reopen within (days)");

        cats = categories.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (cats.Count == 0) e.Add(new(nameof(Categories), new("至少需要一个投诉类别", "At least one category")));
        if (cats.Count > 30) e.Add(new(nameof(Categories), new("投诉类别不能超过 30 个", "At most 30 categories")));
        if (cats.Any(c => c.Length > TextLimits.Label)) e.Add(new(nameof(Categories), new($"每个类别不超过 {TextLimits.Label} 字", $"Each category at most {TextLimits.Label} characters")));

        depts = departments.Where(d => !string.IsNullOrWhiteSpace(d.Name))
            .Select(d => new ComplaintDepartment { Name = d.Name.Trim(), HeadUserId = string.IsNullOrWhiteSpace(d.HeadUserId) ? null : d.HeadUserId, HeadName = d.HeadName?.Trim() })
            .ToList();
        if (depts.Count == 0) e.Add(new(nameof(Departments), new("至少需要一个责任部门", "At least one department")));
        if (depts.Count > 20) e.Add(new(nameof(Departments), new("责任部门不能超过 20 个", "At most 20 departments")));
        if (depts.Select(d => d.Name).Distinct().Count() != depts.Count) e.Add(new(nameof(Departments), new("部门名称不能重复", "Department names must differ")));
        if (depts.Any(d => d.Name.Length > TextLimits.Label)) e.Add(new(nameof(Departments), new($"部门名称不超过 {TextLimits.Label} 字", $"Department names at most {TextLimits.Label} characters")));
        return e;
    }

    private static void Range(List<FieldError> e, string field, int v, int min, int max, string zh, string en)
    {
        if (v < min || v > max) e.Add(new(field, new($"{zh}应为 {min}–{max}", $"{en} must be {min}–{max}")));
    }
}
