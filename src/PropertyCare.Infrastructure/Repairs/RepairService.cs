using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>报事报修 at the service desk: register, list, dispatch (派工/改派), cancel, and the manager's close.
/// Every method checks its permission; the data layer keeps it inside the current project.</summary>
public sealed class RepairService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    CalendarService calendars, NotificationOutbox outbox)
{
    public const int MaxPageSize = 100;

    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<Page<RepairListRow>> ListAsync(RepairListQuery query, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Clock.UtcNow;
        var q = db.RepairOrders.AsNoTracking().Apply(query, db, now);
        var total = await q.CountAsync(ct);
        var rows = await RepairQueries.RowsAsync(RepairQueries.Sorted(q, query.Sort).Skip((pageIndex - 1) * pageSize).Take(pageSize), db, now, ct);
        return new Page<RepairListRow>(rows, total, pageIndex, pageSize);
    }

    /// <summary>The unit's orders still being worked on or awaiting their callback, newest first: the context
    /// the desk sees at intake before registering the same problem twice.</summary>
    public async Task<List<RepairListRow>> OpenForUnitAsync(int unitId, int max = 10, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.RepairOrders.AsNoTracking().Where(o => o.UnitId == unitId && o.Status != RepairStatus.Closed && o.Status != RepairStatus.Cancelled)
            .OrderByDescending(o => o.Id).Take(Math.Clamp(max, 1, MaxPageSize));
        return await RepairQueries.RowsAsync(q, db, Clock.UtcNow, ct);
    }

    /// <summary>The desk, the manager and HQ read every order of the project; a technician only the orders
    /// dispatched to them (and sees the contact's full number, to call before going).</summary>
    public async Task<RepairDetail> GetAsync(int orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (o, user) = await ReadableAsync(db, orderId, ct);
        var fullPhone = o.TechnicianId == user.UserId || user.Has(Permissions.RepairsWrite);
        return await RepairQueries.DetailAsync(db, o, fullPhone, tenant.Project!, ct);
    }

    /// <summary>What happened to the order, oldest first, read from its change history (the same readers as
    /// <see cref="GetAsync"/>): the detail page's timeline.</summary>
    public async Task<List<RepairStep>> StepsAsync(int orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ReadableAsync(db, orderId, ct);
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityType == nameof(RepairOrder) && c.EntityId == orderId)
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        return [.. records.Select(Step).OfType<RepairStep>()];
    }

    private static RepairStep? Step(ChangeRecord r)
    {
        if (r.Action == ChangeAction.Created) return new RepairStep(r.At, RepairStepKind.Received, RepairStatus.Registered, r.UserName, null);
        var technician = r.Changes.FirstOrDefault(c => c.Field == nameof(RepairOrder.TechnicianName))?.New;
        if (r.Changes.FirstOrDefault(c => c.Field == nameof(RepairOrder.Status)) is { } s && Enum.TryParse<RepairStatus>(s.New, out var status))
            return new RepairStep(r.At, RepairStepKind.StatusChanged, status, r.UserName, technician);
        return technician != null ? new RepairStep(r.At, RepairStepKind.Reassigned, null, r.UserName, technician) : null;
    }

    /// <summary>The order, if this user may read it: the desk, the manager and HQ every order of the project, a
    /// technician only the orders dispatched to them (others are "not found", not "forbidden").</summary>
    private async Task<(RepairOrder Order, UserIdentity User)> ReadableAsync(AppDbContext db, int orderId, CancellationToken ct)
    {
        var user = tenant.RequireUser();
        if (tenant.ProjectId == null || !(user.Has(Permissions.RepairsRead) || user.Has(Permissions.RepairsWork))) throw new AccessDeniedException();
        var o = await db.RepairOrders.AsNoTracking().FirstOrDefaultAsync(x => x.Id == orderId, ct) ?? throw new RecordNotFoundException();
        if (!user.Has(Permissions.RepairsRead) && o.TechnicianId != user.UserId) throw new RecordNotFoundException();
        return (o, user);
    }

    /// <summary>A photo's bytes, for whoever may read its order.</summary>
    public async Task<(string ContentType, byte[] Bytes)> PhotoAsync(int photoId, CancellationToken ct = default)
    {
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.RepairPhotos.AsNoTracking().Where(x => x.Id == photoId).Select(x => new { x.RepairOrderId, x.ContentType, x.Bytes }).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        var order = await db.RepairOrders.AsNoTracking().Where(x => x.Id == p.RepairOrderId).Select(x => new { x.TechnicianId, x.OwnerId }).FirstAsync(ct);
        var allowed = user.Has(Permissions.RepairsRead)
            || (user.Has(Permissions.RepairsWork) && order.TechnicianId == user.UserId)
            || (user.Has(Permissions.OwnerPortal) && user.OwnerId != null && order.OwnerId == user.OwnerId);
        if (!allowed) throw new RecordNotFoundException();
        return (p.ContentType, p.Bytes);
    }

    public async Task<(int Id, string Number)> RegisterAsync(RepairIntake intake, IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsWrite);
        if (intake.Channel == RepairChannel.OwnerPortal) throw new AccessDeniedException();
        return await RegisterCoreAsync(dbFactory, tenant, Clock, calendars, intake, photos, ct);
    }

    /// <summary>Numbers are per day; two desks registering at the same moment may pick the same one, and the
    /// unique index refuses the second — which then simply tries again with the next number.</summary>
    internal static async Task<(int, string)> RegisterCoreAsync(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, ProjectClock clock,
        CalendarService calendars, RepairIntake intake, IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var user = tenant.RequireUser();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var order = await RepairRegistrar.AddAsync(db, intake, clock, calendar, user, ct);
                await db.SaveChangesAsync(ct);
                await RepairPhotos.AddAsync(db, order.Id, PhotoStage.Intake, photos, user.DisplayName, clock.UtcNow, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (order.Id, order.Number);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await tx.RollbackAsync(ct);
            }
        }
    }

    public async Task<List<TechnicianOption>> TechniciansAsync(CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RepairsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ProjectPeople.InRoleAsync(db, projectId, Roles.Technician, ct)).Select(p => new TechnicianOption(p.UserId, p.Name)).ToList();
    }

    /// <summary>Orders each technician of the project has in hand (dispatched, accepted or on site): the load the desk
    /// weighs when dispatching. Technicians with nothing in hand are absent.</summary>
    public async Task<Dictionary<string, int>> TechnicianLoadAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RepairOrders.AsNoTracking()
            .Where(o => o.TechnicianId != null && (o.Status == RepairStatus.Dispatched || o.Status == RepairStatus.Accepted || o.Status == RepairStatus.Arrived))
            .GroupBy(o => o.TechnicianId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>派工 or 改派. The technician must be an active technician of this project; they get a message.</summary>
    public async Task DispatchAsync(int orderId, int expectedVersion, string technicianId, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RepairsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await LoadAsync(db, orderId, expectedVersion, ct);
        var tech = (await ProjectPeople.InRoleAsync(db, projectId, Roles.Technician, ct)).FirstOrDefault(t => t.UserId == technicianId);
        if (tech.UserId == null) throw new ValidationException([new("TechnicianId", new("请选择本项目的在岗技工", "Choose an active technician of this project"))]);
        order.Dispatch(tech.UserId, tech.Name, Clock.UtcNow);
        await outbox.EnqueueAsync(db, Channel.InApp, tech.UserId, $"新工单 {order.Number}",
            $"{order.Category}：{order.Description}（处理时限 {Clock.ToLocal(order.DueAt):MM-dd HH:mm}）", $"dispatch-{order.Id}-{order.Version}", ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task CancelAsync(int orderId, int expectedVersion, string reason, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await LoadAsync(db, orderId, expectedVersion, ct);
        order.Cancel(reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The manager closes a completed order without a satisfied callback (owner unreachable, or will
    /// not be satisfied), with a reason. Its open callback is cancelled, and the orders it reworked close too.</summary>
    public async Task CloseByManagerAsync(int orderId, int expectedVersion, string reason, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await LoadAsync(db, orderId, expectedVersion, ct);
        if (order.Status == RepairStatus.Rework)
            throw new DomainException(new("该工单正在返工，请关闭其返工单", "This order is being reworked; close its rework order instead"));
        order.CloseByManager(reason);
        foreach (var c in await db.Callbacks.Where(c => c.RepairOrderId == order.Id && c.Status == CallbackStatus.Pending).ToListAsync(ct)) c.Cancel();
        await RepairChain.CloseAncestorsAsync(db, order, satisfied: false, $"返工单 {order.Number} 经理关闭：{reason.Trim()}", ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<RepairOrder> LoadAsync(AppDbContext db, int orderId, int expectedVersion, CancellationToken ct)
    {
        var order = await db.RepairOrders.FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new RecordNotFoundException();
        if (order.Version != expectedVersion) throw new ConcurrencyConflictException();
        return order;
    }
}
