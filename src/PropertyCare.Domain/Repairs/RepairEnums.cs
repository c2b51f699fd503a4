using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

/// <summary>报修单状态. Changed only through <see cref="RepairOrder"/>'s methods.</summary>
public enum RepairStatus
{
    Registered = 0,  // 已登记
    Dispatched = 1,  // 已派工
    Accepted = 2,    // 已接单
    Arrived = 3,     // 已到场
    Completed = 4,   // 已完工 (待回访)
    Returned = 5,    // 已退单 (技工退回，待重新派工)
    Closed = 6,      // 已关闭
    Cancelled = 7,   // 已取消
    Rework = 8,      // 返工中 (回访不满意，返工单处理中)
}

public enum RepairUrgency { Normal = 0, Urgent = 1 }

/// <summary>Where the request came from (来电/来访/业主端).</summary>
public enum RepairChannel { Phone = 0, Visit = 1, OwnerPortal = 2 }

/// <summary>收费: paid by the owner, free, or under the developer's warranty (保修期内).</summary>
public enum FeeKind { Free = 0, Paid = 1, Warranty = 2 }

/// <summary>Repairs are called back 1–3 days after completion, installations the next day (回访方案).</summary>
public enum WorkKind { Repair = 0, Installation = 1 }

public static class RepairText
{
    public static Text Label(this RepairStatus s) => s switch
    {
        RepairStatus.Registered => new("已登记", "Registered"),
        RepairStatus.Dispatched => new("已派工", "Dispatched"),
        RepairStatus.Accepted => new("已接单", "Accepted"),
        RepairStatus.Arrived => new("已到场", "On site"),
        RepairStatus.Completed => new("已完工", "Completed"),
        RepairStatus.Returned => new("已退单", "Returned"),
        RepairStatus.Closed => new("已关闭", "Closed"),
        RepairStatus.Rework => new("返工中", "Being reworked"),
        _ => new("已取消", "Cancelled"),
    };

    public static Text Label(this FeeKind f) => f switch
    {
        FeeKind.Free => new("免费", "Free"),
        FeeKind.Paid => new("有偿", "Paid"),
        _ => new("保修", "Warranty"),
    };

    /// <summary>Categories a new project starts with; each project edits its own list.</summary>
    public static Text Label(this RepairUrgency u) => u == RepairUrgency.Urgent ? new("紧急", "Urgent") : new("一般", "Normal");

    public static Text Label(this WorkKind k) => k == WorkKind.Installation ? new("安装", "Installation") : new("维修", "Repair");

    public static Text Label(this RepairChannel c) => c switch
    {
        RepairChannel.Phone => new("来电", "Phone"),
        RepairChannel.Visit => new("来访", "Visit"),
        _ => new("业主端", "Owner portal"),
    };

    /// <summary>The open statuses: the order still needs work before its callback.</summary>
    public static bool IsOpen(this RepairStatus s) => s is RepairStatus.Registered or RepairStatus.Dispatched
        or RepairStatus.Accepted or RepairStatus.Arrived or RepairStatus.Returned;

    public static readonly string[] DefaultCategories = ["水电", "门窗", "墙面", "管道疏通", "电梯", "公共设施", "其他"];
}
