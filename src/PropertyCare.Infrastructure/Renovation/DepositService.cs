using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>装修保证金台账 of one application: the ledger view, collecting the deposit or a fee with its receipt (from the
/// approval on), reversing a mistaken entry (冲正, manager), deductions proposed by the desk and decided by the manager,
/// and receipts. Money moves only by appending entries; the balance is derived. Reading needs RenovationRead, collecting
/// and proposing RenovationWrite, reversing and deciding RenovationApprove. Refunds: <see cref="DepositRefundService"/>.</summary>
public sealed class DepositService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<DepositLedgerView> LedgerAsync(int applicationId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await DepositQueries.ApplicationAsync(db, applicationId, ct);
        var entries = await DepositQueries.EntriesAsync(db, app.Id, ct);
        var reversed = entries.Where(e => e.ReversesEntryId != null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
        var rows = entries.Select(e => new DepositEntryRow(e.Id, e.Kind, e.Account, e.FeeName, e.Amount, e.Method, e.ReceiptNumber, e.OperatorName, e.At,
            e.Reason, e.ReversesEntryId, reversed.Contains(e.Id))).ToList();
        var balance = DepositLedger.Balance(entries);
        var deductions = await db.DepositDeductions.AsNoTracking().Where(d => d.ApplicationId == app.Id).OrderByDescending(d => d.Id).ToListAsync(ct);
        var photos = await AttachmentService.ListAsync(db, AttachmentKind.DepositDamagePhoto, deductions.Select(d => d.Id).ToList(), ct);
        var refunds = await db.DepositRefunds.AsNoTracking().Where(r => r.ApplicationId == app.Id).OrderByDescending(r => r.Id).ToListAsync(ct);
        var facts = await DepositQueries.RefundFactsAsync(db, app, balance, Clock.Today, ct);
        var violations = await db.RenovationViolations.AsNoTracking().Where(v => v.ApplicationId == app.Id).OrderBy(v => v.Id)
            .Select(v => new { v.Id, v.Type }).ToListAsync(ct);
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == app.OwnerId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return new DepositLedgerView(app.Id, app.Number, await DepositQueries.AddressAsync(db, app.UnitId, ct), owner, app.Status, app.DepositDue, app.FeesDue,
            rows, balance, DepositLedger.FeesPaid(entries),
            deductions.Select(d => new DeductionRow(d.Id, d.ViolationId, d.Reason, d.Amount, d.Status, d.ProposedByName, d.ProposedAt, d.DecidedByName,
                d.DecidedAt, d.DecisionNote, photos.GetValueOrDefault(d.Id, []), d.Version)).ToList(),
            refunds.Select(r => new RefundRow(r.Id, r.Status, r.Method, r.RequestedBy, r.RequestedByName, r.RequestedAt, r.DecidedByName, r.DecidedAt,
                r.DecisionNote, r.Amount, r.LedgerEntryId, r.Version)).ToList(),
            RefundEligibility.Check(facts), CanCollect(app.Status), app.ObservationEndsOn, violations.Select(v => (v.Id, v.Type)).ToList());
    }

    /// <summary>From the approval on, until the application is settled.</summary>
    public static bool CanCollect(RenovationStatus s) => s is RenovationStatus.Approved or RenovationStatus.Working or RenovationStatus.Stopped or RenovationStatus.Accepted;

    /// <summary>收取 the deposit (up to what is still due) or a fee due and not yet paid, with a receipt numbered
    /// SJ-yyyyMMdd-NNNN; the owner is told. Returns the entry id and the receipt number.</summary>
    public async Task<(long EntryId, string ReceiptNumber)> CollectAsync(int applicationId, LedgerAccount account, string? feeName, decimal amount,
        PaymentMethod method, string? remark, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        var user = tenant.RequireUser();
        var clock = Clock;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var app = await DepositQueries.ApplicationAsync(db, applicationId, ct);
            if (!CanCollect(app.Status))
                throw new DomainException(new($"申请当前为“{app.Status.Label().Zh}”，不能收款（批准后方可收取）",
                    $"The application is {app.Status.Label().En}: money is collected from the approval on"));
            var entries = await DepositQueries.EntriesAsync(db, app.Id, ct);
            var e = new List<FieldError>();
            if (account == LedgerAccount.Deposit)
            {
                var outstanding = app.DepositDue - DepositLedger.Balance(entries);
                if (amount > outstanding)
                    e.Add(new(nameof(DepositLedgerEntry.Amount), outstanding <= 0
                        ? new("保证金已收足", "The deposit is held in full")
                        : new($"最多还应收 {Money.Format(outstanding)}", $"At most {Money.Format(outstanding)} is still due")));
                feeName = null;
            }
            else if (account == LedgerAccount.Fee)
            {
                var name = feeName?.Trim();
                if (!string.IsNullOrEmpty(name) && app.FeesDue.All(f => f.Name != name))
                    e.Add(new(nameof(DepositLedgerEntry.FeeName), new($"“{name}”不是本申请的应缴费用", $"'{name}' is not a fee of this application")));
                else if (!string.IsNullOrEmpty(name) && DepositLedger.FeesPaid(entries).Contains(name))
                    e.Add(new(nameof(DepositLedgerEntry.FeeName), new($"“{name}”已缴", $"'{name}' is paid already")));
                else if (app.FeesDue.FirstOrDefault(f => f.Name == name) is { } fee && amount != fee.Amount)
                    e.Add(new(nameof(DepositLedgerEntry.Amount), new($"“{name}”应缴 {Money.Format(fee.Amount)}", $"'{name}' is {Money.Format(fee.Amount)}")));
            }
            else throw new ArgumentOutOfRangeException(nameof(account));
            e.ThrowIfAny();
            var receipt = await DepositQueries.NextReceiptAsync(db, clock.Today, ct);
            var entry = DepositLedgerEntry.Collect(app.Id, account, feeName, amount, method, receipt, user.UserId, user.DisplayName, clock.UtcNow, remark);
            db.DepositLedger.Add(entry);
            var item = account == LedgerAccount.Deposit ? "装修保证金" : entry.FeeName;
            await DepositQueries.TellOwnerAsync(db, outbox, app, "装修款项已收取",
                $"您的装修申请 {app.Number} 已收取{item} {Money.Format(amount)}（收据号 {receipt}）。", $"deposit-collect-{receipt}", ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (entry.Id, receipt);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another collection took the same receipt number at the same moment: number again (a busy desk has a few
                // cashiers at once; the test races four).
                await tx.RollbackAsync(ct);
            }
        }
    }

    /// <summary>冲正 a mistaken collection or deduction by its counter-entry, with the reason (manager). Refused when the
    /// deposit would go below zero (money already deducted or refunded from it) or the application is closed.</summary>
    public async Task<long> ReverseAsync(long entryId, string reason, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationApprove);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.DepositLedger.AsNoTracking().FirstOrDefaultAsync(x => x.Id == entryId, ct) ?? throw new RecordNotFoundException();
        var app = await DepositQueries.ApplicationAsync(db, entry.ApplicationId, ct);
        if (app.Status == RenovationStatus.Closed || app.ClosedAt != null) throw new DomainException(new("申请已结案，台账不能再变动", "The application is closed"));
        var entries = await DepositQueries.EntriesAsync(db, app.Id, ct);
        if (entries.Any(x => x.ReversesEntryId == entry.Id)) throw new DomainException(new("该记录已冲正", "This entry is reversed already"));
        var reversal = DepositLedgerEntry.Reverse(entry, reason, user.UserId, user.DisplayName, Clock.UtcNow);
        if (reversal.Account == LedgerAccount.Deposit && DepositLedger.Balance(entries) + reversal.Amount < 0)
            throw new DomainException(new("冲正后保证金余额将为负数，不能冲正", "The deposit would go below zero"));
        db.DepositLedger.Add(reversal);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new DomainException(new("该记录已冲正", "This entry is reversed already")); }
        await tx.CommitAsync(ct);
        return reversal.Id;
    }

    /// <summary>提议扣款: for a violation of this application, or for damage described and shown by photos (at least one).</summary>
    public async Task<int> ProposeDeductionAsync(int applicationId, int? violationId, string reason, decimal amount, IReadOnlyCollection<PhotoUpload> photos,
        CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        var user = tenant.RequireUser();
        var clock = Clock;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await DepositQueries.ApplicationAsync(db, applicationId, ct);
        if (app.Status is not (RenovationStatus.Working or RenovationStatus.Stopped or RenovationStatus.Accepted))
            throw new DomainException(new($"申请当前为“{app.Status.Label().Zh}”，不能扣款", $"The application is {app.Status.Label().En}: no deduction"));
        if (violationId is { } vid && !await db.RenovationViolations.AnyAsync(v => v.Id == vid && v.ApplicationId == app.Id, ct))
            throw new RecordNotFoundException();
        if (violationId is { } open && await db.DepositDeductions.AnyAsync(d => d.ViolationId == open && d.Status != DeductionStatus.Rejected, ct))
            throw new DomainException(new("该违章已有扣款建议", "A deduction was proposed for this violation already"));
        var deduction = DepositDeduction.Propose(app.Id, violationId, reason, amount, user.UserId, user.DisplayName, clock.UtcNow);
        if (violationId == null && photos.Count == 0)
            throw new ValidationException([new("Photos", new("损坏扣款须附现场照片", "A deduction for damage needs photos"))]);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DepositDeductions.Add(deduction);
        await db.SaveChangesAsync(ct);
        await AttachmentService.AddAsync(db, AttachmentKind.DepositDamagePhoto, deduction.Id, photos, user.DisplayName, clock.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return deduction.Id;
    }

    /// <summary>The manager approves (the Deducted entry is written in the same transaction, up to the balance) or rejects.</summary>
    public async Task DecideDeductionAsync(int deductionId, int expectedVersion, bool approve, string? note, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationApprove);
        var user = tenant.RequireUser();
        var now = Clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var d = await db.DepositDeductions.FirstOrDefaultAsync(x => x.Id == deductionId, ct) ?? throw new RecordNotFoundException();
        if (d.Version != expectedVersion) throw new ConcurrencyConflictException();
        if (!approve)
        {
            d.Reject(note ?? "", user.UserId, user.DisplayName, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return;
        }
        var app = await DepositQueries.ApplicationAsync(db, d.ApplicationId, ct);
        if (app.ClosedAt != null) throw new DomainException(new("申请已结案，台账不能再变动", "The application is closed"));
        d.Approve(DepositLedger.Balance(await DepositQueries.EntriesAsync(db, d.ApplicationId, ct)), note, user.UserId, user.DisplayName, now);
        await db.SaveChangesAsync(ct);
        var entry = DepositLedgerEntry.Deduct(d, user.UserId, user.DisplayName, now);
        db.DepositLedger.Add(entry);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new ConcurrencyConflictException(); }
        d.Booked(entry.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>What the receipt of a collection or refund prints (entries without a receipt are not found here).</summary>
    public async Task<DepositReceipt> ReceiptAsync(long entryId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.DepositLedger.AsNoTracking().FirstOrDefaultAsync(x => x.Id == entryId && x.ReceiptNumber != null, ct) ?? throw new RecordNotFoundException();
        var app = await DepositQueries.ApplicationAsync(db, e.ApplicationId, ct);
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == app.OwnerId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var amount = Math.Abs(e.Amount);
        var item = e.Kind == LedgerEntryKind.Refunded ? "装修保证金清退" : e.Account == LedgerAccount.Deposit ? "装修保证金" : e.FeeName ?? "";
        return new DepositReceipt(e.Id, tenant.Project!.Name, e.ReceiptNumber!, e.Kind, owner, await DepositQueries.AddressAsync(db, app.UnitId, ct), app.Number,
            item, amount, ChineseCapitals.Of(amount), e.Method, e.OperatorName, Clock.ToLocal(e.At), e.Reason);
    }
}
