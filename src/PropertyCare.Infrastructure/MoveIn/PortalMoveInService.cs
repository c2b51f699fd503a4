using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>The owner's move-in in the portal: their units in a batch being delivered, the slots with places left, pick
/// or move a slot, cancel, and open the 入伙通知书 — only for units they own; another owner's appointment is "not found".</summary>
public sealed class PortalMoveInService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    private int Me()
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        return tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
    }

    private static async Task<HashSet<int>> MyUnitsAsync(AppDbContext db, int me, CancellationToken ct) =>
        [.. await db.UnitOwnerships.AsNoTracking().Where(o => o.OwnerId == me).Select(o => o.UnitId).ToListAsync(ct)];

    /// <summary>Each of my units in a batch 交付中, with my booking and the slots still open for booking.</summary>
    public async Task<List<MyDelivery>> MyDeliveriesAsync(CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await MyUnitsAsync(db, me, ct);
        var batches = (await db.DeliveryBatches.AsNoTracking().Where(b => b.Status == BatchStatus.InProgress).ToListAsync(ct))
            .Where(b => b.UnitIds.Any(mine.Contains)).OrderBy(b => b.StartsOn).ToList();
        var result = new List<MyDelivery>();
        foreach (var b in batches)
        {
            var unitIds = b.UnitIds.Where(mine.Contains).ToList();
            var units = await MoveInQueries.UnitsAsync(db, unitIds, ct);
            // Only slots still open for booking (the cut-off before the start, in the project's zone).
            var slots = (await AppointmentService.SlotRowsAsync(db, b.Id, null, Clock.Today, ct))
                .Where(s => Clock.ToUtc(s.Day.ToDateTime(s.StartsAt)) - AppointmentRules.BookingCutoff >= Clock.UtcNow).ToList();
            var bookings = await AppointmentService.RowsAsync(db, db.DeliveryAppointments.AsNoTracking()
                .Where(a => a.BatchId == b.Id && unitIds.Contains(a.UnitId) && a.Status != AppointmentStatus.Cancelled), ct);
            result.AddRange(unitIds.Where(units.ContainsKey).Select(u =>
                new MyDelivery(b.Id, b.Name, b.StartsOn, b.EndsOn, u, units[u].Address, bookings.FirstOrDefault(x => x.UnitId == u), slots)));
        }
        return result;
    }

    public async Task<int> BookAsync(int slotId, int unitId, CancellationToken ct = default)
    {
        var me = Me();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!(await MyUnitsAsync(db, me, ct)).Contains(unitId))
                throw new ValidationException([new("UnitId", new("只能为自己名下的房屋预约", "You can only book for your own units"))]);
        return await AppointmentBooking.BookAsync(dbFactory, outbox, Clock, tenant.Project!, slotId, unitId, ct);
    }

    public async Task MoveAsync(int appointmentId, int expectedVersion, int toSlotId, CancellationToken ct = default)
    {
        var mine = await MineAsync(ct);
        await AppointmentBooking.MoveAsync(dbFactory, outbox, Clock, tenant.Project!, a => mine.Contains(a.UnitId), appointmentId, expectedVersion, toSlotId, ct);
    }

    public async Task CancelAsync(int appointmentId, int expectedVersion, string reason, CancellationToken ct = default)
    {
        var mine = await MineAsync(ct);
        await AppointmentBooking.CancelAsync(dbFactory, a => mine.Contains(a.UnitId), appointmentId, expectedVersion, reason, ct);
    }

    public async Task<MoveInNotice> NoticeAsync(int appointmentId, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await MyUnitsAsync(db, me, ct);
        return await AppointmentService.NoticeAsync(db, tenant.Project!, appointmentId, Clock.Today, a => mine.Contains(a.UnitId), ct);
    }

    private async Task<HashSet<int>> MineAsync(CancellationToken ct)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MyUnitsAsync(db, me, ct);
    }
}
