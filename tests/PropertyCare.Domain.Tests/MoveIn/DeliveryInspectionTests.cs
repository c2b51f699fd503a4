using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.MoveIn;

public sealed class DeliveryInspectionTests
{
    private static readonly DateTime At = new(2026, 12, 10, 2, 0, 0, DateTimeKind.Utc);

    internal static DeliveryInspection New() => DeliveryInspection.Start(7, 101, 11, 3, ["客厅", "厨房"], ["墙面", "给排水"]);

    internal static DeliveryInspection SignedAndCompleted()
    {
        var i = New();
        foreach (var l in i.Lines) i.Record(l.Room, l.Item, CheckResult.Passed, null);
        i.ReadMeters(new(12.5m, 0m, null));
        i.Sign(SignatureKind.Tablet, 42);
        i.Complete(At);
        return i;
    }

    [Fact]
    public void The_form_is_rooms_times_items()
    {
        var i = New();
        Assert.Equal(4, i.Lines.Count);
        Assert.Contains(i.Lines, l => l.Room == "厨房" && l.Item == "给排水");
        Assert.Equal(InspectionStatus.InProgress, i.Status);
        Assert.Equal(49, DeliveryInspection.Start(1, 1, 1, null, DeliveryInspection.DefaultRooms, DeliveryInspection.DefaultItems).Lines.Count);
        Assert.Throws<ValidationException>(() => DeliveryInspection.Start(7, 101, 11, null, [], ["墙面"]));
        Assert.Throws<ValidationException>(() => DeliveryInspection.Start(7, 101, 11, null, ["客厅"], [" "]));
    }

    [Fact]
    public void A_failed_line_is_a_defect_once_and_passing_it_again_removes_the_defect()
    {
        var i = New();
        Assert.Throws<ValidationException>(() => i.Record("客厅", "墙面", CheckResult.Failed, ""));
        i.Record("客厅", "墙面", CheckResult.Failed, " 墙面开裂 ");
        i.Record("客厅", "墙面", CheckResult.Failed, "墙面开裂约30cm");
        Assert.Equal("墙面开裂约30cm", Assert.Single(i.Defects).Description);
        i.Record("客厅", "墙面", CheckResult.Passed, null);
        Assert.Empty(i.Defects);
        Assert.Throws<DomainException>(() => i.Record("卧室", "墙面", CheckResult.Passed, null));
        Assert.Throws<ValidationException>(() => i.Record("客厅", "墙面", CheckResult.NotChecked, null));
    }

    [Theory]
    [InlineData(-0.01, 1, null, "Water")]
    [InlineData(1, -1, null, "Power")]
    [InlineData(1, 1, -0.5, "Gas")]
    [InlineData(10000000, 1, null, "Water")]
    public void Meter_readings_are_not_negative_nor_beyond_the_meter(double water, double power, double? gas, string field)
    {
        var ex = Assert.Throws<ValidationException>(() => New().ReadMeters(new((decimal)water, (decimal)power, (decimal?)gas)));
        Assert.Equal(field, ex.Errors.Single().Field);
    }

    [Fact]
    public void Zero_and_the_largest_reading_are_accepted()
    {
        var i = New();
        i.ReadMeters(new(0m, MeterReadings.Max, 0m));
        Assert.Equal(MeterReadings.Max, i.Meters.Power);
        Assert.True(MeterReadings.WentBack(5m, 4.9m));
        Assert.False(MeterReadings.WentBack(5m, 5m));
        Assert.False(MeterReadings.WentBack(null, 1m));
        Assert.False(MeterReadings.WentBack(1m, null));
        Assert.False(MeterReadings.WentBack(null, null));
    }

    [Fact]
    public void Completion_needs_every_line_water_and_power_readings_and_the_signature()
    {
        var i = New();
        i.Record("客厅", "墙面", CheckResult.Passed, null);
        var ex = Assert.Throws<ValidationException>(() => i.Complete(At));
        Assert.Equal(["Lines", "Water", "Power", "SignatureFileId"], ex.Errors.Select(e => e.Field));
        Assert.Contains("签字", ex.Errors[^1].Message.Zh);
        Assert.Equal(InspectionStatus.InProgress, i.Status);
    }

    [Fact]
    public void Without_a_signature_it_is_not_completed_even_when_all_else_is_done()
    {
        var i = New();
        foreach (var l in i.Lines) i.Record(l.Room, l.Item, CheckResult.NotApplicable, null);
        i.ReadMeters(new(1m, 1m, null));
        Assert.Equal("SignatureFileId", Assert.Throws<ValidationException>(() => i.Complete(At)).Errors.Single().Field);
        Assert.Throws<ValidationException>(() => i.Sign(SignatureKind.PaperScan, 0));
        i.Sign(SignatureKind.PaperScan, 9);
        i.Complete(At);
        Assert.Equal(InspectionStatus.Completed, i.Status);
        Assert.Equal(At, i.CompletedAt);
        Assert.Equal(SignatureKind.PaperScan, i.SignatureKind);
    }

    [Fact]
    public void A_completed_form_is_frozen_and_each_defect_gets_one_warranty_repair_order()
    {
        var i = New();
        foreach (var l in i.Lines) i.Record(l.Room, l.Item, CheckResult.Passed, null);
        i.Record("厨房", "给排水", CheckResult.Failed, "水槽下渗水");
        i.ReadMeters(new(1m, 2m, 3m));
        i.Sign(SignatureKind.Tablet, 42);
        var defects = i.Complete(At);
        var d = Assert.Single(defects);
        Assert.Throws<IllegalStepException>(() => i.Record("客厅", "墙面", CheckResult.Failed, "x"));
        Assert.Throws<IllegalStepException>(() => i.Sign(SignatureKind.Tablet, 43));

        var intake = DefectRepair.Intake(101, d);
        Assert.Equal(FeeKind.Warranty, intake.ExpectedFee);
        Assert.Equal(101, intake.UnitId);
        Assert.Contains("厨房-给排水：水槽下渗水", intake.Description);
        Assert.Empty(intake.Validate());

        i.LinkRepair(d, 500);
        Assert.Equal(500, d.RepairOrderId);
        Assert.Throws<DomainException>(() => i.LinkRepair(d, 501));
    }

    [Fact]
    public void Repairs_are_linked_only_after_completion_and_a_long_description_still_fits_the_repair()
    {
        var i = New();
        var long_ = new string('裂', TextLimits.Description);
        i.Record("客厅", "墙面", CheckResult.Failed, long_);
        Assert.Throws<IllegalStepException>(() => i.LinkRepair(i.Defects[0], 1));
        var intake = DefectRepair.Intake(101, i.Defects[0]);
        Assert.Equal(RepairIntake.MaxDescription, intake.Description.Length);
        Assert.Empty(intake.Validate());
    }
}
