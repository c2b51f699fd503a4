using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Renovation;

/// <summary>What the refund rule looks at, gathered by the service.</summary>
public sealed record RefundFacts(
    RenovationStatus Status,
    DateOnly? AcceptedOn,
    DateOnly? ObservationEndsOn,
    DateOnly Today,
    decimal Balance,
    int OpenViolations,
    int OpenDeductions,
    int OpenRepairs,
    bool RefundPending);

/// <summary>保证金清退的条件 (3.1.2): acceptance passed, the observation period (for leaks) over, no violation, deduction or
/// repair caused by the works still open, something left to refund and no refund already waiting. Every reason is
/// returned at once so the desk sees all that is missing. A withdrawn or rejected application has no works to wait
/// for: its deposit, if any was taken, is refundable at once.</summary>
public static class RefundEligibility
{
    public static IReadOnlyList<Text> Check(RefundFacts f)
    {
        var r = new List<Text>();
        if (f.Balance <= 0) r.Add(new("保证金余额为零，无可清退", "There is no deposit left to refund"));
        if (f.RefundPending) r.Add(new("已有待审批的清退申请", "A refund request is already waiting for approval"));
        if (f.OpenDeductions > 0) r.Add(new($"有 {f.OpenDeductions} 笔扣款待审批", $"{f.OpenDeductions} deduction(s) wait for a decision"));
        if (f.Status is RenovationStatus.Withdrawn or RenovationStatus.Rejected) return r;

        if (f.Status != RenovationStatus.Accepted || f.AcceptedOn == null)
            r.Add(new($"装修尚未验收通过（当前：{f.Status.Label().Zh}）", $"The works are not accepted yet (now: {f.Status.Label().En})"));
        else if (f.ObservationEndsOn is { } end && f.Today < end)
            r.Add(new($"观察期至 {end:yyyy-MM-dd} 结束，尚余 {end.DayNumber - f.Today.DayNumber} 天",
                $"The observation period ends on {end:yyyy-MM-dd}, {end.DayNumber - f.Today.DayNumber} day(s) from now"));
        if (f.OpenViolations > 0) r.Add(new($"有 {f.OpenViolations} 项违章未整改完毕", $"{f.OpenViolations} violation(s) are not closed"));
        if (f.OpenRepairs > 0) r.Add(new($"有 {f.OpenRepairs} 张因装修引起的维修单未完成", $"{f.OpenRepairs} repair order(s) caused by the works are not finished"));
        return r;
    }
}
