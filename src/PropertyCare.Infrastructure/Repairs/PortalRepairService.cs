using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>The owner's repairs in the portal: report a problem in one of their own units, follow it, and rate
/// the finished work. An owner never sees another owner's request, even in the same building.</summary>
public sealed class PortalRepairService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    CalendarService calendars, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    private int Me()
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        return tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
    }

    public async Task<List<string>> CategoriesAsync(CancellationToken ct = default)
    {
        Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RepairSettingsService.LoadAsync(db, ct)).CategoryList.ToList();
    }

    public async Task<Page<RepairListRow>> MyRequestsAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var me = Me();
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.RepairOrders.AsNoTracking().Where(o => o.OwnerId == me);
        var total = await q.CountAsync(ct);
        var rows = await RepairQueries.RowsAsync(q.OrderByDescending(o => o.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize), db, Clock.UtcNow, ct);
        return new Page<RepairListRow>(rows, total, pageIndex, pageSize);
    }

    public async Task<RepairDetail> GetAsync(int orderId, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.RepairOrders.AsNoTracking().FirstOrDefaultAsync(x => x.Id == orderId && x.OwnerId == me, ct) ?? throw new RecordNotFoundException();
        // The desk may have entered someone else as the contact (a tenant, a relative): their number is theirs, so the
        // owner sees it masked like the desk does. The owner's own numbers are shown as they are.
        var mine = await db.Owners.Where(x => x.Id == me).Select(x => new { x.Phone, x.Phone2 }).FirstOrDefaultAsync(ct);
        var own = o.ContactPhone == null || (mine != null && (o.ContactPhone == mine.Phone || o.ContactPhone == mine.Phone2));
        return await RepairQueries.DetailAsync(db, o, fullPhone: own, tenant.Project!, ct);
    }

    public async Task<(int Id, string Number)> SubmitAsync(int unitId, string category, string description, RepairUrgency urgency, string? preferredTime,
        IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        var me = Me();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await db.UnitOwnerships.AnyAsync(x => x.UnitId == unitId && x.OwnerId == me, ct))
                throw new ValidationException([new("Location", new("只能为自己名下的房屋报修", "You can only report for your own units"))]);
        var intake = new RepairIntake(unitId, null, category, description, urgency, RepairChannel.OwnerPortal, PreferredTime: preferredTime);
        return await RepairService.RegisterCoreAsync(dbFactory, tenant, Clock, calendars, intake, photos, ct);
    }

    /// <summary>The owner rates the finished work; it counts as the callback of this round (渠道：业主端).</summary>
    public async Task<string?> RateAsync(int orderId, Satisfaction satisfaction, ServiceAttitude attitude, bool siteCleaned, bool feeCorrect, string? remarks,
        CancellationToken ct = default)
    {
        var me = Me();
        var user = tenant.RequireUser();
        var calendar = await calendars.CurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.RepairOrders.FirstOrDefaultAsync(x => x.Id == orderId && x.OwnerId == me, ct) ?? throw new RecordNotFoundException();
        var c = await db.Callbacks.FirstOrDefaultAsync(x => x.RepairOrderId == order.Id && x.Status == CallbackStatus.Pending, ct)
            ?? throw new DomainException(new("该工单目前不能评价（未完工或已评价）", "This order cannot be rated now (not finished, or rated already)"));
        var name = await db.Owners.Where(o => o.Id == me).Select(o => o.Name).FirstAsync(ct);
        c.RecordAnswer(new CallbackAnswer(name, attitude, siteCleaned, feeCorrect, satisfaction, remarks), CallbackChannel.OwnerPortal, user.UserId, name, Clock.UtcNow);
        var rework = await CallbackOutcomes.ApplyAsync(db, c, order, Clock, calendar, user, outbox, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rework?.Number;
    }
}
