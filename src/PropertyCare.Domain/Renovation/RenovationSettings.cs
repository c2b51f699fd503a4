using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

public enum DepositMode
{
    Fixed = 0,           // 固定金额 (e.g. 3000 元/户)
    PerSquareMeter = 1,  // 按建筑面积 (元/㎡)
}

/// <summary>One kind of works the project lists on its application form (装修项目). Items that touch shared
/// structure or services need engineering review; some are never allowed (禁止项), and the form says why.</summary>
public sealed class ScopeItem
{
    public string Name { get; set; } = "";
    public bool NeedsReview { get; set; }
    public bool Prohibited { get; set; }
    /// <summary>Why it is prohibited (or what the review looks at), shown to the applicant.</summary>
    public string? Reason { get; set; }
}

/// <summary>A fee other than the deposit (装修垃圾清运费 …): not refundable, collected with the deposit.</summary>
public sealed class RenovationFee
{
    public string Name { get; set; } = "";
    public decimal Amount { get; set; }
    public bool PerSquareMeter { get; set; }

    public decimal For(decimal area) => Money.Round(PerSquareMeter ? Amount * area : Amount);
}

/// <summary>A window of the day in which works are allowed on working days (允许施工时间).</summary>
public sealed class WorkWindow
{
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

/// <summary>装修管理设置 — per project: deposit, fees, the scope list, allowed working hours, patrol interval and the
/// observation period before a deposit is refunded. Defaults are those of a typical residential project.</summary>
public class RenovationSettings : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public DepositMode DepositMode { get; set; } = DepositMode.Fixed;
    /// <summary>元 per unit (Fixed) or 元 per ㎡ of the unit's building area (PerSquareMeter).</summary>
    public decimal DepositAmount { get; set; } = 3000m;
    public List<RenovationFee> Fees { get; set; } = [];
    public List<ScopeItem> ScopeCatalog { get; set; } = [];
    public List<WorkWindow> WorkingHours { get; set; } = [];
    /// <summary>No noisy works (drilling, cutting, hammering) on rest days and holidays of the working calendar.</summary>
    public bool NoNoisyWorkOnRestDays { get; set; } = true;
    /// <summary>Every active renovation is patrolled at least this often (装修巡查).</summary>
    public int PatrolEveryDays { get; set; } = 3;
    /// <summary>After acceptance the deposit is held this long, for leaks to show (观察期).</summary>
    public int ObservationDays { get; set; } = 90;
    /// <summary>The longest planned period an application may ask for (extensions go through approval).</summary>
    public int MaxDurationDays { get; set; } = 90;
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    public decimal DepositFor(decimal area) => Money.Round(DepositMode == DepositMode.Fixed ? DepositAmount : DepositAmount * area);

    public static RenovationSettings Defaults(int projectId) => new()
    {
        ProjectId = projectId,
        Fees = [new() { Name = "装修垃圾清运费", Amount = 3m, PerSquareMeter = true }],
        ScopeCatalog =
        [
            new() { Name = "墙面涂刷/贴砖" },
            new() { Name = "地面铺装" },
            new() { Name = "吊顶" },
            new() { Name = "木作/橱柜安装" },
            new() { Name = "门窗套及室内门安装" },
            new() { Name = "水电改造", NeedsReview = true, Reason = "须提交水电改造图，隐蔽工程验收后方可封闭" },
            new() { Name = "厨卫防水", NeedsReview = true, Reason = "须做 48 小时闭水试验" },
            new() { Name = "拆除非承重墙", NeedsReview = true, Reason = "须提交图纸，由工程部确认非承重" },
            new() { Name = "空调安装", NeedsReview = true, Reason = "室外机须装在预留机位" },
            new() { Name = "防盗网/阳台封闭", NeedsReview = true, Reason = "须按小区统一样式" },
            new() { Name = "拆改承重墙、梁、柱", Prohibited = true, Reason = "危及建筑结构安全，法规禁止" },
            new() { Name = "移动燃气管道", Prohibited = true, Reason = "燃气设施只能由燃气公司改动" },
            new() { Name = "改变外立面/外窗", Prohibited = true, Reason = "破坏建筑外观，业主公约禁止" },
            new() { Name = "卫生间改至卧室/厨房上方", Prohibited = true, Reason = "改变防水区域，会造成楼下渗漏" },
        ],
        WorkingHours =
        [
            new() { Start = new(8, 0), End = new(12, 0) },
            new() { Start = new(14, 0), End = new(18, 0) },
        ],
    };

    public List<FieldError> Validate()
    {
        var e = new List<FieldError>();
        if (DepositAmount <= 0 || DepositAmount > 1_000_000) e.Add(new(nameof(DepositAmount), new("保证金金额应大于 0 且不超过 1,000,000 元", "The deposit must be above 0 and at most 1,000,000")));
        if (DepositAmount != Money.Round(DepositAmount)) e.Add(new(nameof(DepositAmount), new("金额最多两位小数", "At most two decimals")));
        foreach (var f in Fees)
        {
            if (string.IsNullOrWhiteSpace(f.Name)) e.Add(new(nameof(Fees), new("请填写费用名称", "Name every fee")));
            else TextLimits.Check(e, nameof(Fees), f.Name, TextLimits.Label, "费用名称", "Fee name");
            if (f.Amount <= 0 || f.Amount != Money.Round(f.Amount)) e.Add(new(nameof(Fees), new($"“{f.Name}”的金额应大于 0，最多两位小数", $"The amount of '{f.Name}' must be above 0 with at most two decimals")));
        }
        if (Fees.Select(f => f.Name.Trim()).Distinct().Count() != Fees.Count) e.Add(new(nameof(Fees), new("费用名称重复", "Fee names repeat")));
        foreach (var s in ScopeCatalog)
        {
            if (string.IsNullOrWhiteSpace(s.Name)) e.Add(new(nameof(ScopeCatalog), new("请填写装修项目名称", "Name every scope item")));
            else TextLimits.Check(e, nameof(ScopeCatalog), s.Name, TextLimits.Location, "装修项目", "Scope item");
            TextLimits.Check(e, nameof(ScopeCatalog), s.Reason, TextLimits.Reason, "说明", "Reason");
            if (s.Prohibited && string.IsNullOrWhiteSpace(s.Reason)) e.Add(new(nameof(ScopeCatalog), new($"禁止项“{s.Name}”须写明原因", $"Say why '{s.Name}' is prohibited")));
        }
        if (ScopeCatalog.Select(s => s.Name.Trim()).Distinct().Count() != ScopeCatalog.Count) e.Add(new(nameof(ScopeCatalog), new("装修项目重复", "Scope items repeat")));
        if (WorkingHours.Count == 0) e.Add(new(nameof(WorkingHours), new("请至少设置一个允许施工时段", "Set at least one working window")));
        foreach (var w in WorkingHours)
            if (w.End <= w.Start) e.Add(new(nameof(WorkingHours), new($"时段 {w.Start:HH\\:mm}–{w.End:HH\\:mm} 结束须晚于开始", $"Window {w.Start:HH\\:mm}–{w.End:HH\\:mm} ends before it starts")));
        var ordered = WorkingHours.OrderBy(w => w.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].Start < ordered[i - 1].End) { e.Add(new(nameof(WorkingHours), new("允许施工时段有重叠", "Working windows overlap"))); break; }
        if (PatrolEveryDays is < 1 or > 30) e.Add(new(nameof(PatrolEveryDays), new("巡查间隔应为 1–30 天", "Patrol interval must be 1–30 days")));
        if (ObservationDays is < 0 or > 365) e.Add(new(nameof(ObservationDays), new("观察期应为 0–365 天", "Observation period must be 0–365 days")));
        if (MaxDurationDays is < 7 or > 365) e.Add(new(nameof(MaxDurationDays), new("最长装修期应为 7–365 天", "Longest period must be 7–365 days")));
        return e;
    }

    /// <summary>The allowed hours as the permit prints them: 08:00–12:00、14:00–18:00.</summary>
    public string HoursText => string.Join("、", WorkingHours.OrderBy(w => w.Start).Select(w => $"{w.Start:HH\\:mm}–{w.End:HH\\:mm}"));
}

/// <summary>Money in 元: two decimals, rounded half away from zero as receipts are.</summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>¥3,000.00 — the form every screen and receipt uses.</summary>
    public static string Format(decimal amount) => amount.ToString("¥#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
