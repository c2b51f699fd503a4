using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>One line the owner sees of their deposit: what moved, when, why (a deduction's reason), with its receipt.</summary>
public sealed record MyDepositLine(LedgerEntryKind Kind, string Item, decimal Amount, DateTime At, string? Reason, string? ReceiptNumber);

/// <summary>The owner's own deposit for one application: collected, deducted (with reasons), refunded, the balance.</summary>
public sealed record MyDeposit(int ApplicationId, decimal Collected, decimal Deducted, decimal Refunded, decimal Balance, IReadOnlyList<MyDepositLine> Lines,
    bool RefundWaiting);

/// <summary>The deposit in the owner portal (OwnerPortal): only for an application on a unit the owner owns; any other id
/// is "not found". Operator names and damage photos are staff matters and are not shown.</summary>
public sealed class PortalDepositService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<MyDeposit> MyDepositAsync(int applicationId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        var me = tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct) ?? throw new RecordNotFoundException();
        if (!await db.UnitOwnerships.AnyAsync(o => o.UnitId == app.UnitId && o.OwnerId == me, ct)) throw new RecordNotFoundException();
        var entries = await DepositQueries.EntriesAsync(db, app.Id, ct);
        var deposit = entries.Where(e => e.Account == LedgerAccount.Deposit).ToList();
        // A reversal counts against what it reverses, so a mistaken collection shows as collected 0 in the sums.
        var byId = entries.ToDictionary(e => e.Id);
        LedgerEntryKind Effective(DepositLedgerEntry e) => e.Kind == LedgerEntryKind.Reversal && e.ReversesEntryId is { } r && byId.TryGetValue(r, out var o) ? o.Kind : e.Kind;
        decimal Sum(LedgerEntryKind k) => Math.Abs(deposit.Where(e => Effective(e) == k).Sum(e => e.Amount));
        var waiting = await db.DepositRefunds.AnyAsync(r => r.ApplicationId == app.Id && r.Status == RefundStatus.Requested, ct);
        return new MyDeposit(app.Id, Sum(LedgerEntryKind.Collected), Sum(LedgerEntryKind.Deducted), Sum(LedgerEntryKind.Refunded), DepositLedger.Balance(entries),
            entries.Select(e => new MyDepositLine(e.Kind, e.Account == LedgerAccount.Deposit ? "装修保证金" : e.FeeName ?? "", e.Amount, e.At, e.Reason, e.ReceiptNumber)).ToList(),
            waiting);
    }
}
