using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>预约交付 at the desk: the batch's slots (open, change capacity, list with places left), booking any unit of
/// the batch, 改约, cancelling with a reason, marking the owner arrived, the day's list and the 入伙通知书.
/// Reading needs MoveInRead, every change MoveInWrite.</summary>
public sealed class AppointmentService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    /// <summary>The project's today (its time zone): the day list's default and the first day worth offering.</summary>
    public DateOnly Today => Clock.Today;

    public async Task<int> OpenSlotAsync(int batchId, DateOnly day, TimeOnly startsAt, TimeOnly endsAt, int capacity, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await MoveInQueries.BatchAsync(db, batchId, ct);
        if (batch.Status == BatchStatus.Closed) throw new DomainException(new("交付批次已结束，不能再开放时段", "The batch is closed"));
        var slot = DeliverySlot.Open(batch, day, startsAt, endsAt, capacity);
        db.DeliverySlots.Add(slot);
        await db.SaveChangesAsync(ct);
        return slot.Id;
    }

    /// <summary>Never below the bookings: the slot is locked while they are counted, so a booking cannot slip in.</summary>
    public async Task ChangeCapacityAsync(int slotId, int expectedVersion, int capacity, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await db.DeliverySlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(current, expectedVersion);
        var (_, booked) = await SlotLock.LockAsync(db, slotId, ct);
        var slot = await db.DeliverySlots.FirstAsync(s => s.Id == slotId, ct);
        slot.ChangeCapacity(capacity, booked);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The batch's slots (one day, or all), with places left.</summary>
    public async Task<List<SlotRow>> SlotsAsync(int batchId, DateOnly? day = null, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await MoveInQueries.BatchAsync(db, batchId, ct);
        return await SlotRowsAsync(db, batchId, day, null, ct);
    }

    internal static async Task<List<SlotRow>> SlotRowsAsync(AppDbContext db, int batchId, DateOnly? day, DateOnly? from, CancellationToken ct)
    {
        var q = db.DeliverySlots.AsNoTracking().Where(s => s.BatchId == batchId);
        if (day is { } d) q = q.Where(s => s.Day == d);
        if (from is { } f) q = q.Where(s => s.Day >= f);
        var slots = await q.OrderBy(s => s.Day).ThenBy(s => s.StartsAt).ToListAsync(ct);
        var ids = slots.Select(s => s.Id).ToList();
        var booked = await db.DeliveryAppointments.AsNoTracking().Where(a => ids.Contains(a.SlotId) && a.Status != AppointmentStatus.Cancelled)
            .GroupBy(a => a.SlotId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. slots.Select(s => new SlotRow(s.Id, s.BatchId, s.Day, s.StartsAt, s.EndsAt, s.Capacity, booked.GetValueOrDefault(s.Id), s.Version))];
    }

    /// <summary>The desk books for any unit of the batch (the owner on file is the one booked and notified).</summary>
    public async Task<int> BookAsync(int slotId, int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        return await AppointmentBooking.BookAsync(dbFactory, outbox, Clock, tenant.Project!, slotId, unitId, ct);
    }

    public async Task MoveAsync(int appointmentId, int expectedVersion, int toSlotId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await AppointmentBooking.MoveAsync(dbFactory, outbox, Clock, tenant.Project!, _ => true, appointmentId, expectedVersion, toSlotId, ct);
    }

    public async Task CancelAsync(int appointmentId, int expectedVersion, string reason, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await AppointmentBooking.CancelAsync(dbFactory, _ => true, appointmentId, expectedVersion, reason, ct);
    }

    /// <summary>已到场: the owner came; the delivery inspection can start.</summary>
    public async Task AttendAsync(int appointmentId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.DeliveryAppointments.FirstOrDefaultAsync(x => x.Id == appointmentId, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(a, expectedVersion);
        a.Attend();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The desk's list for one day, every batch, in slot order (cancelled ones last, with their reason).</summary>
    public async Task<List<AppointmentRow>> DayAsync(DateOnly day, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slotIds = await db.DeliverySlots.AsNoTracking().Where(s => s.Day == day).Select(s => s.Id).ToListAsync(ct);
        var q = db.DeliveryAppointments.AsNoTracking().Where(a => slotIds.Contains(a.SlotId));
        return [.. (await RowsAsync(db, q, ct)).OrderBy(r => r.Status == AppointmentStatus.Cancelled).ThenBy(r => r.StartsAt).ThenBy(r => r.Address, NaturalOrder.Instance)];
    }

    public async Task<AppointmentRow> GetAsync(int appointmentId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RowsAsync(db, db.DeliveryAppointments.AsNoTracking().Where(a => a.Id == appointmentId), ct)).SingleOrDefault()
            ?? throw new RecordNotFoundException();
    }

    /// <summary>The active appointment of a unit in a batch, if any (the batch page's per-unit actions).</summary>
    public async Task<AppointmentRow?> ForUnitAsync(int batchId, int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RowsAsync(db, db.DeliveryAppointments.AsNoTracking().Where(a => a.BatchId == batchId && a.UnitId == unitId && a.Status != AppointmentStatus.Cancelled), ct))
            .SingleOrDefault();
    }

    internal static async Task<List<AppointmentRow>> RowsAsync(AppDbContext db, IQueryable<DeliveryAppointment> q, CancellationToken ct)
    {
        var list = await (from a in q
                          join s in db.DeliverySlots.AsNoTracking() on a.SlotId equals s.Id
                          join b in db.DeliveryBatches.AsNoTracking() on a.BatchId equals b.Id
                          join o in db.Owners.AsNoTracking() on a.OwnerId equals o.Id
                          select new { a, s.Day, s.StartsAt, s.EndsAt, Batch = b.Name, o.Name, o.Phone }).ToListAsync(ct);
        var units = await MoveInQueries.UnitsAsync(db, list.Select(x => x.a.UnitId).Distinct().ToList(), ct);
        return [.. list.Select(x => new AppointmentRow(x.a.Id, x.a.BatchId, x.Batch, x.a.UnitId, units.GetValueOrDefault(x.a.UnitId)?.Address ?? "", x.a.OwnerId, x.Name,
            ContactRules.MaskPhone(x.Phone), x.a.SlotId, x.Day, x.StartsAt, x.EndsAt, x.a.Status, x.a.Moves, x.a.CancelReason, x.a.Version))];
    }

    /// <summary>入伙通知书 of an appointment, for the print page.</summary>
    public async Task<MoveInNotice> NoticeAsync(int appointmentId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NoticeAsync(db, tenant.Project!, appointmentId, Clock.Today, _ => true, ct);
    }

    internal static async Task<MoveInNotice> NoticeAsync(AppDbContext db, Domain.Tenancy.Project project, int appointmentId, DateOnly today,
        Func<DeliveryAppointment, bool> mayRead, CancellationToken ct)
    {
        var a = await db.DeliveryAppointments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == appointmentId, ct);
        if (a == null || !mayRead(a) || a.Status == AppointmentStatus.Cancelled) throw new RecordNotFoundException();
        var row = (await RowsAsync(db, db.DeliveryAppointments.AsNoTracking().Where(x => x.Id == appointmentId), ct)).Single();
        var batch = await MoveInQueries.BatchAsync(db, a.BatchId, ct);
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == project.CompanyId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return new MoveInNotice(a.Id, company, project.Name, batch.Name, batch.Developer, row.Address, row.OwnerName, row.Day, row.StartsAt, row.EndsAt, a.Status,
            [.. MoveInProcedure.DefaultDocuments], today);
    }
}
