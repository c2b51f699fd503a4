using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>Reads the desk services share. The project is already filtered by the data layer; on top of it, a department
/// user (ComplaintsWork without ComplaintsRead) is limited to the complaints where they are the handler or the department's
/// head — anything else is "not found", so an id never confirms that a complaint exists.</summary>
internal static class ComplaintQueries
{
    public const string Hidden = "***";

    /// <summary>A user who works complaints but may not read the desk's list (a technician, a department member).</summary>
    public static bool IsDepartmentUser(UserIdentity user) => !user.Has(Permissions.ComplaintsRead) && user.Has(Permissions.ComplaintsWork);

    public static IQueryable<Complaint> Visible(this IQueryable<Complaint> q, UserIdentity user)
    {
        if (!IsDepartmentUser(user)) return q;
        var me = user.UserId;
        return q.Where(c => c.HandlerId == me || c.DepartmentHeadId == me);
    }

    public static IQueryable<Complaint> Apply(this IQueryable<Complaint> q, AppDbContext db, ComplaintListQuery f, DateTime nowUtc)
    {
        if (f.Status is { } s) q = q.Where(c => c.Status == s);
        if (f.Kind is { } k) q = q.Where(c => c.Kind == k);
        if (!string.IsNullOrWhiteSpace(f.Category)) q = q.Where(c => c.Category == f.Category);
        if (!string.IsNullOrWhiteSpace(f.Department)) q = q.Where(c => c.Department == f.Department);
        if (f.RepeatOnly) q = q.Where(c => c.IsRepeat);
        if (f.Level is { } l) q = q.Where(c => c.DispatchLevel == l);
        // The same rule as Complaint.CurrentDueAt/IsOverdue, in SQL.
        if (f.OverdueOnly)
            q = q.Where(c => ((c.Status == ComplaintStatus.Registered || c.Status == ComplaintStatus.Dispatched) && c.PlanDueAt < nowUtc)
                || (c.Status == ComplaintStatus.Planned && c.HandleDueAt < nowUtc));
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var term = f.Search.Trim();
            var units = from u in db.Units
                        join b in db.Buildings on u.BuildingId equals b.Id
                        where u.Room.Contains(term) || b.Name.Contains(term) || (b.Name + "-" + u.Room).Contains(term)
                        select (int?)u.Id;
            q = q.Where(c => c.Number.Contains(term) || c.Facts.Contains(term) || units.Contains(c.UnitId));
        }
        return q;
    }

    public static async Task<Page<ComplaintRow>> PageAsync(AppDbContext db, IQueryable<Complaint> q, bool hideCustomer, DateTime nowUtc, int pageIndex, int pageSize, CancellationToken ct)
    {
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var units = await MoveInQueries.UnitsAsync(db, items.Where(c => c.UnitId != null).Select(c => c.UnitId!.Value).Distinct().ToList(), ct);
        var rows = items.Select(c => new ComplaintRow(c.Id, c.Number, c.Kind, c.Status, c.Category, c.Department, c.HandlerName,
            c.UnitId is { } u && units.TryGetValue(u, out var o) ? o.Address : null, hideCustomer ? Hidden : c.CustomerName,
            c.ReceivedAt, c.CurrentDueAt, c.IsOverdue(nowUtc), c.DispatchLevel, c.IsRepeat)).ToList();
        return new(rows, total, pageIndex, pageSize);
    }

    public static async Task<ComplaintDetail> DetailAsync(AppDbContext db, Complaint c, bool hideCustomer, ComplaintSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        string? address = null;
        if (c.UnitId is { } unitId && (await MoveInQueries.UnitsAsync(db, [unitId], ct)).TryGetValue(unitId, out var u)) address = u.Address;
        string? ownerName = null;
        if (!hideCustomer && c.OwnerId is { } ownerId)
            ownerName = await db.Owners.AsNoTracking().Where(o => o.Id == ownerId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        string? repeatOf = c.RepeatOfId is { } rid ? await db.Complaints.AsNoTracking().Where(x => x.Id == rid).Select(x => x.Number).FirstOrDefaultAsync(ct) : null;
        var photos = await AttachmentService.ListAsync(db, AttachmentKind.ComplaintPhoto, c.Id, ct);
        return new ComplaintDetail(c.Id, c.Number, c.Version, c.Kind, c.Channel, c.Status,
            c.UnitId, address, hideCustomer ? null : c.OwnerId, ownerName, c.FiledByOwner,
            hideCustomer ? Hidden : c.CustomerName, hideCustomer || c.CustomerPhone == null ? null : ContactRules.MaskPhone(c.CustomerPhone), hideCustomer,
            c.Facts, c.Demand, c.ReceivedAt, c.ReceivedByName,
            c.Category, c.SameDay, c.Class, c.ClassReason, c.Department, c.HandlerId, c.HandlerName, c.DepartmentHeadId, c.DepartmentHeadName,
            c.ClassifiedBy, c.ClassifiedAt, c.DispatchLevel,
            c.PlanDueAt, c.Plan, c.PlannedAt, c.HandleDueAt, c.HandleLimitAt, c.DelayReason, c.SecondDispatchDueAt,
            c.Result, c.HandledBy, c.HandledAt, c.HandledOnTime, c.ReceiverOpinion, c.ManagerOpinion, c.ManagerOpinionBy, c.CallbackDueOn,
            c.LastSatisfaction, c.CustomerOpinion, c.ClosedAt, c.ClosedBy, c.LastFollowUpAt, c.FollowUpDueAt(settings),
            c.IsRepeat, c.RepeatOfId, repeatOf, c.ReopenCount, c.ReopenReason, c.CurrentDueAt, c.IsOverdue(nowUtc),
            c.FollowUps.OrderBy(f => f.At).ToList(), c.Dispatches.OrderBy(d => d.At).ToList(), c.Callbacks.OrderBy(x => x.Round).ToList(), photos,
            c.ContactSharedWithId, c.ContactSharedBy, c.ContactSharedAt);
    }
}
