using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.PatrolWorld;

namespace PropertyCare.Domain.Tests.Renovation;

public sealed class AcceptanceRecordTests
{
    [Fact]
    public void A_pass_accepts_the_application_the_unit_goes_back_and_the_observation_starts()
    {
        var (app, unit, settings) = Working();
        Assert.Equal(UnitState.Renovating, unit.State);
        var a = RenovationAcceptance.Record(app, 0, AllPassed(AcceptanceChecklist.Items), null, "良好", settings, unit, Today, "u1", "张三", Now);
        Assert.True(a.Passed);
        Assert.Equal(RenovationStatus.Accepted, app.Status);
        Assert.Equal(UnitState.Vacant, unit.State);
        Assert.Equal(Today, app.AcceptedOn);
        Assert.Equal(Today.AddDays(90), app.ObservationEndsOn);
    }

    [Fact]
    public void A_fail_needs_the_items_to_put_right_and_leaves_the_works_going()
    {
        var (app, unit, settings) = Working();
        var answers = AllPassed(AcceptanceChecklist.Items);
        answers["防水闭水"] = (CheckResult.Failed, "卫生间闭水渗漏");
        var ex = Assert.Throws<ValidationException>(() => RenovationAcceptance.Record(app, 0, answers, [], null, settings, unit, Today, "u1", "张三", Now));
        Assert.Contains(ex.Errors, e => e.Field == nameof(RenovationAcceptance.RectificationItems));
        var a = RenovationAcceptance.Record(app, 0, answers, ["重做卫生间防水并闭水 48 小时"], null, settings, unit, Today, "u1", "张三", Now);
        Assert.False(a.Passed);
        Assert.Single(a.RectificationItems);
        Assert.Equal(RenovationStatus.Working, app.Status);
        Assert.Equal(UnitState.Renovating, unit.State);
        // The re-check is the next record, and it can pass.
        Assert.True(RenovationAcceptance.Record(app, 0, AllPassed(AcceptanceChecklist.Items), null, null, settings, unit, Today, "u1", "张三", Now).Passed);
    }

    [Fact]
    public void Refused_while_a_violation_is_open()
    {
        var (app, unit, settings) = Working();
        Assert.Throws<DomainException>(() => RenovationAcceptance.Record(app, 1, AllPassed(AcceptanceChecklist.Items), null, null, settings, unit, Today, "u1", "张三", Now));
        Assert.Equal(RenovationStatus.Working, app.Status);
    }

    [Fact]
    public void Refused_while_works_are_stopped()
    {
        var (app, unit, settings) = Working();
        app.Stop("违章", 1, Now);
        var ex = Assert.Throws<DomainException>(() => RenovationAcceptance.Record(app, 0, AllPassed(AcceptanceChecklist.Items), null, null, settings, unit, Today, "u1", "张三", Now));
        Assert.Contains("停工", ex.Text.Zh);
        Assert.Equal(UnitState.Renovating, unit.State);
    }

    [Fact]
    public void An_unanswered_item_is_refused_and_nothing_changes()
    {
        var (app, unit, settings) = Working();
        var answers = AllPassed(AcceptanceChecklist.Items);
        answers.Remove("燃气设施");
        Assert.Throws<ValidationException>(() => RenovationAcceptance.Record(app, 0, answers, null, null, settings, unit, Today, "u1", "张三", Now));
        Assert.Equal(RenovationStatus.Working, app.Status);
    }
}
