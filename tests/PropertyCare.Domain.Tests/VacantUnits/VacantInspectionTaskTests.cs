using PropertyCare.Domain.Common;
using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Domain.Tests.VacantUnits;

public sealed class VacantInspectionTaskTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly InspectionCycle Nov = InspectionCycle.At(InspectionFrequency.Monthly, new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc), Shanghai);

    private static VacantInspectionTask New() => VacantInspectionTask.Create(new(101, "staff-1"), Nov);

    [Fact]
    public void A_task_is_for_a_unit_and_a_cycle_due_at_the_cycles_end()
    {
        var t = New();
        Assert.Equal((101, "staff-1", "2026-11", Nov.DueUtc, VacantTaskStatus.Open), (t.UnitId, t.AssigneeId, t.CycleKey, t.DueAt, t.Status));
        Assert.Equal("vacant:101:2026-11", VacantInspectionTask.DedupKey(101, Nov));
    }

    [Fact]
    public void A_task_is_overdue_only_after_its_due_instant_and_escalates_once()
    {
        var t = New();
        Assert.False(t.IsOverdue(Nov.DueUtc));
        Assert.False(t.Escalate(Nov.DueUtc));
        Assert.True(t.IsOverdue(Nov.DueUtc.AddTicks(1)));
        Assert.True(t.Escalate(Nov.DueUtc.AddHours(1)));
        Assert.Equal(Nov.DueUtc.AddHours(1), t.EscalatedAt);
        Assert.False(t.Escalate(Nov.DueUtc.AddHours(2)));
        Assert.Equal(Nov.DueUtc.AddHours(1), t.EscalatedAt);
    }

    [Fact]
    public void A_done_or_cancelled_task_is_not_overdue_and_cannot_change()
    {
        var t = New();
        t.Done(55);
        Assert.Equal((VacantTaskStatus.Done, 55), (t.Status, t.InspectionId));
        Assert.False(t.IsOverdue(Nov.DueUtc.AddDays(3)));
        Assert.Contains("已巡查", Assert.Throws<IllegalStepException>(() => t.Done(56)).Text.Zh);
        Assert.Throws<IllegalStepException>(t.Cancel);
        Assert.Throws<IllegalStepException>(() => t.Reassign("staff-2"));

        var c = New();
        c.Cancel();
        Assert.False(c.Escalate(Nov.DueUtc.AddDays(3)));
    }

    [Fact]
    public void Reassigning_needs_someone()
    {
        var t = New();
        Assert.Throws<ValidationException>(() => t.Reassign(" "));
        t.Reassign("staff-2");
        Assert.Equal("staff-2", t.AssigneeId);
    }
}
