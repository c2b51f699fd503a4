using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using static PropertyCare.Domain.Tests.MoveIn.MoveInFixtures;

namespace PropertyCare.Domain.Tests.MoveIn;

/// <summary>Limits of the batch, appointment and take-over forms, each at its exact boundary.</summary>
public sealed class BatchAndTakeOverRulesTests
{
    private static string[] Fields(Action a) => Assert.Throws<ValidationException>(a).Errors.Select(e => e.Field).ToArray();

    private static DeliveryBatch Plan(string name) =>
        DeliveryBatch.Plan(name, "蓉城置业", "刘工", "13800138000", new(2026, 12, 1), new(2026, 12, 31), [101]);

    [Fact]
    public void A_batch_name_may_be_twice_a_label_long_and_no_longer()
    {
        Assert.Equal(TextLimits.Label * 2, Plan(new string('批', TextLimits.Label * 2)).Name.Length);
        Assert.Equal(["Name"], Fields(() => Plan(new string('批', TextLimits.Label * 2 + 1))));
    }

    [Fact]
    public void Appointed_units_are_counted_apart_from_delivered_ones()
    {
        var b = Batch(true, 1, 2, 3, 4);
        Assert.Equal(new BatchProgress(4, 1, 2, 1, 0, 0), BatchProgress.Of(b, [1], [2, 3], 0, 0));
    }

    [Fact]
    public void Moving_exactly_at_the_cutoff_is_still_allowed()
    {
        var b = Batch();
        var from = Slot(b, id: 1);
        var to = Slot(b, id: 2, day: 20);
        var a = AppointmentRules.Book(b, from, 101, 11, 0, [], Early, Shanghai);
        var cutoff = new DateTime(2026, 12, 9, 23, 0, 0, DateTimeKind.Utc); // 10 Dec 09:00 Shanghai less two hours
        AppointmentRules.Move(a, b, from, to, 0, cutoff, Shanghai);
        Assert.Equal(2, a.SlotId);
    }

    [Fact]
    public void Take_over_texts_over_their_limits_are_refused_by_name()
    {
        var day = new DateOnly(2026, 11, 20);
        Assert.Equal(["Facility"], Fields(() => TakeOverInspection.Start(7, null, new string('设', TextLimits.Location + 1), day, ["门窗"])));
        Assert.Equal(TextLimits.Location, TakeOverInspection.Start(7, null, new string('设', TextLimits.Location), day, ["门窗"]).Facility!.Length);
        Assert.Equal(["Items"], Fields(() => TakeOverInspection.Start(7, 3, null, day, ["门窗", new string('项', TextLimits.Location + 1)])));
        Assert.Equal(2, TakeOverInspection.Start(7, 3, null, day, ["门窗", new string('项', TextLimits.Location)]).Items.Count);
    }

    [Fact]
    public void A_take_over_note_may_be_a_remark_long_and_no_longer_and_a_completed_one_is_not_completed_again()
    {
        var t = TakeOverInspection.Start(7, 3, null, new(2026, 11, 20), ["门窗"]);
        Assert.Equal(["Note"], Fields(() => t.Record("门窗", CheckResult.Passed, new string('注', TextLimits.Remark + 1))));
        Assert.Equal(CheckResult.NotChecked, t.Items[0].Result);
        t.Record("门窗", CheckResult.Passed, new string('注', TextLimits.Remark));
        t.Complete([]);
        Assert.Throws<IllegalStepException>(() => t.Complete([]));
    }

    [Fact]
    public void A_defect_location_and_a_checker_over_their_limits_are_refused_by_name()
    {
        Assert.Equal(["Location"], Fields(() => TakeOverDefect.Record(1, "门窗", "渗水", new string('位', TextLimits.Location + 1))));
        Assert.Equal(TextLimits.Location, TakeOverDefect.Record(1, "门窗", "渗水", new string('位', TextLimits.Location)).Location!.Length);
        var d = TakeOverDefect.Record(1, "门窗", "渗水", null);
        d.Promise(new(2026, 12, 1), new(2026, 11, 20));
        d.MarkRectified(new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(["CheckedBy"], Fields(() => d.Return(new string('查', TextLimits.PersonName + 1), "仍渗水")));
        Assert.Equal(DefectStatus.Rectified, d.Status);
        d.Return(new string('查', TextLimits.PersonName), "仍渗水");
        Assert.Equal(DefectStatus.Returned, d.Status);
    }

    [Fact]
    public void A_move_from_a_slot_that_is_not_the_appointments_is_a_programming_error()
    {
        var b = Batch();
        var from = Slot(b, id: 1);
        var other = Slot(b, id: 3, day: 12);
        var to = Slot(b, id: 2, day: 20);
        var a = AppointmentRules.Book(b, from, 101, 11, 0, [], Early, Shanghai);
        Assert.Throws<ArgumentException>(() => AppointmentRules.Move(a, b, other, to, 0, Early, Shanghai));
        Assert.Equal(1, a.SlotId);
    }

    [Fact]
    public void A_defect_of_another_delivery_inspection_is_not_linked()
    {
        var i = DeliveryInspectionTests.SignedAndCompleted();
        var stranger = new DeliveryDefect { Room = "客厅", Item = "墙面", Description = "开裂" };
        Assert.Throws<ArgumentException>(() => i.LinkRepair(stranger, 500));
        Assert.Null(stranger.RepairOrderId);
    }
}
