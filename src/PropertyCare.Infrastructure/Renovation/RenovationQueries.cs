using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Reads the desk and portal services share: list rows, the detail with workers, documents and the money
/// derived from the ledger, loading an application for a step (tenant-filtered: another project's is "not found").</summary>
internal static class RenovationQueries
{
    public static IQueryable<RenovationApplication> Apply(this IQueryable<RenovationApplication> q, AppDbContext db, RenovationListQuery query, DateOnly today)
    {
        if (query.Status is { } s) q = q.Where(a => a.Status == s);
        if (query.OverdueOnly)
            q = q.Where(a => (a.Status == RenovationStatus.Working || a.Status == RenovationStatus.Stopped) && a.ApprovedEnd < today);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var units = from u in db.Units
                        join b in db.Buildings on u.BuildingId equals b.Id
                        where u.Room.Contains(term) || b.Name.Contains(term) || (b.Name + "-" + u.Room).Contains(term)
                        select u.Id;
            q = q.Where(a => units.Contains(a.UnitId) || a.Number.Contains(term));
        }
        return q;
    }

    public static async Task<List<RenovationRow>> RowsAsync(AppDbContext db, IQueryable<RenovationApplication> q, DateOnly today, CancellationToken ct)
    {
        var apps = await q.ToListAsync(ct);
        var units = await MoveInQueries.UnitsAsync(db, apps.Select(a => a.UnitId).Distinct().ToList(), ct);
        var ownerIds = apps.Select(a => a.OwnerId).Distinct().ToList();
        var owners = await db.Owners.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return apps.Select(a => new RenovationRow(a.Id, a.Number, a.UnitId, units.TryGetValue(a.UnitId, out var u) ? u.Address : "", owners.GetValueOrDefault(a.OwnerId, ""),
            a.ContractorCompany, a.Status, a.PlannedStart, a.ApprovedEnd, a.IsOverdue(today), a.PendingExtension != null, a.FiledAt)).ToList();
    }

    public static async Task<Page<RenovationRow>> PageAsync(AppDbContext db, IQueryable<RenovationApplication> q, DateOnly today, int pageIndex, int pageSize, CancellationToken ct)
    {
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await q.CountAsync(ct);
        var rows = await RowsAsync(db, q.OrderByDescending(a => a.FiledAt).ThenByDescending(a => a.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize), today, ct);
        return new(rows, total, pageIndex, pageSize);
    }

    public static async Task<RenovationDetail> DetailAsync(AppDbContext db, RenovationApplication a, DateOnly today, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == a.UnitId, ct);
        var address = (await MoveInQueries.UnitsAsync(db, [a.UnitId], ct))[a.UnitId].Address;
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == a.OwnerId).Select(o => new { o.Name, o.Phone }).FirstAsync(ct);
        var entries = await db.DepositLedger.AsNoTracking().Where(e => e.ApplicationId == a.Id).ToListAsync(ct);
        var workers = await WorkersAsync(db, a.Id, ct);
        var docs = await AttachmentService.ListAsync(db, AttachmentKind.RenovationDocument, a.Id, ct);
        return new RenovationDetail(a.Id, a.Number, a.Version, a.Status, a.UnitId, address, unit.Area, unit.State,
            a.OwnerId, owner.Name, ContactRules.MaskPhone(owner.Phone), a.FiledByOwner, a.FiledAt,
            a.ContractorCompany, a.ContractorLicence, a.ContractorPerson, ContactRules.MaskPhone(a.ContractorPhone),
            a.Scope, a.PlannedStart, a.PlannedEnd, a.ApprovedEnd, a.Notes, a.ReturnReason, a.Decision, a.DecisionText, a.ReviewedAt,
            a.DepositDue, a.FeesDue, DepositLedger.Balance(entries), DepositLedger.FeesPaid(entries),
            a.PermitNumber, a.PermitIssuedAt, a.Extensions, a.StopReason, a.AcceptedOn, a.ObservationEndsOn, a.WithdrawReason, a.IsOverdue(today),
            workers, docs);
    }

    public static async Task<List<WorkerView>> WorkersAsync(AppDbContext db, int applicationId, CancellationToken ct) =>
        (await db.RenovationWorkers.AsNoTracking().Where(w => w.ApplicationId == applicationId).OrderBy(w => w.Id).ToListAsync(ct))
        .Select(w => new WorkerView(w.Id, w.Name, ContactRules.MaskIdNumber(w.IdNumber), ContactRules.MaskPhone(w.Phone), w.Trade, w.Revoked, w.Version)).ToList();

    /// <summary>The application, tracked, at the version the user saw.</summary>
    public static async Task<RenovationApplication> LoadAsync(AppDbContext db, int id, int expectedVersion, CancellationToken ct)
    {
        var a = await db.RenovationApplications.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(a, expectedVersion);
        return a;
    }
}
