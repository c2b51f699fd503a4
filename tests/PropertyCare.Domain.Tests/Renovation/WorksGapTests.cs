using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.PatrolWorld;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>The edges the mutation run found untested in patrols, violations, acceptance, the patrol schedule and the
/// working hours: over-long texts, values trimmed, boundaries, steps refused from the wrong status.</summary>
public sealed class WorksGapTests
{
    private static readonly string OverReason = new('长', TextLimits.Reason + 1);
    private static readonly string OverDescription = new('长', TextLimits.Description + 1);

    // ---- patrols

    [Fact]
    public void An_item_answered_not_checked_is_refused_with_that_item_only()
    {
        var (app, _, _) = Working();
        var answers = AllPassed(PatrolChecklist.Items);
        answers["防水"] = (CheckResult.NotChecked, OverReason); // the note of an unchecked item is not looked at
        var ex = Assert.Throws<ValidationException>(() => RenovationPatrol.Record(app, answers, null, "u1", "张三", Now));
        Assert.Equal("防水", Assert.Single(ex.Errors).Field);
        answers["防水"] = (CheckResult.NotChecked, null);
        ex = Assert.Throws<ValidationException>(() => RenovationPatrol.Record(app, answers, null, "u1", "张三", Now));
        Assert.Equal(("防水", "请检查“防水”"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Message.Zh));
    }

    [Fact]
    public void An_item_note_one_over_the_limit_is_refused()
    {
        var (app, _, _) = Working();
        var answers = AllPassed(PatrolChecklist.Items);
        answers["噪音"] = (CheckResult.Failed, OverReason);
        var ex = Assert.Throws<ValidationException>(() => RenovationPatrol.Record(app, answers, null, "u1", "张三", Now));
        Assert.Equal("噪音", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Patrol_notes_one_over_the_limit_are_refused_now_and_after_the_fact()
    {
        var (app, _, _) = Working();
        var answers = AllPassed(PatrolChecklist.Items);
        var ex = Assert.Throws<ValidationException>(() => RenovationPatrol.Record(app, answers, OverDescription, "u1", "张三", Now));
        Assert.Equal("Notes", Assert.Single(ex.Errors).Field);
        ex = Assert.Throws<ValidationException>(() => RenovationPatrol.RecordEarlier(app, answers, OverDescription, "u1", "张三", Now.AddDays(1), Today.AddDays(1)));
        Assert.Equal("Notes", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void An_earlier_patrol_is_checked_like_one_now_and_recorded_in_full()
    {
        var (app, _, _) = Working();
        var answers = AllPassed(PatrolChecklist.Items);
        answers.Remove("消防安全");
        var ex = Assert.Throws<ValidationException>(() => RenovationPatrol.RecordEarlier(app, answers, null, "u1", "张三", Now.AddDays(1), Today.AddDays(1)));
        Assert.Equal("消防安全", Assert.Single(ex.Errors).Field);

        answers = AllPassed(PatrolChecklist.Items);
        answers["噪音"] = (CheckResult.Failed, " 午休时间电钻 ");
        var p = RenovationPatrol.RecordEarlier(app, answers, " 补录纸质记录 ", "u1", "张三", Now.AddDays(1), Today.AddDays(1));
        Assert.Equal((1, 11, Now.AddDays(1), "u1", "张三", "补录纸质记录"), (p.ProjectId, p.ApplicationId, p.PatrolledAt, p.PatrolledBy, p.PatrolledByName, p.Notes));
        Assert.Equal(PatrolChecklist.Items, p.Checks.Select(c => c.Item));
        Assert.Equal("午休时间电钻", Assert.Single(p.FailedChecks()).Note);
        Assert.Null(RenovationPatrol.RecordEarlier(app, AllPassed(PatrolChecklist.Items), " ", "u1", "张三", Now.AddDays(1), Today.AddDays(1)).Notes);
    }

    // ---- violations

    private static RenovationViolation Violation(RenovationApplication app) =>
        RenovationViolation.Record(app, null, "噪音", "周六电钻施工", Today.AddDays(3), Today, "u1", Now);

    private static RenovationViolation Rectified()
    {
        var (app, _, _) = Working();
        var v = Violation(app);
        v.MarkRectified(Now);
        return v;
    }

    [Fact]
    public void A_violation_is_recorded_only_while_works_are_under_way()
    {
        var app = ApplicationFixture.Approved();
        Assert.Throws<IllegalStepException>(() => RenovationViolation.Record(app, null, "噪音", "周六电钻施工", Today.AddDays(3), Today, "u1", Now));
    }

    [Fact]
    public void A_violation_description_one_over_the_limit_is_refused()
    {
        var (app, _, _) = Working();
        var ex = Assert.Throws<ValidationException>(() => RenovationViolation.Record(app, null, "噪音", OverDescription, Today.AddDays(3), Today, "u1", Now));
        Assert.Equal("Description", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void A_failed_recheck_needs_its_reason()
    {
        var v = Rectified();
        var ex = Assert.Throws<ValidationException>(() => v.Recheck(false, " ", Today.AddDays(5), Today, "u2", Now));
        Assert.Equal("RecheckNote", Assert.Single(ex.Errors).Field);
        Assert.Equal((ViolationStatus.Rectified, 0), (v.Status, v.Rechecks));
    }

    [Fact]
    public void A_failed_recheck_needs_a_new_deadline_from_today_on()
    {
        var v = Rectified();
        var ex = Assert.Throws<ValidationException>(() => v.Recheck(false, "仍有噪音", null, Today, "u2", Now));
        Assert.Equal("RectifyBy", Assert.Single(ex.Errors).Field);
        ex = Assert.Throws<ValidationException>(() => v.Recheck(false, "仍有噪音", Today.AddDays(-1), Today, "u2", Now));
        Assert.Equal("RectifyBy", Assert.Single(ex.Errors).Field);
        Assert.Equal(ViolationStatus.Rectified, v.Status);
        v.Recheck(false, " 仍有噪音 ", Today, Today, "u2", Now); // today itself is a valid deadline
        Assert.Equal((ViolationStatus.Open, Today, "仍有噪音", 1), (v.Status, v.RectifyBy, v.RecheckNote, v.Rechecks));
    }

    [Fact]
    public void A_recheck_note_one_over_the_limit_is_refused_and_nothing_changes()
    {
        var v = Rectified();
        var ex = Assert.Throws<ValidationException>(() => v.Recheck(true, OverReason, null, Today, "u2", Now));
        Assert.Equal("RecheckNote", Assert.Single(ex.Errors).Field);
        Assert.Equal((ViolationStatus.Rectified, 0, (string?)null), (v.Status, v.Rechecks, v.RecheckNote));
    }

    // ---- acceptance

    [Fact]
    public void An_acceptance_before_the_permit_is_refused_even_when_it_fails()
    {
        var app = ApplicationFixture.Approved();
        var answers = AllPassed(AcceptanceChecklist.Items);
        answers["防水闭水"] = (CheckResult.Failed, "渗漏");
        Assert.Throws<IllegalStepException>(() => RenovationAcceptance.Record(app, 0, answers, ["重做防水"], null, ApplicationFixture.Settings,
            ApplicationFixture.Unit(), Today, "u1", "张三", Now));
        Assert.Equal(RenovationStatus.Approved, app.Status);
    }

    [Fact]
    public void A_rectification_item_or_notes_one_over_the_limit_are_refused_and_nothing_changes()
    {
        var (app, unit, settings) = Working();
        var failed = AllPassed(AcceptanceChecklist.Items);
        failed["防水闭水"] = (CheckResult.Failed, "渗漏");
        var ex = Assert.Throws<ValidationException>(() => RenovationAcceptance.Record(app, 0, failed, [OverReason], null, settings, unit, Today, "u1", "张三", Now));
        Assert.Equal("RectificationItems", Assert.Single(ex.Errors).Field);
        ex = Assert.Throws<ValidationException>(() => RenovationAcceptance.Record(app, 0, AllPassed(AcceptanceChecklist.Items), null, OverDescription, settings, unit, Today, "u1", "张三", Now));
        Assert.Equal("Notes", Assert.Single(ex.Errors).Field);
        Assert.Equal((RenovationStatus.Working, UnitState.Renovating), (app.Status, unit.State));
    }

    [Fact]
    public void A_pass_keeps_no_rectification_items_and_the_notes_trimmed()
    {
        var (app, unit, settings) = Working();
        var a = RenovationAcceptance.Record(app, 0, AllPassed(AcceptanceChecklist.Items), ["多余的整改项"], " 良好 ", settings, unit, Today, "u1", "张三", Now);
        Assert.True(a.Passed);
        Assert.Empty(a.RectificationItems);
        Assert.Equal("良好", a.Notes);
        Assert.Equal(("验收合格", "Passed"), (a.ResultText().Zh, a.ResultText().En));
    }

    [Fact]
    public void A_fail_reads_as_failed()
    {
        var (app, unit, settings) = Working();
        var failed = AllPassed(AcceptanceChecklist.Items);
        failed["防水闭水"] = (CheckResult.Failed, "渗漏");
        var a = RenovationAcceptance.Record(app, 0, failed, ["重做防水"], null, settings, unit, Today, "u1", "张三", Now);
        Assert.Equal(("验收不合格", "Failed"), (a.ResultText().Zh, a.ResultText().En));
        Assert.Null(a.Notes);
    }

    [Fact]
    public void An_earlier_pass_lists_every_item_passed()
    {
        var (app, unit, settings) = Working();
        app.Accept(Today, settings, unit);
        var a = RenovationAcceptance.OfEarlierPass(app, "u", "张三", Now, Today);
        Assert.Equal(AcceptanceChecklist.Items, a.Checks.Select(c => c.Item));
        Assert.All(a.Checks, c => Assert.Equal(CheckResult.Passed, c.Result));
    }

    // ---- schedule and hours

    [Fact]
    public void A_patrol_every_day_is_allowed()
    {
        var issued = new DateOnly(2026, 11, 2);
        Assert.Equal(issued.AddDays(1), PatrolSchedule.NextDue(RenovationStatus.Working, issued, null, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatrolSchedule.NextDue(RenovationStatus.Working, issued, null, 0));
    }

    private static readonly WorkingCalendar Calendar = new([]);

    [Fact]
    public void Works_may_start_at_the_start_of_a_window_and_the_verdict_says_which_day_it_is()
    {
        var s = RenovationSettings.Defaults(1);
        var thursday = WorkingHoursRule.Check(new DateTime(2026, 11, 26, 8, 0, 0), true, s, Calendar);
        Assert.True(thursday.Allowed);
        Assert.Equal("允许施工时间内", thursday.Reason.Zh);
        var saturday = WorkingHoursRule.Check(new DateTime(2026, 11, 28, 14, 0, 0), false, s, Calendar);
        Assert.True(saturday.Allowed);
        Assert.Equal("休息日：仅允许非噪音施工", saturday.Reason.Zh);
    }
}
