using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

/// <summary>Where a callback sits on the worklist on a given project-local day.</summary>
public enum CallbackBucket { DueToday, Overdue, Unreachable, Upcoming, Finished }

public static class CallbackRules
{
    public static CallbackBucket BucketOf(CallbackStatus status, DateOnly dueOn, CallOutcome? lastOutcome, DateOnly today) => status switch
    {
        CallbackStatus.Unreachable => CallbackBucket.Unreachable,
        CallbackStatus.Pending when lastOutcome == CallOutcome.NoAnswer => CallbackBucket.Unreachable,
        CallbackStatus.Pending when dueOn < today => CallbackBucket.Overdue,
        CallbackStatus.Pending when dueOn == today => CallbackBucket.DueToday,
        CallbackStatus.Pending => CallbackBucket.Upcoming,
        _ => CallbackBucket.Finished,
    };

    /// <summary>回访率: answered callbacks of those due by the day, as a percentage; no due callback is 100 %.</summary>
    public static decimal Rate(int answered, int due) => due == 0 ? 100m : Math.Round(100m * answered / due, 1);

    public static Text Label(this CallOutcome o) => o switch
    {
        CallOutcome.Answered => new("已接通", "Answered"),
        CallOutcome.NoAnswer => new("无人接听", "No answer"),
        CallOutcome.EmptyNumber => new("空号", "Number not in service"),
        _ => new("信息错误", "Wrong information"),
    };

    public static Text Label(this ServiceAttitude a) => a switch
    {
        ServiceAttitude.Good => new("好", "Good"),
        ServiceAttitude.Fair => new("一般", "Fair"),
        _ => new("差", "Poor"),
    };

    public static Text Label(this CallbackStatus s) => s switch
    {
        CallbackStatus.Pending => new("待回访", "Due"),
        CallbackStatus.Done => new("已回访", "Done"),
        CallbackStatus.Unreachable => new("无法联系", "Unreachable"),
        _ => new("已取消", "Cancelled"),
    };

    public static Text Label(this CallbackBucket b) => b switch
    {
        CallbackBucket.DueToday => new("今日到期", "Due today"),
        CallbackBucket.Overdue => new("已逾期", "Overdue"),
        CallbackBucket.Unreachable => new("未接通", "Unreachable"),
        CallbackBucket.Upcoming => new("即将到期", "Upcoming"),
        _ => new("已完成", "Finished"),
    };
}
