using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;

namespace PropertyCare.Domain.Tests.MoveIn;

public sealed class TakeOverTests
{
    private static TakeOverInspection Inspection() => TakeOverInspection.Start(7, 3, null, new(2026, 11, 20), ["门窗", " 电梯 ", "门窗", ""]);

    [Fact]
    public void An_inspection_is_of_a_building_or_a_facility_never_both_nor_neither()
    {
        Assert.Equal(["门窗", "电梯"], Inspection().Items.Select(i => i.Name));
        Assert.Equal("水泵房", TakeOverInspection.Start(7, null, " 水泵房 ", new(2026, 11, 20), ["给排水"]).Facility);
        Assert.Equal("Target", Assert.Throws<ValidationException>(() => TakeOverInspection.Start(7, null, " ", new(2026, 11, 20), ["门窗"])).Errors[0].Field);
        Assert.Equal("Target", Assert.Throws<ValidationException>(() => TakeOverInspection.Start(7, 3, "水泵房", new(2026, 11, 20), ["门窗"])).Errors[0].Field);
        Assert.Equal("Items", Assert.Throws<ValidationException>(() => TakeOverInspection.Start(7, 3, null, new(2026, 11, 20), [" "])).Errors[0].Field);
        Assert.NotEmpty(TakeOverInspection.DefaultChecklist);
    }

    [Fact]
    public void Every_item_must_be_checked_and_every_failed_item_needs_a_defect_before_completion()
    {
        var i = Inspection();
        i.Record("门窗", CheckResult.Passed, null);
        var ex = Assert.Throws<DomainException>(() => i.Complete([]));
        Assert.Contains("电梯", ex.Text.Zh);

        Assert.Throws<ValidationException>(() => i.Record("电梯", CheckResult.Failed, " "));
        i.Record("电梯", CheckResult.Failed, "轿厢划伤");
        Assert.Contains("电梯", Assert.Throws<DomainException>(() => i.Complete(["门窗"])).Text.Zh);
        Assert.Equal(TakeOverStatus.Open, i.Status);

        i.Complete(["电梯"]);
        Assert.Equal(TakeOverStatus.Completed, i.Status);
        Assert.Throws<IllegalStepException>(() => i.Record("门窗", CheckResult.Failed, "x"));
    }

    [Fact]
    public void An_item_not_on_the_list_is_refused()
    {
        Assert.Throws<DomainException>(() => Inspection().Record("屋面", CheckResult.Passed, null));
    }

    [Fact]
    public void A_defect_goes_open_promised_rectified_closed()
    {
        var d = TakeOverDefect.Record(5, "电梯", " 轿厢划伤 ", " 3栋1号梯 ");
        Assert.Equal(DefectStatus.Open, d.Status);
        Assert.Equal("轿厢划伤", d.Description);
        Assert.True(d.IsOpen);

        d.Promise(new(2026, 11, 30), today: new(2026, 11, 30)); // today itself is allowed
        Assert.Equal(DefectStatus.Promised, d.Status);
        Assert.False(d.IsLate(new(2026, 11, 30)));
        Assert.True(d.IsLate(new(2026, 12, 1)));

        d.MarkRectified(new DateTime(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc));
        Assert.False(d.IsLate(new(2026, 12, 5)));
        d.Close(" 张工 ", new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(DefectStatus.Closed, d.Status);
        Assert.Equal("张工", d.CheckedBy);
        Assert.False(d.IsOpen);
        Assert.Throws<IllegalStepException>(() => d.Promise(new(2026, 12, 30), new(2026, 12, 1)));
    }

    [Fact]
    public void A_failed_check_returns_the_defect_which_needs_a_new_promise()
    {
        var d = TakeOverDefect.Record(5, "门窗", "窗框渗水", null);
        d.Promise(new(2026, 12, 5), new(2026, 12, 1));
        d.MarkRectified(DateTime.UtcNow);
        d.Return("张工", "仍渗水");
        Assert.Equal(DefectStatus.Returned, d.Status);
        Assert.Equal(1, d.Returns);
        Assert.Null(d.PromisedOn);
        Assert.Equal("仍渗水", d.ReturnReason);
        Assert.True(d.IsOpen);
        Assert.Throws<IllegalStepException>(() => d.Close("张工", DateTime.UtcNow));
        Assert.Throws<IllegalStepException>(() => d.MarkRectified(DateTime.UtcNow));
        d.Promise(new(2026, 12, 10), new(2026, 12, 6));
        Assert.Equal(DefectStatus.Promised, d.Status);
    }

    [Fact]
    public void Closing_or_returning_needs_the_rectified_state_a_checker_and_a_reason()
    {
        var d = TakeOverDefect.Record(5, "门窗", "窗框渗水", null);
        var ex = Assert.Throws<IllegalStepException>(() => d.Close("张工", DateTime.UtcNow));
        Assert.Contains("待整改", ex.Text.Zh);
        Assert.Contains("待复查", ex.Text.Zh);
        Assert.Throws<IllegalStepException>(() => d.MarkRectified(DateTime.UtcNow)); // no promise yet
        Assert.Throws<ValidationException>(() => d.Promise(new(2026, 11, 30), new(2026, 12, 1))); // in the past
        d.Promise(new(2026, 12, 5), new(2026, 12, 1));
        // A promise is not a rectification: only what the developer reports done is checked and closed.
        Assert.Throws<IllegalStepException>(() => d.Close("张工", DateTime.UtcNow));
        Assert.Throws<IllegalStepException>(() => d.Return("张工", "仍渗水"));
        Assert.Equal(DefectStatus.Promised, d.Status);
        d.MarkRectified(DateTime.UtcNow);
        Assert.Throws<ValidationException>(() => d.Close(" ", DateTime.UtcNow));
        Assert.Equal(["ReturnReason"], Assert.Throws<ValidationException>(() => d.Return("张工", "")).Errors.Select(e => e.Field));
        Assert.Equal(DefectStatus.Rectified, d.Status);
    }

    [Fact]
    public void A_defect_needs_an_item_and_a_description()
    {
        var ex = Assert.Throws<ValidationException>(() => TakeOverDefect.Record(5, " ", "", null));
        Assert.Equal(["Item", "Description"], ex.Errors.Select(e => e.Field));
    }
}
