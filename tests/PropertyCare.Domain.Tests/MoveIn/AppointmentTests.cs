using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using static PropertyCare.Domain.Tests.MoveIn.MoveInFixtures;

namespace PropertyCare.Domain.Tests.MoveIn;

public sealed class AppointmentTests
{
    [Fact]
    public void A_slot_lies_in_the_delivery_period_ends_after_it_starts_and_has_a_capacity_of_1_to_200()
    {
        var b = Batch();
        Assert.Equal(2, Slot(b).Capacity);
        Assert.Equal(new DateTime(2026, 12, 10, 1, 0, 0, DateTimeKind.Utc), Slot(b).StartUtc(Shanghai));
        DeliverySlot.Open(b, new(2026, 12, 1), new(9, 0), new(9, 30), 1);   // first day, capacity 1
        DeliverySlot.Open(b, new(2026, 12, 31), new(9, 0), new(9, 30), DeliverySlot.MaxCapacity); // last day
        Assert.Equal("Day", Assert.Throws<ValidationException>(() => DeliverySlot.Open(b, new(2026, 11, 30), new(9, 0), new(10, 0), 1)).Errors[0].Field);
        Assert.Equal("Day", Assert.Throws<ValidationException>(() => DeliverySlot.Open(b, new(2027, 1, 1), new(9, 0), new(10, 0), 1)).Errors[0].Field);
        Assert.Equal("EndsAt", Assert.Throws<ValidationException>(() => DeliverySlot.Open(b, new(2026, 12, 2), new(9, 0), new(9, 0), 1)).Errors[0].Field);
        Assert.Equal("Capacity", Assert.Throws<ValidationException>(() => DeliverySlot.Open(b, new(2026, 12, 2), new(9, 0), new(10, 0), 0)).Errors[0].Field);
        Assert.Equal("Capacity", Assert.Throws<ValidationException>(() => DeliverySlot.Open(b, new(2026, 12, 2), new(9, 0), new(10, 0), 201)).Errors[0].Field);
    }

    [Fact]
    public void A_slot_is_full_exactly_at_capacity()
    {
        var s = Slot(Batch(), capacity: 2);
        Assert.False(s.IsFull(1));
        Assert.Equal(1, s.Remaining(1));
        Assert.True(s.IsFull(2));
        Assert.Equal(0, s.Remaining(2));
        Assert.Equal(0, s.Remaining(3));
    }

    [Fact]
    public void Capacity_cannot_drop_below_the_bookings()
    {
        var s = Slot(Batch(), capacity: 5);
        s.ChangeCapacity(3, booked: 3);
        Assert.Equal(3, s.Capacity);
        var ex = Assert.Throws<ValidationException>(() => s.ChangeCapacity(2, booked: 3));
        Assert.Contains("3", ex.Errors[0].Message.Zh);
        Assert.Equal(3, s.Capacity);
    }

    [Fact]
    public void Booking_the_last_place_works_and_the_next_is_refused()
    {
        var b = Batch();
        var s = Slot(b, capacity: 2);
        var a = AppointmentRules.Book(b, s, 101, 11, bookedInSlot: 1, [], Early, Shanghai);
        Assert.Equal(AppointmentStatus.Booked, a.Status);
        Assert.Equal((7, 101, 11, 1), (a.BatchId, a.UnitId, a.OwnerId, a.SlotId));
        var ex = Assert.Throws<DomainException>(() => AppointmentRules.Book(b, s, 102, 12, bookedInSlot: 2, [], Early, Shanghai));
        Assert.Contains("约满", ex.Text.Zh);
    }

    [Fact]
    public void A_unit_cannot_be_booked_twice_but_can_again_after_cancelling()
    {
        var b = Batch();
        var s = Slot(b, capacity: 10);
        var first = AppointmentRules.Book(b, s, 101, 11, 0, [], Early, Shanghai);
        Assert.Throws<DomainException>(() => AppointmentRules.Book(b, s, 101, 11, 1, [first], Early, Shanghai));
        first.Cancel("业主出差");
        var second = AppointmentRules.Book(b, s, 101, 11, 0, [first], Early, Shanghai);
        Assert.Equal(AppointmentStatus.Booked, second.Status);
    }

    [Fact]
    public void Booking_needs_a_started_batch_its_own_slot_and_a_unit_of_the_batch()
    {
        var planned = Batch(started: false);
        Assert.Throws<IllegalStepException>(() => AppointmentRules.Book(planned, Slot(planned), 101, 11, 0, [], Early, Shanghai));
        var b = Batch();
        var other = Slot(b);
        typeof(DeliverySlot).GetProperty("BatchId")!.SetValue(other, 8);
        Assert.Throws<DomainException>(() => AppointmentRules.Book(b, other, 101, 11, 0, [], Early, Shanghai));
        Assert.Contains("不在此交付批次", Assert.Throws<DomainException>(() => AppointmentRules.Book(b, Slot(b), 999, 11, 0, [], Early, Shanghai)).Text.Zh);
    }

    [Fact]
    public void Booking_closes_two_hours_before_the_slot_in_the_projects_time()
    {
        var b = Batch();
        var s = Slot(b); // 10 Dec 09:00 Shanghai = 01:00 UTC
        var cutoff = new DateTime(2026, 12, 9, 23, 0, 0, DateTimeKind.Utc);
        AppointmentRules.Book(b, s, 101, 11, 0, [], cutoff, Shanghai);
        Assert.Throws<DomainException>(() => AppointmentRules.Book(b, s, 102, 12, 0, [], cutoff.AddTicks(1), Shanghai));
    }

    [Fact]
    public void Moving_goes_to_another_slot_with_room_and_counts_the_moves()
    {
        var b = Batch();
        var from = Slot(b, id: 1);
        var to = Slot(b, id: 2, capacity: 1, day: 11);
        var a = AppointmentRules.Book(b, from, 101, 11, 0, [], Early, Shanghai);
        Assert.Throws<DomainException>(() => AppointmentRules.Move(a, b, from, from, 0, Early, Shanghai));
        Assert.Throws<DomainException>(() => AppointmentRules.Move(a, b, from, to, bookedInTarget: 1, Early, Shanghai));
        Assert.Equal(1, a.SlotId);
        AppointmentRules.Move(a, b, from, to, bookedInTarget: 0, Early, Shanghai);
        Assert.Equal(2, a.SlotId);
        Assert.Equal(1, a.Moves);
    }

    [Fact]
    public void Moving_is_refused_once_the_current_slot_is_about_to_start_or_the_appointment_is_cancelled()
    {
        var b = Batch();
        var from = Slot(b, id: 1);
        var to = Slot(b, id: 2, day: 20);
        var a = AppointmentRules.Book(b, from, 101, 11, 0, [], Early, Shanghai);
        var late = new DateTime(2026, 12, 9, 23, 0, 0, DateTimeKind.Utc).AddTicks(1);
        Assert.Contains("不能改约", Assert.Throws<DomainException>(() => AppointmentRules.Move(a, b, from, to, 0, late, Shanghai)).Text.Zh);
        a.Cancel("改期");
        Assert.Throws<IllegalStepException>(() => AppointmentRules.Move(a, b, from, to, 0, Early, Shanghai));
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_a_booked_appointment_attending_ends_it()
    {
        var b = Batch();
        var a = AppointmentRules.Book(b, Slot(b), 101, 11, 0, [], Early, Shanghai);
        Assert.Throws<ValidationException>(() => a.Cancel(" "));
        Assert.Equal(AppointmentStatus.Booked, a.Status);
        a.Attend();
        Assert.True(a.IsActive);
        Assert.Throws<IllegalStepException>(() => a.Cancel("x"));
        Assert.Throws<IllegalStepException>(a.Attend);
    }
}
