using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>保证金清退: the desk requests (RenovationWrite) when <see cref="RefundEligibility"/> finds nothing against it;
/// another person with RenovationApprove approves — the amount is the balance at that moment, never an input — which
/// writes the Refunded entry with its receipt and closes the application in ONE transaction; or rejects with a reason.
/// Two approvals racing end in one refund: the refund's version, the unique cause of the entry and the one-live-refund
/// index each stop the second.</summary>
public sealed class DepositRefundService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<int> RequestAsync(int applicationId, PaymentMethod method, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        var user = tenant.RequireUser();
        var clock = Clock;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await DepositQueries.ApplicationAsync(db, applicationId, ct);
        var balance = DepositLedger.Balance(await DepositQueries.EntriesAsync(db, app.Id, ct));
        var facts = await DepositQueries.RefundFactsAsync(db, app, balance, clock.Today, ct);
        var refund = DepositRefund.Request(app.Id, method, RefundEligibility.Check(facts), user.UserId, user.DisplayName, clock.UtcNow);
        db.DepositRefunds.Add(refund);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new DomainException(new("已有待审批的清退申请", "A refund request is already waiting for approval")); }
        return refund.Id;
    }

    /// <summary>Approves: four eyes (never the requester), the rule checked again (a violation may have been found since
    /// the request), the balance refunded whole with a receipt, the application closed, the owner told.</summary>
    public async Task<(long EntryId, string ReceiptNumber)> ApproveAsync(int refundId, int expectedVersion, string? note, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationApprove);
        var user = tenant.RequireUser();
        var clock = Clock;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var refund = await db.DepositRefunds.FirstOrDefaultAsync(r => r.Id == refundId, ct) ?? throw new RecordNotFoundException();
                if (refund.Version != expectedVersion) throw new ConcurrencyConflictException();
                var app = await DepositQueries.ApplicationAsync(db, refund.ApplicationId, ct, track: true);
                var balance = DepositLedger.Balance(await DepositQueries.EntriesAsync(db, app.Id, ct));
                // The pending request is this one: only the other reasons count now.
                var facts = await DepositQueries.RefundFactsAsync(db, app, balance, clock.Today, ct) with { RefundPending = false };
                var blockers = RefundEligibility.Check(facts);
                if (refund.Status == RefundStatus.Requested && blockers.Count > 0) throw new ValidationException(blockers.Select(b => new FieldError("Refund", b)).ToList());
                var now = clock.UtcNow;
                refund.Approve(balance, note, user.UserId, user.DisplayName, now);
                await db.SaveChangesAsync(ct);
                var receipt = await DepositQueries.NextReceiptAsync(db, clock.Today, ct);
                var entry = DepositLedgerEntry.Refund(refund, balance, receipt, user.UserId, user.DisplayName, now);
                db.DepositLedger.Add(entry);
                await db.SaveChangesAsync(ct);
                refund.Booked(entry.Id);
                app.Close(balance + entry.Amount, now);
                await DepositQueries.TellOwnerAsync(db, outbox, app, "装修保证金已清退",
                    $"您的装修申请 {app.Number} 的保证金 {Money.Format(balance)} 已审批清退（{refund.Method.Label().Zh}，收据号 {receipt}），申请已结案。",
                    $"deposit-refund-{refund.Id}", ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (entry.Id, receipt);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A receipt number taken at the same moment, or the same refund approved by someone else: start again from
                // fresh rows — the second case then ends in a clear refusal (not requested any more, or a changed version).
                await tx.RollbackAsync(ct);
            }
        }
    }

    public async Task RejectAsync(int refundId, int expectedVersion, string note, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationApprove);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var refund = await db.DepositRefunds.FirstOrDefaultAsync(r => r.Id == refundId, ct) ?? throw new RecordNotFoundException();
        if (refund.Version != expectedVersion) throw new ConcurrencyConflictException();
        refund.Reject(note, user.UserId, user.DisplayName, Clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }
}
