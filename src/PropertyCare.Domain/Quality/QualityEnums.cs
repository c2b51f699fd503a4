using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Quality;

/// <summary>Where a sampled callback comes from: the project's 100 % callback of a repair order, or of a complaint.</summary>
public enum SampleSource
{
    Repair = 0,     // 报事报修回访
    Complaint = 1,  // 客户投诉回访
}

/// <summary>Why a callback is in HQ's sample: drawn at random, or always included (the handbook's 不满意/返工/升级 cases).</summary>
public enum SampleReason
{
    Random = 0,       // 随机抽取
    Unsatisfied = 1,  // 回访不满意 — always re-called
    Reworked = 2,     // 返工 / 二次回访 — always re-called
    Escalated = 3,    // 升级处理（二次/三次派单）— always re-called
}

public enum AuditStatus
{
    Pending = 0,      // 待抽访
    Done = 1,         // 已抽访
    Unreachable = 2,  // 无法联系（空号/多次无人接听）
}

/// <summary>真实性: does the owner confirm that the project called back and the work was done?</summary>
public enum Authenticity
{
    Genuine = 1,  // 真实
    Untrue = 2,   // 不实 — the callback did not happen, or the work was not done as recorded
}

/// <summary>整改通知 states. Returned goes back to the manager, like Issued, with HQ's reason.</summary>
public enum RectificationStatus
{
    Issued = 0,    // 待整改
    Answered = 1,  // 待验收 — the manager has answered with the rectification
    Accepted = 2,  // 已验收（关闭）
    Returned = 3,  // 已退回 — HQ did not accept; the manager answers again
}

public static class QualityLabels
{
    public static Text Label(this SampleSource s) => s switch
    {
        SampleSource.Repair => new("报事报修", "Repair"),
        _ => new("客户投诉", "Complaint"),
    };

    public static Text Label(this SampleReason r) => r switch
    {
        SampleReason.Random => new("随机抽取", "Random"),
        SampleReason.Unsatisfied => new("回访不满意", "Unsatisfied"),
        SampleReason.Reworked => new("返工", "Reworked"),
        _ => new("升级处理", "Escalated"),
    };

    public static Text Label(this AuditStatus s) => s switch
    {
        AuditStatus.Pending => new("待抽访", "To call"),
        AuditStatus.Done => new("已抽访", "Called"),
        _ => new("无法联系", "Unreachable"),
    };

    public static Text Label(this Authenticity a) => a switch
    {
        Authenticity.Genuine => new("真实", "Genuine"),
        _ => new("不实", "Untrue"),
    };

    public static Text Label(this RectificationStatus s) => s switch
    {
        RectificationStatus.Issued => new("待整改", "To rectify"),
        RectificationStatus.Answered => new("待验收", "To review"),
        RectificationStatus.Accepted => new("已验收", "Accepted"),
        _ => new("已退回", "Returned"),
    };

    /// <summary>Open = still the manager's or HQ's to act on.</summary>
    public static bool IsOpen(this RectificationStatus s) => s != RectificationStatus.Accepted;
}
