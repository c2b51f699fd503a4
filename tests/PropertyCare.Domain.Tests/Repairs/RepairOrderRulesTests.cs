using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using static PropertyCare.Domain.Tests.Repairs.RepairOrders;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class RepairOrderRulesTests
{
    private static string[] RegisterErrors(RepairIntake intake, DateTime? dueAt = null) =>
        Assert.Throws<ValidationException>(() => New(intake, dueAt: dueAt)).Errors.Select(e => e.Field).ToArray();

    [Fact]
    public void A_location_is_required()
    {
        Assert.Equal(["Location"], RegisterErrors(Intake(unitId: null, commonArea: null)));
        Assert.Equal(["Location"], RegisterErrors(Intake(unitId: null, commonArea: "   ")));
    }

    [Fact]
    public void A_unit_and_a_common_area_together_are_refused()
    {
        Assert.Equal(["Location"], RegisterErrors(Intake(unitId: 101, commonArea: "3 栋大堂")));
    }

    [Fact]
    public void A_common_area_is_at_most_100_characters()
    {
        Assert.Equal(["Location"], RegisterErrors(Intake(unitId: null, commonArea: new string('区', 101), contactPhone: "13800138000")));
        var o = New(Intake(unitId: null, commonArea: " " + new string('区', 100) + " ", contactPhone: "13800138000"));
        Assert.Equal(new string('区', 100), o.CommonArea);
        Assert.Null(o.UnitId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void The_category_is_required(string category) =>
        Assert.Equal(["Category"], RegisterErrors(Intake(category: category)));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void The_description_is_required(string description) =>
        Assert.Equal(["Description"], RegisterErrors(Intake(description: description)));

    [Fact]
    public void The_description_is_at_most_1000_characters_after_trimming()
    {
        Assert.Equal(["Description"], RegisterErrors(Intake(description: new string('漏', RepairIntake.MaxDescription + 1))));
        var o = New(Intake(description: "  " + new string('漏', RepairIntake.MaxDescription) + "  "));
        Assert.Equal(RepairIntake.MaxDescription, o.Description.Length);
    }

    [Fact]
    public void Preferred_time_and_contact_name_are_at_most_50_characters()
    {
        Assert.Equal(["PreferredTime", "ContactName"],
            RegisterErrors(Intake(preferredTime: new string('上', 51), contactName: new string('张', 51))));
        New(Intake(preferredTime: new string('上', 50), contactName: new string('张', 50)));
    }

    [Fact]
    public void The_deadline_cannot_be_before_the_time_received()
    {
        Assert.Equal(["DueAt"], RegisterErrors(Intake(), dueAt: ReceivedAt.AddSeconds(-1)));
        Assert.Equal(ReceivedAt, New(dueAt: ReceivedAt).DueAt);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1380013800")]
    [InlineData("138-0013-8000")]
    public void An_invalid_contact_phone_is_refused(string phone) =>
        Assert.Equal(["ContactPhone"], RegisterErrors(Intake(contactPhone: phone)));

    [Theory]
    [InlineData(RepairChannel.Phone)]
    [InlineData(RepairChannel.Visit)]
    public void A_common_area_request_taken_at_the_desk_needs_a_contact_phone(RepairChannel channel)
    {
        Assert.Equal(["ContactPhone"], RegisterErrors(Intake(unitId: null, commonArea: "3 栋电梯", channel: channel)));
        Assert.Equal(["ContactPhone"], RegisterErrors(Intake(unitId: null, commonArea: "3 栋电梯", channel: channel, contactPhone: "  ")));
        var o = New(Intake(unitId: null, commonArea: " 3 栋电梯 ", channel: channel, contactPhone: "028-85551234"));
        Assert.Equal("3 栋电梯", o.CommonArea);
        Assert.Equal("028-85551234", o.ContactPhone);
    }

    [Fact]
    public void A_common_area_request_from_the_owner_portal_needs_no_contact_phone()
    {
        var o = New(Intake(unitId: null, commonArea: "3 栋电梯", channel: RepairChannel.OwnerPortal));
        Assert.Null(o.ContactPhone);
    }

    [Fact]
    public void A_unit_request_by_phone_needs_no_contact_phone() =>
        Assert.Null(New(Intake(unitId: 5, channel: RepairChannel.Phone)).ContactPhone);

    [Fact]
    public void All_errors_are_reported_at_once()
    {
        var fields = RegisterErrors(Intake(unitId: null, commonArea: null, category: "", description: "", contactPhone: "abc"),
            dueAt: ReceivedAt.AddHours(-1));
        Assert.Equal(["Location", "Category", "Description", "ContactPhone", "DueAt"], fields);
    }

    [Fact]
    public void An_original_order_is_round_1_and_a_rework_is_the_next_round()
    {
        var original = In(RepairStatus.Rework);
        Assert.Equal(1, original.Round);
        Assert.Null(original.ReworkOfId);

        var rework = New(reworkOf: original, id: 8);
        Assert.Equal(2, rework.Round);
        Assert.Equal(original.Id, rework.ReworkOfId);

        var second = New(reworkOf: rework, id: 9);
        Assert.Equal(3, second.Round);
        Assert.Equal(8, second.ReworkOfId);
    }

    [Fact]
    public void Completion_needs_a_description_of_the_work()
    {
        var o = In(RepairStatus.Arrived);
        var ex = Assert.Throws<ValidationException>(() => o.Complete(Tech, ReceivedAt.AddHours(3), "  ", null, FeeKind.Free, null));
        Assert.Equal(["WorkDone"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Arrived, o.Status);
    }

    [Theory]
    [InlineData(FeeKind.Paid, null)]
    [InlineData(FeeKind.Paid, 0)]
    [InlineData(FeeKind.Free, 20)]
    [InlineData(FeeKind.Warranty, 20)]
    [InlineData(FeeKind.Free, -1)]
    [InlineData(FeeKind.Paid, 100001)]
    public void The_fee_must_match_its_kind(FeeKind fee, int? amount)
    {
        var o = In(RepairStatus.Arrived);
        var ex = Assert.Throws<ValidationException>(() => o.Complete(Tech, ReceivedAt.AddHours(3), "修好了", null, fee, amount));
        Assert.All(ex.Errors, e => Assert.Equal("FeeAmount", e.Field));
        Assert.Equal(RepairStatus.Arrived, o.Status);
        Assert.Null(o.Fee);
    }

    [Theory]
    [InlineData(FeeKind.Free, null)]
    [InlineData(FeeKind.Free, 0)]
    [InlineData(FeeKind.Warranty, null)]
    public void Free_and_warranty_work_is_completed_without_an_amount(FeeKind fee, int? amount)
    {
        var o = In(RepairStatus.Arrived);
        o.Complete(Tech, ReceivedAt.AddHours(3), "修好了", " 胶带 ", fee, amount);
        Assert.Equal(RepairStatus.Completed, o.Status);
        Assert.Equal(fee, o.Fee);
        Assert.Null(o.FeeAmount);
        Assert.Equal("胶带", o.Materials);
    }

    [Fact]
    public void Paid_work_keeps_its_amount_up_to_the_limit()
    {
        var o = In(RepairStatus.Arrived);
        o.Complete(Tech, ReceivedAt.AddHours(3), "更换马桶", null, FeeKind.Paid, 100000m);
        Assert.Equal(100000m, o.FeeAmount);
        Assert.Equal(FeeKind.Paid, o.Fee);
    }

    [Fact]
    public void Escalation_happens_once_and_only_when_overdue()
    {
        var o = In(RepairStatus.Dispatched);

        Assert.False(o.IsOverdue(DueAt));
        Assert.False(o.Escalate(DueAt));
        Assert.Null(o.EscalatedAt);

        var late = DueAt.AddMinutes(1);
        Assert.True(o.IsOverdue(late));
        Assert.True(o.Escalate(late));
        Assert.Equal(late, o.EscalatedAt);

        Assert.False(o.Escalate(late.AddHours(1)));
        Assert.Equal(late, o.EscalatedAt);
    }

    [Theory]
    [InlineData(RepairStatus.Registered, true)]
    [InlineData(RepairStatus.Dispatched, true)]
    [InlineData(RepairStatus.Accepted, true)]
    [InlineData(RepairStatus.Arrived, true)]
    [InlineData(RepairStatus.Returned, true)]
    [InlineData(RepairStatus.Completed, false)]
    [InlineData(RepairStatus.Rework, false)]
    [InlineData(RepairStatus.Closed, false)]
    [InlineData(RepairStatus.Cancelled, false)]
    public void Only_open_orders_can_be_overdue(RepairStatus status, bool overdue)
    {
        var o = In(status);
        var late = DueAt.AddDays(3);
        Assert.Equal(overdue, o.IsOverdue(late));
        Assert.Equal(overdue, status.IsOpen());
        Assert.Equal(overdue, o.Escalate(late));
    }

    [Fact]
    public void An_order_is_no_longer_overdue_once_completed()
    {
        var o = In(RepairStatus.Arrived);
        var late = DueAt.AddDays(1);
        Assert.True(o.IsOverdue(late));
        Complete(o);
        Assert.False(o.IsOverdue(late));
        Assert.False(o.Escalate(late));
    }
}
