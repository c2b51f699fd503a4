using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>Booking, moving and cancelling, shared by the desk (<see cref="AppointmentService"/>) and the owner's portal
/// (<see cref="PortalMoveInService"/>) once each has checked who may act for the unit. Each change is one transaction:
/// the slot is locked (<see cref="SlotLock"/>), its bookings counted, the rule applied, the row saved with the owner's
/// messages — so nothing is half done, and two bookings of the last place cannot both win.</summary>
internal static class AppointmentBooking
{
    private static readonly Text Taken = new("该房屋已有预约（可能刚被他人预约），请刷新后改约", "This unit already has an appointment (perhaps just booked); refresh and move it instead");

    public static async Task<int> BookAsync(IDbContextFactory<AppDbContext> dbFactory, NotificationOutbox outbox, ProjectClock clock, Project project,
        int slotId, int unitId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (slot, booked) = await SlotLock.LockAsync(db, slotId, ct);
        var batch = await MoveInQueries.BatchAsync(db, slot.BatchId, ct);
        var owner = (await MoveInQueries.OwnersAsync(db, [unitId], ct)).GetValueOrDefault(unitId);
        if (owner.Id == 0)
            throw new DomainException(new("该房屋尚无业主档案，请先登记业主", "The unit has no owner on file; register the owner first"));
        var existing = await db.DeliveryAppointments.AsNoTracking().Where(a => a.BatchId == batch.Id && a.UnitId == unitId).ToListAsync(ct);
        var appointment = AppointmentRules.Book(batch, slot, unitId, owner.Id, booked, existing, clock.UtcNow, clock.Zone);
        db.DeliveryAppointments.Add(appointment);
        await SaveUniqueAsync(db, ct);
        await NotifyAsync(db, outbox, project, appointment, batch, slot, moved: false, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return appointment.Id;
    }

    public static async Task MoveAsync(IDbContextFactory<AppDbContext> dbFactory, NotificationOutbox outbox, ProjectClock clock, Project project,
        Func<DeliveryAppointment, bool> mayAct, int appointmentId, int expectedVersion, int toSlotId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var a = await db.DeliveryAppointments.FirstOrDefaultAsync(x => x.Id == appointmentId, ct);
        if (a == null || !mayAct(a)) throw new RecordNotFoundException();
        MoveInQueries.Expect(a, expectedVersion);
        var (to, booked) = await SlotLock.LockAsync(db, toSlotId, ct);
        var from = await db.DeliverySlots.AsNoTracking().FirstAsync(s => s.Id == a.SlotId, ct);
        var batch = await MoveInQueries.BatchAsync(db, a.BatchId, ct);
        AppointmentRules.Move(a, batch, from, to, booked, clock.UtcNow, clock.Zone);
        await NotifyAsync(db, outbox, project, a, batch, to, moved: true, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public static async Task CancelAsync(IDbContextFactory<AppDbContext> dbFactory, Func<DeliveryAppointment, bool> mayAct, int appointmentId,
        int expectedVersion, string reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.DeliveryAppointments.FirstOrDefaultAsync(x => x.Id == appointmentId, ct);
        if (a == null || !mayAct(a)) throw new RecordNotFoundException();
        MoveInQueries.Expect(a, expectedVersion);
        a.Cancel(reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The unique index (one active appointment per batch and unit) is the last word when two desks book the
    /// same unit at once: the loser gets a clear message instead of a database error.</summary>
    private static async Task SaveUniqueAsync(AppDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException) { throw new DomainException(Taken); }
    }

    /// <summary>The owner hears of the booking in the portal (every active portal account of the owner) and by SMS:
    /// the slot, what to bring, that fees are explained at the desk, and where the 入伙通知书 is.</summary>
    private static async Task NotifyAsync(AppDbContext db, NotificationOutbox outbox, Project project, DeliveryAppointment a, DeliveryBatch batch,
        DeliverySlot slot, bool moved, CancellationToken ct)
    {
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == a.OwnerId).Select(o => new { o.Name, o.Phone }).FirstAsync(ct);
        var address = (await MoveInQueries.UnitsAsync(db, [a.UnitId], ct))[a.UnitId].Address;
        var (subject, body) = Message(project.Name, batch.Name, address, owner.Name, slot, a.Id, moved);
        var key = $"movein-appt-{a.Id}-{a.Moves}";
        var accounts = await db.Users.AsNoTracking().Where(u => u.OwnerId == a.OwnerId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in accounts) await outbox.EnqueueAsync(db, Channel.InApp, userId, subject, body, $"{key}-inapp-{userId}", ct);
        if (!string.IsNullOrWhiteSpace(owner.Phone)) await outbox.EnqueueAsync(db, Channel.Sms, owner.Phone, subject, body, $"{key}-sms", ct);
    }

    public const string NoticeLinkPrefix = "/my/move-in/";

    public static string NoticeLink(int appointmentId) => $"{NoticeLinkPrefix}{appointmentId}/notice";

    internal static (string Subject, string Body) Message(string project, string batch, string address, string owner, DeliverySlot slot, int appointmentId, bool moved)
    {
        var required = MoveInProcedure.DefaultDocuments.Where(d => d.Required).Select(d => d.Name);
        var optional = MoveInProcedure.DefaultDocuments.Where(d => !d.Required).Select(d => d.Name);
        var subject = moved ? $"入伙预约已改期（{batch}）" : $"入伙预约成功（{batch}）";
        var body = $"{owner}您好：您的房屋 {address} {(moved ? "已改约至" : "已预约")} {slot.Day:yyyy-MM-dd} {slot.StartsAt:HH\\:mm}-{slot.EndsAt:HH\\:mm}，"
            + $"请到{project}客服中心办理交付验收及入伙手续。请携带：{string.Join("、", required)}；{string.Join("、", optional)}。"
            + $"需缴纳的费用由客服中心现场说明。入伙通知书请在业主服务中查看：{NoticeLink(appointmentId)}";
        return (subject, body);
    }
}
