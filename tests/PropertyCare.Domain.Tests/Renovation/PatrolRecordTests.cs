using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.PatrolWorld;

namespace PropertyCare.Domain.Tests.Renovation;

public sealed class PatrolRecordTests
{
    [Fact]
    public void The_default_checklist_has_the_eight_items_of_the_handbook()
    {
        Assert.Equal(["结构安全", "消防安全", "防水", "电线敷设", "施工时间", "噪音", "垃圾清运", "公共区域保护"], PatrolChecklist.Items);
    }

    [Fact]
    public void A_patrol_with_every_item_answered_is_recorded_against_the_application()
    {
        var (app, _, _) = Working();
        var answers = AllPassed(PatrolChecklist.Items);
        answers["噪音"] = (CheckResult.Failed, "周六电钻施工");
        answers["防水"] = (CheckResult.NotApplicable, null);
        var p = RenovationPatrol.Record(app, answers, " 现场整洁 ", "u1", "张三", Now);
        Assert.Equal(11, p.ApplicationId);
        Assert.Equal(1, p.ProjectId);
        Assert.Equal(8, p.Checks.Count);
        Assert.Equal("周六电钻施工", Assert.Single(p.FailedChecks()).Note);
        Assert.Equal("现场整洁", p.Notes);
        Assert.Equal("1 项不合格", p.ResultText().Zh);
    }

    [Fact]
    public void An_unanswered_item_and_a_failed_item_without_a_note_are_refused_together()
    {
        var (app, _, _) = Working();
        var answers = AllPassed(PatrolChecklist.Items);
        answers.Remove("消防安全");
        answers["噪音"] = (CheckResult.Failed, " ");
        var ex = Assert.Throws<ValidationException>(() => RenovationPatrol.Record(app, answers, null, "u1", "张三", Now));
        Assert.Contains(ex.Errors, e => e.Field == "消防安全");
        Assert.Contains(ex.Errors, e => e.Field == "噪音");
    }

    [Fact]
    public void An_item_not_on_the_checklist_is_refused()
    {
        var (app, _, _) = Working();
        var answers = AllPassed(PatrolChecklist.Items);
        answers["卫生"] = (CheckResult.Passed, null);
        Assert.Throws<ValidationException>(() => RenovationPatrol.Record(app, answers, null, "u1", "张三", Now));
    }

    [Fact]
    public void A_stopped_site_is_patrolled_but_an_accepted_one_is_not()
    {
        var (app, unit, settings) = Working();
        app.Stop("违章", null, Now);
        Assert.NotNull(RenovationPatrol.Record(app, AllPassed(PatrolChecklist.Items), null, "u1", "张三", Now));
        app.Resume();
        app.Accept(Today, settings, unit);
        Assert.Throws<IllegalStepException>(() => RenovationPatrol.Record(app, AllPassed(PatrolChecklist.Items), null, "u1", "张三", Now));
    }
}

public sealed class PatrolRecordEarlierTests
{
    [Fact]
    public void An_earlier_patrol_falls_between_the_permit_and_the_acceptance()
    {
        var (app, unit, settings) = PatrolWorld.Working();
        app.Accept(PatrolWorld.Today.AddDays(10), settings, unit);
        var answers = PatrolWorld.AllPassed(PatrolChecklist.Items);
        Assert.NotNull(RenovationPatrol.RecordEarlier(app, answers, null, "u", "张三", PatrolWorld.Now.AddDays(2), PatrolWorld.Today.AddDays(2)));
        Assert.Throws<PropertyCare.Domain.Common.DomainException>(() => RenovationPatrol.RecordEarlier(app, answers, null, "u", "张三", PatrolWorld.Now.AddDays(-1), PatrolWorld.Today.AddDays(-1)));
        Assert.Throws<PropertyCare.Domain.Common.DomainException>(() => RenovationPatrol.RecordEarlier(app, answers, null, "u", "张三", PatrolWorld.Now.AddDays(11), PatrolWorld.Today.AddDays(11)));
    }

    [Fact]
    public void An_earlier_acceptance_record_matches_the_acceptance_date()
    {
        var (app, unit, settings) = PatrolWorld.Working();
        Assert.Throws<PropertyCare.Domain.Common.DomainException>(() => RenovationAcceptance.OfEarlierPass(app, "u", "张三", PatrolWorld.Now, PatrolWorld.Today));
        app.Accept(PatrolWorld.Today, settings, unit);
        var a = RenovationAcceptance.OfEarlierPass(app, "u", "张三", PatrolWorld.Now, PatrolWorld.Today);
        Assert.True(a.Passed);
        Assert.Equal(AcceptanceChecklist.Items.Count, a.Checks.Count);
        Assert.Throws<PropertyCare.Domain.Common.DomainException>(() => RenovationAcceptance.OfEarlierPass(app, "u", "张三", PatrolWorld.Now, PatrolWorld.Today.AddDays(1)));
    }
}
