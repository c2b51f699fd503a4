using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using static PropertyCare.Domain.Tests.Complaints.ComplaintWorld;

namespace PropertyCare.Domain.Tests.Complaints;

public sealed class ComplaintWorkflowTests
{
    private static readonly DateTime Monday = At(11, 23, 9);

    [Fact]
    public void A_praise_is_counted_and_closed_when_registered()
    {
        var c = Registered(Monday, ComplaintKind.Praise);
        Assert.Equal(ComplaintStatus.Closed, c.Status);
        Assert.Equal(Monday, c.ClosedAt);
        Assert.Null(c.PlanDueAt);
    }

    [Fact]
    public void The_record_sheet_refuses_missing_facts_a_bad_phone_and_an_unknown_category_all_at_once()
    {
        var bad = new ComplaintIntake(ComplaintKind.Complaint, ComplaintChannel.Visit, null, " ", "12345", " ", new string('x', 501), "不存在的类别", SameDayReason.None);
        var fields = bad.Validate(Settings).Select(e => e.Field).ToList();
        Assert.Equal(["CustomerName", "CustomerPhone", "Facts", "Demand", "Category"], fields);
        Assert.Throws<ValidationException>(() => Complaint.Register(bad, null, false, "u", "李客服", Monday, Settings, Time));
    }

    [Fact]
    public void Classification_dispatches_to_the_department_and_records_the_first_dispatch()
    {
        var s = new ComplaintSettings { ProjectId = 1 };
        s.Change(s.Current, s.Categories, [new ComplaintDepartment { Name = "保洁部", HeadUserId = "u-head", HeadName = "钱主管" }]);
        var c = Registered(Monday);
        c.Classify(Valid(), s, "李客服", Monday.AddHours(1), Time);
        Assert.Equal(ComplaintStatus.Dispatched, c.Status);
        Assert.Equal(ComplaintClass.Valid, c.Class);
        Assert.Equal(("保洁部", "u-clean", "u-head", "钱主管"), (c.Department, c.HandlerId, c.DepartmentHeadId, c.DepartmentHeadName));
        var d = Assert.Single(c.Dispatches);
        Assert.Equal(1, d.Level);
        Assert.Equal(1, c.DispatchLevel);
    }

    [Fact]
    public void A_complaint_needs_its_class_and_reason_and_nothing_changes_when_refused()
    {
        var c = Registered(Monday);
        var e = Assert.Throws<ValidationException>(() => c.Classify(Valid() with { Class = null, ClassReason = " ", Department = "不存在", HandlerId = "" }, Settings, "李客服", Monday, Time));
        Assert.Equal(["Class", "ClassReason", "Department", "HandlerId"], e.Errors.Select(x => x.Field).ToList());
        Assert.Equal(ComplaintStatus.Registered, c.Status);
        Assert.Null(c.Department);
        Assert.Empty(c.Dispatches);
    }

    [Fact]
    public void A_suggestion_is_dispatched_without_a_class_and_a_consultation_is_not_dispatched()
    {
        var s = Registered(Monday, ComplaintKind.Suggestion);
        Assert.Throws<ValidationException>(() => s.Classify(Valid(), Settings, "李客服", Monday, Time));
        s.Classify(Valid() with { Class = null, ClassReason = null }, Settings, "李客服", Monday, Time);
        Assert.Equal(ComplaintStatus.Dispatched, s.Status);
        Assert.Null(s.ClassReason);

        var q = Registered(Monday, ComplaintKind.Consultation);
        Assert.Throws<DomainException>(() => q.Classify(Valid() with { Class = null }, Settings, "李客服", Monday, Time));
        Assert.Throws<DomainException>(() => Registered(Monday).Answer("答复", "李客服", Monday));
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var c = Registered(Monday);
        Assert.Throws<IllegalStepException>(() => c.RecordPlan("方案", "u", Monday, Settings, Time));
        Assert.Throws<IllegalStepException>(() => c.Handle("结果", null, "u", Monday, Settings, Time));
        Assert.Throws<IllegalStepException>(() => c.RecordCallback(new(Satisfaction.Satisfied, false, null), "u", Monday, Settings, Time));
        Assert.Throws<IllegalStepException>(() => c.Reopen("又脏了", "u", Monday, Settings, Time));
        var d = Dispatched(Monday);
        Assert.Throws<IllegalStepException>(() => d.Classify(Valid(), Settings, "u", Monday, Time));
        Assert.Throws<IllegalStepException>(() => d.Delay(new DateOnly(2026, 11, 30), "原因", Monday, Time));
    }

    [Fact]
    public void A_valid_complaint_closes_only_when_the_customer_is_satisfied()
    {
        var c = Handled(Monday);
        c.RecordCallback(new(Satisfaction.Satisfied, false, null), "李客服", At(11, 24, 10), Settings, Time);
        Assert.Equal(ComplaintStatus.Closed, c.Status);
        Assert.True(Assert.Single(c.Callbacks).Closed);
        Assert.Equal(Satisfaction.Satisfied, c.LastSatisfaction);
    }

    [Fact]
    public void A_valid_complaint_the_customer_only_finds_acceptable_goes_back_as_a_second_dispatch()
    {
        var c = Handled(Monday);
        var at = At(11, 24, 10);
        c.RecordCallback(new(Satisfaction.Neutral, true, "还是有异味"), "李客服", at, Settings, Time);
        Assert.Equal(ComplaintStatus.Dispatched, c.Status);
        Assert.Equal(2, c.DispatchLevel);
        Assert.Equal(2, c.Dispatches.Last().Level);
        Assert.Null(c.Plan);
        Assert.Null(c.HandledOnTime);
        Assert.Equal(EndOf(11, 27), c.PlanDueAt); // 3 working days from the callback (25, 26, 27)
        Assert.False(Assert.Single(c.Callbacks).Closed);
        Assert.Equal("还是有异味", c.CustomerOpinion);
    }

    [Fact]
    public void An_unsatisfied_answer_must_say_why()
    {
        var c = Handled(Monday);
        Assert.Throws<ValidationException>(() => c.RecordCallback(new(Satisfaction.Dissatisfied, false, " "), "李客服", At(11, 24, 10), Settings, Time));
        Assert.Equal(ComplaintStatus.Handled, c.Status);
        Assert.Empty(c.Callbacks);
    }

    [Fact]
    public void A_complaint_to_improve_closes_when_the_customer_accepts_the_explanation()
    {
        var c = Handled(Monday, ComplaintClass.ToImprove);
        Assert.False(c.WouldClose(new(Satisfaction.Neutral, false, null)));
        c.RecordCallback(new(Satisfaction.Neutral, true, null), "李客服", At(11, 24, 10), Settings, Time);
        Assert.Equal(ComplaintStatus.Closed, c.Status);
    }

    [Fact]
    public void An_invalid_complaint_closes_once_the_explanation_was_given_whatever_the_answer()
    {
        var c = Handled(Monday, ComplaintClass.Invalid);
        c.RecordCallback(new(Satisfaction.VeryDissatisfied, false, "仍然认为不合理"), "李客服", At(11, 24, 10), Settings, Time);
        Assert.Equal(ComplaintStatus.Closed, c.Status);
    }

    [Fact]
    public void Escalation_goes_to_the_second_dispatch_when_the_plan_is_late_then_to_the_third_once_the_heads_day_passes()
    {
        var c = Dispatched(Monday); // plan due end of Thu 26 Nov
        Assert.Null(c.EscalationDue(EndOf(11, 26)));
        var late = EndOf(11, 26).AddMinutes(1);
        Assert.Equal(2, c.EscalationDue(late));
        c.Escalate(2, "钱主管", late, Settings, Time);
        Assert.Equal(2, c.DispatchLevel);
        // The head has to the end of the next working day after the escalation's day: Friday 27 → Monday 30.
        Assert.Equal(EndOf(11, 30), c.SecondDispatchDueAt);
        Assert.Null(c.EscalationDue(EndOf(11, 30)));
        // Once per level: the same escalation again is refused, and nothing is added.
        Assert.Throws<DomainException>(() => c.Escalate(2, "钱主管", At(11, 27, 18), Settings, Time));
        Assert.Equal(2, c.Dispatches.Count);

        var later = At(12, 1, 0, 1);
        Assert.Equal(3, c.EscalationDue(later));
        c.Escalate(3, "经理、总部", later, Settings, Time);
        Assert.Equal(3, c.DispatchLevel);
        Assert.Equal("二次派单后仍未处理（无故拖延）", c.Dispatches.Last().Reason);
        Assert.Null(c.EscalationDue(At(12, 20, 9)));
    }

    [Fact]
    public void A_late_handling_escalates_too_and_a_handled_one_never()
    {
        var c = Planned(Monday, Monday.AddHours(2)); // handling due end of Wed 25 Nov
        Assert.Null(c.EscalationDue(At(11, 25, 23)));
        Assert.Equal(2, c.EscalationDue(At(11, 26, 0, 1)));
        c.Escalate(2, "钱主管", At(11, 26, 0, 1), Settings, Time);
        Assert.Equal("超时未处理完成", c.Dispatches.Last().Reason);

        var h = Handled(Monday);
        Assert.Null(h.EscalationDue(At(12, 30, 9)));
        Assert.Null(Registered(Monday, ComplaintKind.Praise).EscalationDue(At(12, 30, 9)));
    }

    [Fact]
    public void After_a_callback_sent_it_back_the_third_dispatch_follows_the_new_deadline()
    {
        var c = Handled(Monday);
        c.RecordCallback(new(Satisfaction.Dissatisfied, false, "没处理好"), "李客服", At(11, 24, 10), Settings, Time);
        Assert.Null(c.EscalationDue(EndOf(11, 27)));
        Assert.Equal(3, c.EscalationDue(EndOf(11, 27).AddTicks(10)));
    }

    [Fact]
    public void Reopening_within_thirty_days_is_a_repeat_and_a_second_dispatch()
    {
        var c = Handled(Monday);
        c.RecordCallback(new(Satisfaction.Satisfied, false, null), "李客服", At(11, 24, 10), Settings, Time);
        c.Reopen("又出现同样问题", "李客服", At(12, 20, 10), Settings, Time);
        Assert.Equal(ComplaintStatus.Dispatched, c.Status);
        Assert.True(c.IsRepeat);
        Assert.Equal(1, c.ReopenCount);
        Assert.Equal(2, c.DispatchLevel);
        Assert.Null(c.ClosedAt);
        Assert.StartsWith("重新打开", c.Dispatches.Last().Reason);
    }

    [Fact]
    public void Reopening_after_the_window_is_refused()
    {
        var c = Handled(Monday);
        c.RecordCallback(new(Satisfaction.Satisfied, false, null), "李客服", At(11, 24, 10), Settings, Time);
        Assert.Throws<DomainException>(() => c.Reopen("又出现同样问题", "李客服", At(11, 24, 10).AddDays(30).AddMinutes(1), Settings, Time));
        Assert.Equal(ComplaintStatus.Closed, c.Status);
        Assert.Throws<DomainException>(() => Registered(Monday, ComplaintKind.Praise).Reopen("x", "u", Monday, Settings, Time));
    }

    [Fact]
    public void A_repeat_flags_both_complaints()
    {
        var first = Registered(Monday);
        first.Id = 5;
        var second = Registered(Monday.AddDays(3));
        second.MarkRepeatOf(first);
        Assert.True(first.IsRepeat);
        Assert.True(second.IsRepeat);
        Assert.Equal(5, second.RepeatOfId);
    }

    [Fact]
    public void Reassignment_keeps_the_deadlines_and_the_level()
    {
        var c = Dispatched(Monday);
        var due = c.PlanDueAt;
        c.Reassign("工程部", "u-eng", "孙工", Settings);
        Assert.Equal(("工程部", "u-eng", "孙工"), (c.Department, c.HandlerId, c.HandlerName));
        Assert.Equal(due, c.PlanDueAt);
        Assert.Throws<ValidationException>(() => c.Reassign("不存在", "u-eng", "孙工", Settings));
    }

    [Fact]
    public void The_manager_writes_an_opinion_on_the_handling_sheet()
    {
        var c = Handled(Monday);
        c.RecordManagerOpinion("同意处理结果", "周经理");
        Assert.Equal(("同意处理结果", "周经理"), (c.ManagerOpinion, c.ManagerOpinionBy));
        Assert.Throws<IllegalStepException>(() => Registered(Monday).RecordManagerOpinion("x", "周经理"));
    }

    [Fact]
    public void Follow_ups_are_refused_once_closed()
    {
        var c = Registered(Monday, ComplaintKind.Praise);
        Assert.Throws<IllegalStepException>(() => c.FollowUp(FollowUpChannel.Phone, "回访", "u", Monday));
        Assert.Throws<ValidationException>(() => Dispatched(Monday).FollowUp(FollowUpChannel.Phone, " ", "u", Monday));
    }
}
