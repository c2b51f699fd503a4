using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.PatrolWorld;

namespace PropertyCare.Domain.Tests.Renovation;

public sealed class ViolationWorkflowTests
{
    private static RenovationViolation Open() =>
        RenovationViolation.Record(Working().App, 5, "噪音", "周六电钻", Today.AddDays(2), Today, "张三", Now);

    [Fact]
    public void A_violation_is_recorded_open_with_its_type_deadline_and_patrol()
    {
        var v = Open();
        Assert.Equal(ViolationStatus.Open, v.Status);
        Assert.Equal("噪音", v.Type);
        Assert.Equal(5, v.PatrolId);
        Assert.Equal(11, v.ApplicationId);
        Assert.True(v.IsOpen);
    }

    [Fact]
    public void Type_not_on_the_checklist_empty_description_and_a_past_deadline_are_refused_together()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            RenovationViolation.Record(Working().App, null, "乱停车", " ", Today.AddDays(-1), Today, "张三", Now));
        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public void A_deadline_of_today_is_allowed()
    {
        Assert.Equal(Today, RenovationViolation.Record(Working().App, null, "噪音", "x", Today, Today, "张三", Now).RectifyBy);
    }

    [Fact]
    public void Rectified_then_a_passed_recheck_closes_it()
    {
        var v = Open();
        v.MarkRectified(Now);
        Assert.Equal(ViolationStatus.Rectified, v.Status);
        v.Recheck(true, null, null, Today, "李四", Now);
        Assert.Equal(ViolationStatus.Closed, v.Status);
        Assert.Equal(1, v.Rechecks);
        Assert.False(v.IsOpen);
        Assert.Throws<IllegalStepException>(() => v.MarkRectified(Now));
    }

    [Fact]
    public void A_failed_recheck_opens_it_again_with_a_new_deadline_and_counts()
    {
        var v = Open();
        v.MarkRectified(Now);
        Assert.Throws<ValidationException>(() => v.Recheck(false, null, null, Today, "李四", Now));
        Assert.Equal(ViolationStatus.Rectified, v.Status);
        v.Recheck(false, "仍在噪音施工", Today.AddDays(3), Today, "李四", Now);
        Assert.Equal(ViolationStatus.Open, v.Status);
        Assert.Equal(Today.AddDays(3), v.RectifyBy);
        Assert.Null(v.RectifiedAt);
        Assert.Equal(1, v.Rechecks);
        v.MarkRectified(Now);
        v.Recheck(true, null, null, Today, "李四", Now);
        Assert.Equal(2, v.Rechecks);
    }

    [Fact]
    public void A_recheck_needs_it_rectified_first()
    {
        Assert.Throws<IllegalStepException>(() => Open().Recheck(true, null, null, Today, "李四", Now));
    }

    [Fact]
    public void Overdue_only_when_open_past_the_deadline_and_escalated_once()
    {
        var v = Open();
        var deadline = v.RectifyBy;
        Assert.False(v.IsOverdue(deadline));
        Assert.False(v.Escalate(deadline, Now));
        Assert.True(v.IsOverdue(deadline.AddDays(1)));
        Assert.True(v.Escalate(deadline.AddDays(1), Now));
        Assert.False(v.Escalate(deadline.AddDays(2), Now));
        v.MarkRectified(Now);
        Assert.False(v.IsOverdue(deadline.AddDays(5)));
    }

    [Fact]
    public void A_new_deadline_after_a_failed_recheck_may_be_escalated_again()
    {
        var v = Open();
        Assert.True(v.Escalate(v.RectifyBy.AddDays(1), Now));
        v.MarkRectified(Now);
        var later = v.RectifyBy.AddDays(1);
        v.Recheck(false, "未整改", later.AddDays(1), later, "李四", Now);
        Assert.Null(v.EscalatedAt);
        Assert.True(v.Escalate(later.AddDays(2), Now));
    }

    [Fact]
    public void One_repair_order_per_violation()
    {
        var v = Open();
        v.LinkRepair(9);
        Assert.Equal(9, v.RepairOrderId);
        Assert.Throws<DomainException>(() => v.LinkRepair(10));
    }
}
