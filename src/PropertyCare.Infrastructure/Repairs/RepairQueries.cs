using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>Reading orders for lists and the detail page; shared by the desk, technician and portal services,
/// each of which narrows <c>orders</c> to what its user may see before calling in.</summary>
internal static class RepairQueries
{
    public static IQueryable<RepairOrder> Apply(this IQueryable<RepairOrder> q, RepairListQuery query, AppDbContext db, DateTime nowUtc)
    {
        q = query.Filter switch
        {
            RepairFilter.ToDispatch => q.Where(o => o.Status == RepairStatus.Registered || o.Status == RepairStatus.Returned),
            RepairFilter.InProgress => q.Where(o => o.Status == RepairStatus.Dispatched || o.Status == RepairStatus.Accepted || o.Status == RepairStatus.Arrived),
            RepairFilter.AwaitingCallback => q.Where(o => o.Status == RepairStatus.Completed || o.Status == RepairStatus.Rework),
            RepairFilter.Finished => q.Where(o => o.Status == RepairStatus.Closed || o.Status == RepairStatus.Cancelled),
            _ => q,
        };
        if (query.OverdueOnly) q = q.OpenAndOverdue(nowUtc);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var t = query.Text.Trim();
            var units = db.Units.Where(u => u.Room == t || (u.Building!.Name + "-" + u.Room) == t).Select(u => (int?)u.Id);
            q = q.Where(o => o.Number.Contains(t) || (o.ContactName != null && o.ContactName.Contains(t)) || o.ContactPhone == t
                || o.Description.Contains(t) || (o.CommonArea != null && o.CommonArea.Contains(t)) || units.Contains(o.UnitId));
        }
        return q;
    }

    /// <summary>The query form of <see cref="RepairOrder.IsOverdue"/>: still open and past its deadline.</summary>
    public static IQueryable<RepairOrder> OpenAndOverdue(this IQueryable<RepairOrder> q, DateTime nowUtc) =>
        q.Where(o => o.DueAt < nowUtc && (o.Status == RepairStatus.Registered || o.Status == RepairStatus.Returned
            || o.Status == RepairStatus.Dispatched || o.Status == RepairStatus.Accepted || o.Status == RepairStatus.Arrived));

    public static async Task<List<RepairListRow>> RowsAsync(IQueryable<RepairOrder> q, AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var orders = await q.Select(o => new
        {
            o.Id, o.Number, o.UnitId, o.CommonArea, o.Category, o.Status, o.Urgency, o.ReceivedAt, o.DueAt, o.TechnicianName, o.ContactName, o.Round, o.Version,
        }).ToListAsync(ct);
        var places = await AddressesAsync(db, orders.Where(o => o.UnitId != null).Select(o => o.UnitId!.Value).Distinct().ToList(), ct);
        return orders.Select(o => new RepairListRow(o.Id, o.Number, Location(o.UnitId, o.CommonArea, places), o.Category, o.Status, o.Urgency,
            o.ReceivedAt, o.DueAt, o.Status.IsOpen() && nowUtc > o.DueAt, o.TechnicianName, o.ContactName, o.Round, o.Version)).ToList();
    }

    public static async Task<Dictionary<int, string>> AddressesAsync(AppDbContext db, List<int> unitIds, CancellationToken ct) =>
        (await db.Units.Where(u => unitIds.Contains(u.Id)).Select(u => new UnitAddress(u.Id, u.Building!.Name, u.Entrance, u.Room)).ToListAsync(ct))
            .ToDictionary(a => a.UnitId, a => a.ToString());

    public static string Location(int? unitId, string? commonArea, Dictionary<int, string> places) =>
        unitId is { } id ? places.GetValueOrDefault(id, "") : $"公共区域：{commonArea}";

    public static async Task<RepairDetail> DetailAsync(AppDbContext db, RepairOrder o, bool fullPhone, Domain.Tenancy.Project project, CancellationToken ct)
    {
        var places = o.UnitId is { } u ? await AddressesAsync(db, [u], ct) : [];
        var photos = await db.RepairPhotos.Where(p => p.RepairOrderId == o.Id).OrderBy(p => p.Stage).ThenBy(p => p.Id)
            .Select(p => new PhotoRef(p.Id, p.Stage, p.FileName)).ToListAsync(ct);
        var callbacks = await db.Callbacks.Where(c => c.RepairOrderId == o.Id).OrderBy(c => c.Round).Select(c => new CallbackRow(c.Id, c.Round, c.DueOn,
            c.Status, c.Attempts, c.LastOutcome, c.CalledByName, c.DoneAt, c.Respondent, c.Attitude, c.SiteCleaned, c.FeeCorrect, c.Satisfaction, c.Remarks, c.Channel))
            .ToListAsync(ct);
        var reworkOf = o.ReworkOfId is { } rid
            ? await db.RepairOrders.Where(x => x.Id == rid).Select(x => new LinkedOrder(x.Id, x.Number, x.Status)).FirstOrDefaultAsync(ct) : null;
        var reworks = await db.RepairOrders.Where(x => x.ReworkOfId == o.Id).OrderBy(x => x.Id).Select(x => new LinkedOrder(x.Id, x.Number, x.Status)).ToListAsync(ct);
        var phone = fullPhone ? o.ContactPhone : ContactRules.MaskPhone(o.ContactPhone);
        return new RepairDetail(o, Location(o.UnitId, o.CommonArea, places), phone, !fullPhone, project.Name, project.Company?.Name ?? "",
            photos, callbacks, reworkOf, reworks, project.TimeZone);
    }

    /// <summary>Orders a list query; the id breaks ties so that paging never repeats or skips an order.</summary>
    public static IQueryable<RepairOrder> Sorted(IQueryable<RepairOrder> q, RepairSort sort) => sort switch
    {
        RepairSort.Oldest => q.OrderBy(o => o.Id),
        RepairSort.DueFirst => q.OrderBy(o => o.DueAt).ThenBy(o => o.Id),
        RepairSort.DueLast => q.OrderByDescending(o => o.DueAt).ThenByDescending(o => o.Id),
        _ => q.OrderByDescending(o => o.Id),
    };
}
