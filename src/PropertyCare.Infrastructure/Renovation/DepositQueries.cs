using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Reads shared by the deposit services. Every query runs under the tenant filter of <paramref name="db"/>, so an
/// id of another project is simply not found.</summary>
internal static class DepositQueries
{
    public const string ReceiptPrefix = "SJ";

    public static async Task<RenovationApplication> ApplicationAsync(AppDbContext db, int applicationId, CancellationToken ct, bool track = false) =>
        await (track ? db.RenovationApplications : db.RenovationApplications.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == applicationId, ct)
        ?? throw new RecordNotFoundException();

    /// <summary>Every entry of the application; sums are made in memory (decimal sums do not translate on SQLite).</summary>
    public static Task<List<DepositLedgerEntry>> EntriesAsync(AppDbContext db, int applicationId, CancellationToken ct) =>
        db.DepositLedger.AsNoTracking().Where(e => e.ApplicationId == applicationId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);

    /// <summary>SJ-yyyyMMdd-NNNN: the next free number of the day in the project (a race is caught by the unique index and
    /// the caller retries).</summary>
    public static async Task<string> NextReceiptAsync(AppDbContext db, DateOnly day, CancellationToken ct)
    {
        var prefix = $"{ReceiptPrefix}-{day:yyyyMMdd}-";
        var last = await db.DepositLedger.Where(e => e.ReceiptNumber != null && e.ReceiptNumber.StartsWith(prefix))
            .OrderByDescending(e => e.ReceiptNumber).Select(e => e.ReceiptNumber).FirstOrDefaultAsync(ct);
        var pending = db.ChangeTracker.Entries<DepositLedgerEntry>().Select(e => e.Entity.ReceiptNumber).Where(n => n != null && n.StartsWith(prefix));
        var max = new[] { last }.Concat(pending).Where(n => n != null).Select(n => int.Parse(n![^4..])).DefaultIfEmpty(0).Max();
        return $"{prefix}{max + 1:D4}";
    }

    /// <summary>The facts the refund rule needs: open violations (not closed), open deductions (proposed), unfinished
    /// repair orders raised for damage by the works (a violation's RepairOrderId), a refund already waiting.</summary>
    public static async Task<RefundFacts> RefundFactsAsync(AppDbContext db, RenovationApplication app, decimal balance, DateOnly today, CancellationToken ct)
    {
        var violations = await db.RenovationViolations.AsNoTracking().Where(v => v.ApplicationId == app.Id)
            .Select(v => new { v.Status, v.RepairOrderId }).ToListAsync(ct);
        var repairIds = violations.Where(v => v.RepairOrderId != null).Select(v => v.RepairOrderId!.Value).Distinct().ToList();
        var openRepairs = repairIds.Count == 0 ? 0 : await db.RepairOrders.AsNoTracking()
            .CountAsync(o => repairIds.Contains(o.Id) && o.Status != RepairStatus.Completed && o.Status != RepairStatus.Closed && o.Status != RepairStatus.Cancelled, ct);
        var openDeductions = await db.DepositDeductions.CountAsync(d => d.ApplicationId == app.Id && d.Status == DeductionStatus.Proposed, ct);
        var pending = await db.DepositRefunds.AnyAsync(r => r.ApplicationId == app.Id && r.Status == RefundStatus.Requested, ct);
        return new RefundFacts(app.Status, app.AcceptedOn, app.ObservationEndsOn, today, balance, violations.Count(v => v.Status != ViolationStatus.Closed),
            openDeductions, openRepairs, pending);
    }

    /// <summary>Tells the application's owner (in-app to each portal account, SMS to the phone), in the caller's unit of work.</summary>
    public static async Task TellOwnerAsync(AppDbContext db, NotificationOutbox outbox, RenovationApplication app, string subject, string text, string key, CancellationToken ct)
    {
        var phone = await db.Owners.AsNoTracking().Where(o => o.Id == app.OwnerId).Select(o => o.Phone).FirstOrDefaultAsync(ct);
        foreach (var account in await VacantQueries.PortalUsersOf(db, app.OwnerId).Select(u => u.Id).ToListAsync(ct))
            await outbox.EnqueueAsync(db, Channel.InApp, account, subject, text, $"{key}-{account}-inapp", ct);
        if (!string.IsNullOrWhiteSpace(phone)) await outbox.EnqueueAsync(db, Channel.Sms, phone, subject, text, $"{key}-owner{app.OwnerId}-sms", ct);
    }

    public static async Task<string> AddressAsync(AppDbContext db, int unitId, CancellationToken ct) =>
        (await RepairQueries.AddressesAsync(db, [unitId], ct)).GetValueOrDefault(unitId, "");
}
