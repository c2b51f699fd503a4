using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>The technician's own worklist (我的工单): accept, arrive, complete with work done, materials, fee and
/// photos, or return with a reason. A technician sees and touches only the orders dispatched to them.</summary>
public sealed class TechnicianService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    JobScheduler scheduler, ILogger<TechnicianService> log)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<Page<RepairListRow>> MyOrdersAsync(bool finished, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsWork);
        var me = tenant.RequireUser().UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.RepairOrders.AsNoTracking().Where(o => o.TechnicianId == me);
        q = finished
            ? q.Where(o => o.Status == RepairStatus.Completed || o.Status == RepairStatus.Closed || o.Status == RepairStatus.Rework)
            : q.Where(o => o.Status == RepairStatus.Dispatched || o.Status == RepairStatus.Accepted || o.Status == RepairStatus.Arrived);
        var total = await q.CountAsync(ct);
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        // Open work: the most urgent deadline first; finished work: the latest first.
        var ordered = finished ? q.OrderByDescending(o => o.CompletedAt) : q.OrderBy(o => o.DueAt);
        var rows = await RepairQueries.RowsAsync(ordered.Skip((pageIndex - 1) * pageSize).Take(pageSize), db, Clock.UtcNow, ct);
        return new Page<RepairListRow>(rows, total, pageIndex, pageSize);
    }

    public Task AcceptAsync(int orderId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, (o, me) => o.Accept(me), ct);

    public Task ArriveAsync(int orderId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, (o, me) => o.Arrive(me, Clock.UtcNow), ct);

    public Task ReturnAsync(int orderId, int expectedVersion, string reason, CancellationToken ct = default) =>
        ChangeAsync(orderId, expectedVersion, (o, me) => o.Return(me, reason), ct);

    /// <summary>完工: records the work and plans the callback (回访) — repairs after the project's 1–3 days,
    /// installations the next day — with a reminder job on its day.</summary>
    public async Task CompleteAsync(int orderId, int expectedVersion, string workDone, string? materials, FeeKind fee, decimal? amount,
        IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsWork);
        var me = tenant.RequireUser();
        var clock = Clock;
        Callback callback;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var order = await LoadMineAsync(db, orderId, expectedVersion, me.UserId, ct);
            order.Complete(me.UserId, clock.UtcNow, workDone, materials, fee, amount);
            await RepairPhotos.AddAsync(db, order.Id, PhotoStage.Completion, photos, me.DisplayName, clock.UtcNow, ct);
            var settings = await RepairSettingsService.LoadAsync(db, ct);
            callback = Callback.For(order, RepairRules.CallbackDate(clock.ToLocal(clock.UtcNow), order.Kind, settings.RepairCallbackDays));
            db.Callbacks.Add(callback);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        CallbackReminderJob.Schedule(scheduler, clock, callback, log);
    }

    private async Task ChangeAsync(int orderId, int expectedVersion, Action<RepairOrder, string> change, CancellationToken ct)
    {
        tenant.RequireProject(Permissions.RepairsWork);
        var me = tenant.RequireUser().UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await LoadMineAsync(db, orderId, expectedVersion, me, ct);
        change(order, me);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<RepairOrder> LoadMineAsync(AppDbContext db, int orderId, int expectedVersion, string me, CancellationToken ct)
    {
        // Another technician's order looks the same as a missing one.
        var order = await db.RepairOrders.FirstOrDefaultAsync(o => o.Id == orderId && o.TechnicianId == me, ct) ?? throw new RecordNotFoundException();
        if (order.Version != expectedVersion) throw new ConcurrencyConflictException();
        return order;
    }
}
