using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>预约交付 through the services: capacity (the last place, not one more; never lowered below the bookings),
/// moving, cancelling, attending, the desk's day list, the owner's messages, the portal's own-unit rule and the race for
/// the last place.</summary>
[Collection(RepairsCollection.Name)]
public class AppointmentServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_last_place_can_be_taken_the_next_is_refused_and_capacity_never_drops_below_the_bookings()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var (u2, _) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900000002");
        var (u3, _) = await w.AddUnitAsync(w.A, "1203", "王强", "13900000003");
        var batch = await w.StartedBatchAsync(w.A, u1, u2, u3);
        var slot = await w.SlotAsync(w.A, batch, capacity: 2);
        var desk = w.Appointments(w.A);

        await desk.BookAsync(slot, u1);
        await desk.BookAsync(slot, u2);
        var full = await Assert.ThrowsAsync<DomainException>(() => desk.BookAsync(slot, u3));
        Assert.Contains("已约满", full.Text.Zh);
        var row = Assert.Single(await desk.SlotsAsync(batch));
        Assert.Equal((2, 2, 0), (row.Capacity, row.Booked, row.Remaining));

        var v = await Assert.ThrowsAsync<ValidationException>(() => desk.ChangeCapacityAsync(slot, row.Version, 1));
        Assert.Contains("不能少于", v.Errors.Single().Message.Zh);
        await desk.ChangeCapacityAsync(slot, row.Version, 3);
        await desk.BookAsync(slot, u3);
        Assert.Equal((3, 3), (await desk.SlotsAsync(batch, MoveInWorld.Day1)).Select(s => (s.Capacity, s.Booked)).Single());
        Assert.Empty(await desk.SlotsAsync(batch, MoveInWorld.Day1.AddDays(1)));
    }

    [Fact]
    public async Task A_unit_books_once_moves_to_a_slot_with_room_cancels_with_a_reason_and_is_then_free_again()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var (u2, _) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900000002");
        var batch = await w.StartedBatchAsync(w.A, u1, u2);
        var morning = await w.SlotAsync(w.A, batch, capacity: 1);
        var afternoon = await w.SlotAsync(w.A, batch, capacity: 1, hour: 14);
        var desk = w.Appointments(w.A);

        var a = await desk.BookAsync(morning, u1);
        var again = await Assert.ThrowsAsync<DomainException>(() => desk.BookAsync(afternoon, u1));
        Assert.Contains("改约", again.Text.Zh);

        await desk.MoveAsync(a, (await w.AppointmentAsync(w.A, a)).Version, afternoon);
        var moved = await w.AppointmentAsync(w.A, a);
        Assert.Equal((afternoon, 1), (moved.SlotId, moved.Moves));
        await desk.BookAsync(morning, u2); // the morning place was freed by the move
        await Assert.ThrowsAsync<DomainException>(() => desk.MoveAsync(a, moved.Version, morning)); // full now
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => desk.CancelAsync(a, moved.Version - 1, "改期"));
        await Assert.ThrowsAsync<ValidationException>(() => desk.CancelAsync(a, moved.Version, " "));
        Assert.Equal(AppointmentStatus.Booked, (await w.AppointmentAsync(w.A, a)).Status);

        await desk.CancelAsync(a, moved.Version, "业主出差");
        Assert.Equal(("业主出差", AppointmentStatus.Cancelled), ((await w.AppointmentAsync(w.A, a)).CancelReason, (await w.AppointmentAsync(w.A, a)).Status));
        var rebooked = await desk.BookAsync(afternoon, u1);
        await desk.AttendAsync(rebooked, (await w.AppointmentAsync(w.A, rebooked)).Version);
        var evening = await w.SlotAsync(w.A, batch, capacity: 5, hour: 18);
        await Assert.ThrowsAsync<IllegalStepException>(async () => await desk.MoveAsync(rebooked, (await w.AppointmentAsync(w.A, rebooked)).Version, evening));
    }

    [Fact]
    public async Task Booking_closes_two_hours_before_the_slot_in_the_project_zone()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var (u2, o2) = await w.AddUnitAsync(w.A, "1202", "李娜");
        var batch = await w.StartedBatchAsync(w.A, u1, u2);
        var slot = await w.SlotAsync(w.A, batch);
        // 2026-11-26 09:00 Shanghai = 01:00 UTC; the cutoff is 23:00 UTC on the 25th.
        w.Clock.Advance(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero) - w.Clock.Now);
        await w.Appointments(w.A).BookAsync(slot, u1);
        Assert.Single((await w.Portal(w.A, o2).MyDeliveriesAsync()).Single().Slots);
        w.Clock.Advance(TimeSpan.FromTicks(10));
        await Assert.ThrowsAsync<DomainException>(() => w.Appointments(w.A).BookAsync(slot, u2));
        // The portal no longer offers it.
        Assert.Empty((await w.Portal(w.A, o2).MyDeliveriesAsync()).Single().Slots);
    }

    [Fact]
    public async Task The_owner_is_told_by_sms_and_in_the_portal_with_the_slot_the_documents_and_the_notice_link()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var (u2, _) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900000002"); // no portal account
        var portalUser = await w.W.AddUserAsync(w.A, Domain.Access.Roles.Owner, "13800138000", "张伟");
        await using (var db = w.Db(w.A))
        {
            await db.Users.Where(u => u.Id == portalUser).ExecuteUpdateAsync(s => s.SetProperty(u => u.OwnerId, owner));
        }
        var batch = await w.StartedBatchAsync(w.A, u1, u2);
        var slot = await w.SlotAsync(w.A, batch);
        var later = await w.SlotAsync(w.A, batch, hour: 14);
        var desk = w.Appointments(w.A);

        var a = await desk.BookAsync(slot, u1);
        await desk.BookAsync(slot, u2);
        await desk.MoveAsync(a, (await w.AppointmentAsync(w.A, a)).Version, later);

        await using var check = w.Db(w.A);
        var messages = await check.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(
            [(Channel.InApp, portalUser, "入伙预约成功（一期交付）"), (Channel.Sms, "13800138000", "入伙预约成功（一期交付）"),
             (Channel.Sms, "13900000002", "入伙预约成功（一期交付）"),
             (Channel.InApp, portalUser, "入伙预约已改期（一期交付）"), (Channel.Sms, "13800138000", "入伙预约已改期（一期交付）")],
            messages.Select(m => (m.Channel, m.Recipient, m.Subject)));
        var sms = messages[1].Body;
        Assert.Contains("1栋-1单元-1201", sms);
        Assert.Contains("已预约 2026-11-26 09:00-11:00", sms); // a first booking is not called a move
        Assert.Contains("；委托书及受托人身份证件（代办时）。", sms); // the optional document, after the required ones
        Assert.Contains("业主身份证件、购房合同", sms);
        Assert.Contains("费用由客服中心现场说明", sms);
        Assert.Contains($"/my/move-in/{a}/notice", sms);
        Assert.Contains("已改约至 2026-11-26 14:00-16:00", messages[4].Body);
    }

    [Fact]
    public async Task The_desk_sees_the_days_list_with_masked_phones_and_prints_the_notice()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var (u2, _) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900000002");
        var (u3, _) = await w.AddUnitAsync(w.A, "1203", "王强", "13900000003");
        var batch = await w.StartedBatchAsync(w.A, u1, u2, u3);
        var desk = w.Appointments(w.A);
        var afternoon = await desk.BookAsync(await w.SlotAsync(w.A, batch, hour: 14), u1);
        var morning = await desk.BookAsync(await w.SlotAsync(w.A, batch, hour: 9), u2);
        await desk.BookAsync(await w.SlotAsync(w.A, batch, day: MoveInWorld.Day1.AddDays(1)), u3);

        var day = await desk.DayAsync(MoveInWorld.Day1);
        Assert.Equal([morning, afternoon], day.Select(r => r.Id));
        Assert.Equal(("李娜", "139****0002", "1栋-1单元-1202", "一期交付"), (day[0].OwnerName, day[0].OwnerPhoneMasked, day[0].Address, day[0].BatchName));

        var notice = await desk.NoticeAsync(afternoon);
        Assert.Equal(("张伟", "1栋-1单元-1201", new TimeOnly(14, 0), "翠湖置业"), (notice.OwnerName, notice.UnitAddress, notice.StartsAt, notice.Developer));
        Assert.Equal(MoveInProcedure.DefaultDocuments.Length, notice.Documents.Count);
    }

    [Fact]
    public async Task An_owner_books_moves_cancels_and_reads_the_notice_only_for_their_own_unit()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (mine, me) = await w.AddUnitAsync(w.A, "1201", "张伟");
        var (theirs, _) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900000002");
        var batch = await w.StartedBatchAsync(w.A, mine, theirs);
        var slot = await w.SlotAsync(w.A, batch);
        var later = await w.SlotAsync(w.A, batch, hour: 14);
        var portal = w.Portal(w.A, me);

        var view = Assert.Single(await portal.MyDeliveriesAsync());
        Assert.Equal((mine, null as AppointmentRow, 2), (view.UnitId, view.Appointment, view.Slots.Count));
        await Assert.ThrowsAsync<ValidationException>(() => portal.BookAsync(slot, theirs));
        var a = await portal.BookAsync(slot, mine);
        var other = await w.Appointments(w.A).BookAsync(slot, theirs);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => portal.NoticeAsync(other));
        await Assert.ThrowsAsync<RecordNotFoundException>(async () => await portal.MoveAsync(other, (await w.AppointmentAsync(w.A, other)).Version, later));
        await Assert.ThrowsAsync<RecordNotFoundException>(async () => await portal.CancelAsync(other, (await w.AppointmentAsync(w.A, other)).Version, "不要了"));
        Assert.Equal((slot, AppointmentStatus.Booked), ((await w.AppointmentAsync(w.A, other)).SlotId, (await w.AppointmentAsync(w.A, other)).Status));

        await portal.MoveAsync(a, (await w.AppointmentAsync(w.A, a)).Version, later);
        Assert.Equal("1栋-1单元-1201", (await portal.NoticeAsync(a)).UnitAddress);
        Assert.Equal(later, (await portal.MyDeliveriesAsync()).Single().Appointment!.SlotId);
        await portal.CancelAsync(a, (await w.AppointmentAsync(w.A, a)).Version, "时间不便");
        Assert.Null((await portal.MyDeliveriesAsync()).Single().Appointment);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => portal.NoticeAsync(a)); // a cancelled booking has no notice
    }

    [Fact]
    public async Task Two_owners_racing_for_the_last_place_one_wins_and_the_other_is_told_it_is_full()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, o1) = await w.AddUnitAsync(w.A, "1201", "张伟");
        var (u2, o2) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900000002");
        var (u0, _) = await w.AddUnitAsync(w.A, "1200", "王强", "13900000003");
        var batch = await w.StartedBatchAsync(w.A, u0, u1, u2);
        var slot = await w.SlotAsync(w.A, batch, capacity: 2);
        await w.Appointments(w.A).BookAsync(slot, u0);
        for (var round = 0; round < 3; round++)
        {
            var p1 = w.Portal(w.A, o1);
            var p2 = w.Portal(w.A, o2);
            var results = await Task.WhenAll(Try(() => p1.BookAsync(slot, u1)), Try(() => p2.BookAsync(slot, u2)));
            Assert.Single(results, r => r == null);
            var loser = Assert.Single(results, r => r != null);
            Assert.Contains("已约满", loser!.Text.Zh);
            await using (var db = w.Db(w.A))
                Assert.Equal(2, await db.DeliveryAppointments.CountAsync(a => a.SlotId == slot && a.Status != AppointmentStatus.Cancelled));
            // Free the place again for the next round.
            await using (var db = w.Db(w.A))
            {
                var won = await db.DeliveryAppointments.SingleAsync(a => a.SlotId == slot && a.UnitId != u0 && a.Status == AppointmentStatus.Booked);
                won.Cancel("再来一轮");
                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>Two desks booking the same unit at once (each into its own slot): the unique index lets one through
    /// and the other gets a message, not a database error.</summary>
    [Fact]
    public async Task Two_desks_booking_the_same_unit_at_once_leave_one_appointment()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201", "张伟");
        var batch = await w.StartedBatchAsync(w.A, u1);
        var s1 = await w.SlotAsync(w.A, batch);
        var s2 = await w.SlotAsync(w.A, batch, hour: 14);
        var d1 = w.Appointments(w.A);
        var d2 = w.Appointments(w.A);
        var results = await Task.WhenAll(Try(() => d1.BookAsync(s1, u1)), Try(() => d2.BookAsync(s2, u1)));
        Assert.Single(results, r => r == null);
        Assert.Contains("已有预约", results.Single(r => r != null)!.Text.Zh);
        await using var db = w.Db(w.A);
        Assert.Equal(1, await db.DeliveryAppointments.CountAsync(a => a.UnitId == u1));
    }

    private static async Task<DomainException?> Try(Func<Task<int>> book)
    {
        await Task.Yield();
        try { await book(); return null; }
        catch (DomainException e) { return e; }
    }
}
