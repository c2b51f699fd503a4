using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using static PropertyCare.Domain.Tests.Complaints.ComplaintWorld;

namespace PropertyCare.Domain.Tests.Complaints;

/// <summary>篇五 3.5: same-day items and consultations the same day; otherwise a plan within 3 working days; 篇三: handling
/// within 2 working days, at most 7 — all on the working calendar (国庆, 调休).</summary>
public sealed class ComplaintDeadlineTests
{
    [Fact]
    public void A_complaint_received_the_day_before_national_day_has_its_plan_due_on_the_worked_saturday_after()
    {
        // 30 Sep (Wed) → 8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (Sat, 调休 worked) 3.
        var c = Registered(At(9, 30, 10));
        Assert.Equal(EndOf(10, 10), c.PlanDueAt);
    }

    [Fact]
    public void A_complaint_received_on_a_saturday_counts_the_worked_sunday_first()
    {
        // 19 Sep (Sat) → 20 Sep (Sun, 调休 worked) 1, 21 Sep 2, 22 Sep 3.
        Assert.Equal(EndOf(9, 22), Registered(At(9, 19, 9)).PlanDueAt);
    }

    [Fact]
    public void A_same_day_item_is_due_the_day_it_came_even_on_a_holiday()
    {
        var c = Registered(At(10, 3, 14), sameDay: SameDayReason.EssentialFacility);
        Assert.Equal(EndOf(10, 3), c.PlanDueAt);
    }

    [Fact]
    public void A_consultation_is_answered_the_same_day()
    {
        var c = Registered(At(11, 24, 22, 30), ComplaintKind.Consultation);
        Assert.Equal(EndOf(11, 24), c.PlanDueAt);
    }

    [Fact]
    public void A_late_evening_call_is_still_due_the_same_local_day_not_the_utc_one()
    {
        // 23:30 Shanghai is 15:30 UTC the same date; 00:30 Shanghai is the previous UTC date.
        Assert.Equal(EndOf(11, 25), Registered(At(11, 25, 23, 30), sameDay: SameDayReason.Safety).PlanDueAt);
        Assert.Equal(EndOf(11, 26), Registered(At(11, 26, 0, 30), sameDay: SameDayReason.Safety).PlanDueAt);
    }

    [Fact]
    public void Classifying_a_same_day_item_later_keeps_the_day_it_was_received()
    {
        var c = Registered(At(11, 24, 18));
        c.Classify(Valid(SameDayReason.Safety), Settings, "李客服", At(11, 25, 9), Time);
        Assert.Equal(EndOf(11, 24), c.PlanDueAt);
        Assert.True(c.IsOverdue(At(11, 25, 9)));
    }

    [Fact]
    public void Handling_is_due_two_working_days_after_the_plan_and_can_be_put_off_to_seven_across_the_holiday()
    {
        var c = Planned(At(9, 29, 9), At(9, 30, 16));
        Assert.Equal(EndOf(10, 9), c.HandleDueAt);      // 8, 9 Oct
        Assert.Equal(EndOf(10, 15), c.HandleLimitAt);   // 8, 9, 10 (调休), 12, 13, 14, 15 Oct
    }

    [Fact]
    public void The_project_setting_changes_the_number_of_working_days()
    {
        var s = new ComplaintSettings { ProjectId = 1 };
        s.Change(s.Current with { PlanWorkingDays = 1 }, s.Categories, s.Departments);
        var c = Complaint.Register(Intake(), null, false, "u", "李客服", At(9, 30, 10), s, Time);
        Assert.Equal(EndOf(10, 8), c.PlanDueAt);
    }

    [Fact]
    public void A_delay_needs_a_reason_and_cannot_pass_the_limit()
    {
        var c = Planned(At(9, 29, 9), At(9, 30, 16));
        var v = c.Version;
        Assert.Throws<ValidationException>(() => c.Delay(new DateOnly(2026, 10, 12), " ", At(10, 8, 9), Time));
        var past = Assert.Throws<ValidationException>(() => c.Delay(new DateOnly(2026, 10, 16), "等待厂家配件", At(10, 8, 9), Time));
        Assert.Contains("2026-10-15", past.Text.Zh);
        Assert.Throws<ValidationException>(() => c.Delay(new DateOnly(2026, 10, 9), "等待厂家配件", At(10, 8, 9), Time));
        Assert.Equal(EndOf(10, 9), c.HandleDueAt);
        Assert.Null(c.DelayReason);

        c.Delay(new DateOnly(2026, 10, 15), "等待厂家配件", At(10, 8, 9), Time);
        Assert.Equal(EndOf(10, 15), c.HandleDueAt);
        Assert.Equal("等待厂家配件", c.DelayReason);
    }

    [Fact]
    public void Handling_on_the_last_microsecond_is_on_time_and_a_moment_later_is_not()
    {
        var onTime = Planned(At(11, 23, 9), At(11, 23, 10));
        onTime.Handle("已处理", null, "赵保洁", onTime.HandleDueAt!.Value, Settings, Time);
        Assert.True(onTime.HandledOnTime);

        var late = Planned(At(11, 23, 9), At(11, 23, 10));
        late.Handle("已处理", null, "赵保洁", late.HandleDueAt!.Value.AddTicks(10), Settings, Time);
        Assert.False(late.HandledOnTime);
    }

    [Fact]
    public void A_late_plan_makes_the_handling_late_even_when_the_handling_itself_was_quick()
    {
        var c = Dispatched(At(11, 23, 9));
        var afterPlanDue = c.PlanDueAt!.Value.AddHours(1);
        c.RecordPlan("安排清运", "赵保洁", afterPlanDue, Settings, Time);
        c.Handle("已清运", null, "赵保洁", afterPlanDue.AddHours(1), Settings, Time);
        Assert.False(c.HandledOnTime);
    }

    [Fact]
    public void The_callback_is_due_within_the_week_after_handling()
    {
        var c = Handled(At(11, 23, 9));
        Assert.Equal(new DateOnly(2026, 11, 30), c.CallbackDueOn);
    }

    [Fact]
    public void A_consultation_answered_the_next_day_is_late()
    {
        var c = Registered(At(11, 24, 17), ComplaintKind.Consultation);
        c.Answer("物业费可在业主端缴纳", "李客服", At(11, 25, 9));
        Assert.Equal(ComplaintStatus.Closed, c.Status);
        Assert.False(c.HandledOnTime);

        var quick = Registered(At(11, 24, 17), ComplaintKind.Consultation);
        quick.Answer("物业费可在业主端缴纳", "李客服", At(11, 24, 17, 10));
        Assert.True(quick.HandledOnTime);
    }

    [Fact]
    public void Follow_ups_are_due_every_three_days_from_the_last_one()
    {
        var c = Dispatched(At(11, 20, 9));
        Assert.Equal(At(11, 23, 9), c.FollowUpDueAt(Settings));
        c.FollowUp(FollowUpChannel.Phone, "告知正在安排", "李客服", At(11, 22, 15));
        Assert.Equal(At(11, 25, 15), c.FollowUpDueAt(Settings));
        Assert.Single(c.FollowUps);
        Assert.Equal("李客服", c.FollowUps[0].By);
    }

    [Fact]
    public void Nothing_to_follow_up_before_dispatch_or_after_handling()
    {
        Assert.Null(Registered(At(11, 20, 9)).FollowUpDueAt(Settings));
        Assert.Null(Handled(At(11, 20, 9)).FollowUpDueAt(Settings));
    }
}
