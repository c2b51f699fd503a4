using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using static PropertyCare.Domain.Tests.Complaints.ComplaintWorld;

namespace PropertyCare.Domain.Tests.Complaints;

/// <summary>Rules the first mutation run showed untested (boundaries, required texts, same-day items after the day).</summary>
public sealed class ComplaintGapTests
{
    private static readonly DateTime Monday = At(11, 23, 9);
    private static string Long(int n) => new('字', n);

    [Fact]
    public void Every_required_text_of_each_step_is_required_and_bounded()
    {
        Assert.Throws<ValidationException>(() => Registered(Monday, ComplaintKind.Consultation).Answer(" ", "u", Monday));
        Assert.Throws<ValidationException>(() => Dispatched(Monday).RecordPlan(" ", "u", Monday, Settings, Time));
        Assert.Throws<ValidationException>(() => Dispatched(Monday).RecordPlan(Long(1001), "u", Monday, Settings, Time));
        var p = Planned(Monday, Monday.AddHours(1));
        Assert.Throws<ValidationException>(() => p.Handle(" ", null, "u", Monday, Settings, Time));
        Assert.Throws<ValidationException>(() => p.Handle("已处理", Long(501), "u", Monday, Settings, Time));
        Assert.Equal(ComplaintStatus.Planned, p.Status);
        Assert.Throws<ValidationException>(() => Handled(Monday).RecordManagerOpinion(" ", "周经理"));
        Assert.Throws<ValidationException>(() => Handled(Monday).RecordCallback(new(Satisfaction.Satisfied, false, Long(501)), "u", Monday, Settings, Time));
        var closed = Handled(Monday);
        closed.RecordCallback(new(Satisfaction.Satisfied, false, null), "u", Monday.AddDays(1), Settings, Time);
        Assert.Throws<ValidationException>(() => closed.Reopen(" ", "u", Monday.AddDays(2), Settings, Time));
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
    }

    [Fact]
    public void Names_and_facts_too_long_and_undefined_choices_are_refused()
    {
        var i = Intake() with { CustomerName = Long(51), Facts = Long(1001) };
        Assert.Equal(["CustomerName", "Facts"], i.Validate(Settings).Select(e => e.Field).ToList());
        var j = Intake() with { Kind = (ComplaintKind)99, Channel = (ComplaintChannel)99, SameDay = (SameDayReason)99 };
        Assert.Equal(["Kind", "Channel", "SameDay"], j.Validate(Settings).Select(e => e.Field).ToList());
        Assert.Empty((Intake() with { Category = null }).Validate(Settings));
        var c = Registered(Monday);
        var e = Assert.Throws<ValidationException>(() => c.Classify(Valid() with { Category = " ", SameDay = (SameDayReason)9 }, Settings, "u", Monday, Time));
        Assert.Equal(["Category", "SameDay"], e.Errors.Select(x => x.Field).ToList());
        Assert.Throws<ValidationException>(() => Registered(Monday).Classify(Valid() with { Category = "不存在" }, Settings, "u", Monday, Time));
        Assert.Throws<ValidationException>(() => Dispatched(Monday).FollowUp((FollowUpChannel)9, "说明", "u", Monday));
        Assert.Throws<ValidationException>(() => Handled(Monday).RecordCallback(new((Satisfaction)0, false, "x"), "u", Monday, Settings, Time));
    }

    [Fact]
    public void The_handler_is_named_by_id_when_no_name_is_given_and_reassignment_needs_a_person_and_an_open_step()
    {
        var c = Registered(Monday);
        c.Classify(Valid() with { HandlerName = " " }, Settings, "u", Monday, Time);
        Assert.Equal("u-clean", c.HandlerName);
        Assert.Equal("保洁未按时清运，属我方原因", c.ClassReason);
        Assert.Throws<ValidationException>(() => c.Reassign("工程部", " ", "孙工", Settings));
        Assert.Throws<IllegalStepException>(() => Handled(Monday).Reassign("工程部", "u-eng", "孙工", Settings));
        Assert.Throws<IllegalStepException>(() => Registered(Monday).Reassign("工程部", "u-eng", "孙工", Settings));
    }

    [Fact]
    public void An_answered_consultation_cannot_be_answered_again_and_the_deadline_itself_is_on_time()
    {
        var c = Registered(Monday, ComplaintKind.Consultation);
        c.Answer("答复", "u", c.PlanDueAt!.Value);
        Assert.True(c.HandledOnTime);
        Assert.Throws<IllegalStepException>(() => c.Answer("再答复", "u", c.PlanDueAt!.Value));
    }

    [Fact]
    public void A_plan_made_exactly_at_its_deadline_is_on_time()
    {
        var c = Dispatched(Monday);
        c.RecordPlan("方案", "u", c.PlanDueAt!.Value, Settings, Time);
        c.Handle("已处理", null, "u", c.PlanDueAt!.Value.AddHours(1), Settings, Time);
        Assert.True(c.HandledOnTime);
    }

    [Fact]
    public void A_same_day_item_planned_the_next_day_is_due_at_the_end_of_that_day_and_cannot_be_put_off()
    {
        var c = Registered(Monday, sameDay: SameDayReason.Safety);
        c.Classify(Valid(SameDayReason.Safety), Settings, "u", Monday, Time);
        var nextDay = At(11, 24, 10);
        c.RecordPlan("立即处理", "u", nextDay, Settings, Time);
        Assert.Equal(EndOf(11, 24), c.HandleDueAt);
        Assert.Equal(c.HandleDueAt, c.HandleLimitAt);
        Assert.Throws<ValidationException>(() => c.Delay(new DateOnly(2026, 11, 25), "等配件", nextDay, Time));

        var sameDay = Registered(Monday, sameDay: SameDayReason.Safety);
        sameDay.Classify(Valid(SameDayReason.Safety), Settings, "u", Monday, Time);
        sameDay.RecordPlan("立即处理", "u", Monday.AddHours(1), Settings, Time);
        Assert.Equal(EndOf(11, 23), sameDay.HandleDueAt);
    }

    [Fact]
    public void A_same_day_item_sent_back_at_the_callback_is_due_again_the_same_day()
    {
        var c = Registered(Monday, sameDay: SameDayReason.EssentialFacility);
        c.Classify(Valid(SameDayReason.EssentialFacility), Settings, "u", Monday, Time);
        c.RecordPlan("抢修", "u", Monday.AddHours(1), Settings, Time);
        c.Handle("已恢复供水", null, "u", Monday.AddHours(3), Settings, Time);
        c.RecordCallback(new(Satisfaction.Dissatisfied, false, "水压仍低"), "u", At(11, 25, 10), Settings, Time);
        Assert.Equal(EndOf(11, 25), c.PlanDueAt);
    }

    [Fact]
    public void A_delay_to_a_day_already_past_is_refused_even_when_later_than_the_missed_deadline()
    {
        var c = Planned(Monday, Monday.AddHours(1)); // due end of 25 Nov
        var e = Assert.Throws<ValidationException>(() => c.Delay(new DateOnly(2026, 11, 26), "等配件", At(11, 27, 9), Time));
        Assert.Contains("现在", e.Text.Zh);
        c.Delay(new DateOnly(2026, 11, 27), "等配件", At(11, 27, 9), Time);
        Assert.Equal(EndOf(11, 27), c.HandleDueAt);
    }

    [Fact]
    public void Opinions_left_empty_later_keep_what_was_written_before_and_new_ones_replace_it()
    {
        var c = Handled(Monday);
        Assert.Equal("处理及时", c.ReceiverOpinion);
        c.RecordCallback(new(Satisfaction.Dissatisfied, false, "没处理好"), "u", At(11, 24, 10), Settings, Time);
        c.RecordPlan("再次处理", "u", At(11, 24, 11), Settings, Time);
        c.Handle("已再次处理", null, "u", At(11, 24, 15), Settings, Time);
        Assert.Equal("处理及时", c.ReceiverOpinion);
        c.RecordCallback(new(Satisfaction.Satisfied, false, null), "u", At(11, 25, 10), Settings, Time);
        Assert.Equal("没处理好", c.CustomerOpinion);
        Assert.Equal(2, c.Callbacks.Count);
        Assert.Equal(2, c.Callbacks[1].Round);

        var d = Handled(Monday);
        d.RecordCallback(new(Satisfaction.Dissatisfied, false, "第一次意见"), "u", At(11, 24, 10), Settings, Time);
        d.RecordPlan("再次处理", "u", At(11, 24, 11), Settings, Time);
        d.Handle("已再次处理", "新的受理人意见", "u", At(11, 24, 15), Settings, Time);
        Assert.Equal("新的受理人意见", d.ReceiverOpinion);
        d.RecordCallback(new(Satisfaction.Satisfied, false, "第二次意见"), "u", At(11, 25, 10), Settings, Time);
        Assert.Equal("第二次意见", d.CustomerOpinion);
    }

    [Fact]
    public void Reopening_on_the_last_moment_of_the_window_is_allowed_and_a_consultation_never()
    {
        var c = Handled(Monday);
        var closedAt = At(11, 24, 10);
        c.RecordCallback(new(Satisfaction.Satisfied, false, null), "u", closedAt, Settings, Time);
        c.Reopen("同样问题", "u", closedAt.AddDays(30), Settings, Time);
        Assert.Equal(ComplaintStatus.Dispatched, c.Status);

        var q = Registered(Monday, ComplaintKind.Consultation);
        q.Answer("答复", "u", Monday);
        Assert.Throws<DomainException>(() => q.Reopen("不清楚", "u", Monday.AddDays(1), Settings, Time));
    }

    [Fact]
    public void A_complaint_cannot_repeat_itself()
    {
        var c = Registered(Monday);
        c.Id = 9;
        Assert.Throws<InvalidOperationException>(() => c.MarkRepeatOf(c));
        Assert.False(c.IsRepeat);
        var fresh = Registered(Monday);
        var other = Registered(Monday);
        fresh.MarkRepeatOf(other); // both unsaved (id 0): a new complaint against one of the same batch
        Assert.True(other.IsRepeat);
    }

    [Fact]
    public void The_escalation_reason_says_which_deadline_was_missed_and_whether_a_delay_was_recorded()
    {
        var unplanned = Dispatched(Monday);
        var late = unplanned.PlanDueAt!.Value.AddMinutes(1);
        unplanned.Escalate(2, "钱主管", late, Settings, Time);
        Assert.Equal("超时未出处理方案", unplanned.Dispatches.Last().Reason);

        var delayed = Planned(Monday, Monday.AddHours(1));
        delayed.Delay(new DateOnly(2026, 11, 27), "等配件", Monday.AddHours(2), Time);
        var after = EndOf(11, 27).AddMinutes(1);
        delayed.Escalate(2, "钱主管", after, Settings, Time);
        var third = delayed.SecondDispatchDueAt!.Value.AddMinutes(1);
        delayed.Escalate(3, "经理、总部", third, Settings, Time);
        Assert.Equal("二次派单后仍未处理", delayed.Dispatches.Last().Reason);
        Assert.Equal("system", delayed.Dispatches.Last().By);
    }

    [Theory]
    [InlineData(ComplaintStatus.Registered, true)]
    [InlineData(ComplaintStatus.Handled, true)]
    [InlineData(ComplaintStatus.Closed, false)]
    public void Open_means_not_closed(ComplaintStatus s, bool open) => Assert.Equal(open, s.IsOpen());

    [Theory]
    [InlineData(1, 0, 7, 1, 3, 7, 30, 30, "HandleWorkingDays")]
    [InlineData(1, 11, 11, 1, 3, 7, 30, 30, "HandleWorkingDays")]
    [InlineData(1, 2, 31, 1, 3, 7, 30, 30, "MaxHandleWorkingDays")]
    [InlineData(1, 2, 7, 6, 3, 7, 30, 30, "SecondDispatchWorkingDays")]
    [InlineData(1, 2, 7, 1, 0, 7, 30, 30, "FollowUpDays")]
    [InlineData(1, 2, 7, 1, 3, 7, 91, 30, "RepeatWindowDays")]
    [InlineData(1, 2, 7, 1, 3, 7, 30, 0, "ReopenDays")]
    public void Each_number_has_its_range(int plan, int handle, int max, int second, int follow, int callback, int repeat, int reopen, string field)
    {
        var e = ComplaintSettings.Validate(new(plan, handle, max, second, follow, callback, repeat, reopen), ["噪音"], [new() { Name = "工程部" }], out _, out _);
        Assert.Equal(field, Assert.Single(e).Field);
    }

    [Fact]
    public void The_longest_handling_may_equal_the_handling_deadline()
    {
        Assert.Empty(ComplaintSettings.Validate(new(3, 5, 5, 1, 3, 7, 30, 30), ["噪音"], [new() { Name = "工程部" }], out _, out _));
    }

    [Fact]
    public void Lists_are_bounded_in_count_and_length()
    {
        var n = new ComplaintSettings().Current;
        Assert.Empty(ComplaintSettings.Validate(n, Enumerable.Range(1, 30).Select(i => $"类{i}"), Enumerable.Range(1, 20).Select(i => new ComplaintDepartment { Name = $"部{i}" }), out _, out _));
        Assert.Equal("Categories", Assert.Single(ComplaintSettings.Validate(n, Enumerable.Range(1, 31).Select(i => $"类{i}"), [new() { Name = "工程部" }], out _, out _)).Field);
        Assert.Equal("Departments", Assert.Single(ComplaintSettings.Validate(n, ["噪音"], Enumerable.Range(1, 21).Select(i => new ComplaintDepartment { Name = $"部{i}" }), out _, out _)).Field);
        Assert.Empty(ComplaintSettings.Validate(n, [Long(20)], [new() { Name = Long(20) }, new() { Name = "工程部" }], out _, out _));
        Assert.Equal("Categories", Assert.Single(ComplaintSettings.Validate(n, [Long(21)], [new() { Name = "工程部" }], out _, out _)).Field);
        Assert.Equal("Departments", Assert.Single(ComplaintSettings.Validate(n, ["噪音"], [new() { Name = "工程部" }, new() { Name = Long(21) }], out _, out _)).Field);
        Assert.Equal("Departments", Assert.Single(ComplaintSettings.Validate(n, ["噪音"], [new() { Name = " " }], out _, out _)).Field);
    }
}

/// <summary>Nobody dispatched it (or answered the consultation) in time: it escalates like a late plan, and the
/// dispatch that follows keeps the level.</summary>
public sealed class ComplaintUndispatchedEscalationTests
{
    [Fact]
    public void An_undispatched_complaint_escalates_when_its_plan_deadline_passes_and_its_dispatch_keeps_the_level()
    {
        var c = Registered(At(11, 23, 9)); // plan due end of Thu 26 Nov
        Assert.Null(c.EscalationDue(EndOf(11, 26)));
        var late = EndOf(11, 26).AddMinutes(1);
        Assert.Equal(2, c.EscalationDue(late));
        c.Escalate(2, "项目经理", late, Settings, Time);
        Assert.Equal("超时未分派", c.Dispatches.Single().Reason);
        c.Classify(Valid(), Settings, "李客服", late.AddHours(1), Time);
        Assert.Equal(2, c.DispatchLevel);
        Assert.Equal(2, c.Dispatches.Last().Level);
        Assert.Equal("受理派单", c.Dispatches.Last().Reason);
    }

    [Fact]
    public void An_unanswered_consultation_escalates_after_its_day()
    {
        var q = Registered(At(11, 23, 9), ComplaintKind.Consultation);
        Assert.Null(q.EscalationDue(EndOf(11, 23)));
        q.Escalate(2, "项目经理", EndOf(11, 23).AddMinutes(1), Settings, Time);
        Assert.Equal("超时未答复咨询", q.Dispatches.Single().Reason);
    }
}
