using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>Counting a slot's bookings safely: inside the caller's transaction the slot row is written first (its
/// Version bumped), which holds the row lock until commit on PostgreSQL and SQL Server and the database write lock on
/// SQLite — so a second booking of the same slot waits here, and then counts the first one. Without the lock two
/// owners could both see "one place left" and both take it.</summary>
internal static class SlotLock
{
    /// <summary>Locks the slot and returns it with its active bookings (read after the lock).</summary>
    public static async Task<(DeliverySlot Slot, int Booked)> LockAsync(AppDbContext db, int slotId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction == null) throw new InvalidOperationException("Lock a slot inside a transaction.");
        var n = await db.DeliverySlots.Where(s => s.Id == slotId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1), ct);
        if (n == 0) throw new RecordNotFoundException();
        var slot = await db.DeliverySlots.AsNoTracking().FirstAsync(s => s.Id == slotId, ct);
        var booked = await BookedAsync(db, slotId, ct);
        return (slot, booked);
    }

    public static Task<int> BookedAsync(AppDbContext db, int slotId, CancellationToken ct) =>
        db.DeliveryAppointments.CountAsync(a => a.SlotId == slotId && a.Status != AppointmentStatus.Cancelled, ct);
}
