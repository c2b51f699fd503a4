using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

public sealed record CallbackWorkRow(int Id, int RepairOrderId, string Number, string Location, string Category, string? ContactName,
    string? ContactPhoneMasked, int Round, DateOnly DueOn, CallbackStatus Status, int Attempts, CallOutcome? LastOutcome, CallbackBucket Bucket, int Version);

public sealed record CallbackSheet(CallbackWorkRow Row, RepairDetail Order, string? ContactPhone, CallScript Script);

public sealed record CallbackCounts(int DueToday, int Overdue, int Unreachable, int Upcoming);

/// <summary>回访: the worklist (due today, overdue, unreachable, upcoming), the call sheet with its script,
/// and recording the call.</summary>
public sealed class CallbackService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    CalendarService calendars, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<CallbackCounts> CountsAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        var today = Clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Callbacks.AsNoTracking();
        return new CallbackCounts(
            await Bucket(open, CallbackBucket.DueToday, today).CountAsync(ct),
            await Bucket(open, CallbackBucket.Overdue, today).CountAsync(ct),
            await Bucket(open, CallbackBucket.Unreachable, today).CountAsync(ct),
            await Bucket(open, CallbackBucket.Upcoming, today).CountAsync(ct));
    }

    public async Task<Page<CallbackWorkRow>> WorklistAsync(CallbackBucket bucket, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var today = Clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Bucket(db.Callbacks.AsNoTracking(), bucket, today);
        var total = await q.CountAsync(ct);
        var page = await (bucket == CallbackBucket.Finished ? q.OrderByDescending(c => c.DoneAt) : q.OrderBy(c => c.DueOn).ThenBy(c => c.Id))
            .Skip((pageIndex - 1) * pageSize).Take(pageSize).Include(c => c.RepairOrder).ToListAsync(ct);
        var places = await RepairQueries.AddressesAsync(db, page.Where(c => c.RepairOrder!.UnitId != null).Select(c => c.RepairOrder!.UnitId!.Value).Distinct().ToList(), ct);
        return new Page<CallbackWorkRow>(page.Select(c => Row(c, places, today)).ToList(), total, pageIndex, pageSize);
    }

    /// <summary>The call sheet: the order, the contact's number (the caller needs it to dial), and the script.</summary>
    public async Task<CallbackSheet> SheetAsync(int callbackId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Callbacks.AsNoTracking().Include(x => x.RepairOrder).FirstOrDefaultAsync(x => x.Id == callbackId, ct) ?? throw new RecordNotFoundException();
        var canCall = user.Has(Permissions.CallbacksWrite);
        var detail = await RepairQueries.DetailAsync(db, c.RepairOrder!, canCall, tenant.Project!, ct);
        var places = c.RepairOrder!.UnitId is { } u ? await RepairQueries.AddressesAsync(db, [u], ct) : [];
        var o = c.RepairOrder!;
        var script = CallScript.For(tenant.Project!.Name, user.DisplayName, o.ContactName, DateOnly.FromDateTime(Clock.ToLocal(o.ReceivedAt)), o.Category, c.Round);
        return new CallbackSheet(Row(c, places, Clock.Today), detail, canCall ? o.ContactPhone : ContactRules.MaskPhone(o.ContactPhone), script);
    }

    /// <summary>Records a call that was not answered or reached a wrong number. A wrong number flags the
    /// owner's record (客户信息准确性), so the desk corrects it.</summary>
    public async Task RecordFailedAsync(int callbackId, int expectedVersion, CallOutcome outcome, string? remarks, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.CallbacksWrite);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, order) = await LoadAsync(db, callbackId, expectedVersion, ct);
        c.RecordFailedAttempt(outcome, user.UserId, user.DisplayName, Clock.UtcNow, remarks);
        if (outcome is CallOutcome.EmptyNumber or CallOutcome.WrongInfo && order.OwnerId is { } ownerId
            && await db.Owners.FirstOrDefaultAsync(x => x.Id == ownerId, ct) is { } owner)
            owner.PhoneFlaggedWrong = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the answer. Returns the rework order's number when the owner was not satisfied.</summary>
    public async Task<string?> RecordAnswerAsync(int callbackId, int expectedVersion, CallbackAnswer answer, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.CallbacksWrite);
        var user = tenant.RequireUser();
        var calendar = await calendars.CurrentAsync(ct);
        var clock = Clock;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (c, order) = await LoadAsync(db, callbackId, expectedVersion, ct);
        c.RecordAnswer(answer, CallbackChannel.Phone, user.UserId, user.DisplayName, clock.UtcNow);
        var rework = await CallbackOutcomes.ApplyAsync(db, c, order, clock, calendar, user, outbox, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rework?.Number;
    }

    private static async Task<(Callback, RepairOrder)> LoadAsync(AppDbContext db, int callbackId, int expectedVersion, CancellationToken ct)
    {
        var c = await db.Callbacks.FirstOrDefaultAsync(x => x.Id == callbackId, ct) ?? throw new RecordNotFoundException();
        if (c.Version != expectedVersion) throw new ConcurrencyConflictException();
        var order = await db.RepairOrders.FirstAsync(o => o.Id == c.RepairOrderId, ct);
        return (c, order);
    }

    internal static IQueryable<Callback> Bucket(IQueryable<Callback> q, CallbackBucket bucket, DateOnly today) => bucket switch
    {
        CallbackBucket.Unreachable => q.Where(c => c.Status == CallbackStatus.Unreachable
            || (c.Status == CallbackStatus.Pending && c.LastOutcome == CallOutcome.NoAnswer)),
        CallbackBucket.Overdue => q.Where(c => c.Status == CallbackStatus.Pending && c.LastOutcome != CallOutcome.NoAnswer && c.DueOn < today),
        CallbackBucket.DueToday => q.Where(c => c.Status == CallbackStatus.Pending && c.LastOutcome != CallOutcome.NoAnswer && c.DueOn == today),
        CallbackBucket.Upcoming => q.Where(c => c.Status == CallbackStatus.Pending && c.LastOutcome != CallOutcome.NoAnswer && c.DueOn > today),
        _ => q.Where(c => c.Status == CallbackStatus.Done || c.Status == CallbackStatus.Cancelled),
    };

    private static CallbackWorkRow Row(Callback c, Dictionary<int, string> places, DateOnly today)
    {
        var o = c.RepairOrder!;
        return new CallbackWorkRow(c.Id, o.Id, o.Number, RepairQueries.Location(o.UnitId, o.CommonArea, places), o.Category, o.ContactName,
            ContactRules.MaskPhone(o.ContactPhone), c.Round, c.DueOn, c.Status, c.Attempts, c.LastOutcome,
            CallbackRules.BucketOf(c.Status, c.DueOn, c.LastOutcome, today), c.Version);
    }
}
