using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Below the services: the database itself keeps the ledger append-only (LedgerGuard's triggers from the
/// Renovation migration) and its unique indexes keep receipts, causes and reversals single — whatever code talks to it.</summary>
public class DepositLedgerGuardTests : IDisposable
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private TestDatabase? _t;
    private TestDatabase T => _t ??= new TestDatabase(Provider);

    /// <summary>An approved application of project <paramref name="p"/> with one deposit collection; returns their ids.</summary>
    private (int AppId, long EntryId) Seed(Project p, string room = "1201", string receipt = "SJ-20261123-0001")
    {
        var (_, unit, owner) = T.SeedOwner(p, room);
        using var db = T.Db(T.Tenant(p));
        var settings = RenovationSettings.Defaults(p.Id);
        var d = new ApplicationDetails("好家装饰", "91310000MA1K", "王工", "13900001111", ["墙面涂刷/贴砖"], new(2026, 11, 23), new(2026, 12, 20), null);
        var app = RenovationApplication.File(unit.Id, owner.Id, d, settings, false, "u", Now, new(2026, 11, 23));
        app.Number = "ZX-" + room;
        app.DeskCheck(true, null, "u", Now);
        app.Review(ReviewDecision.Approved, null, settings, unit.Area, "u", Now);
        db.RenovationApplications.Add(app);
        db.SaveChanges();
        var e = DepositLedgerEntry.Collect(app.Id, LedgerAccount.Deposit, null, 3000m, PaymentMethod.Cash, receipt, "u", "客服", Now);
        db.DepositLedger.Add(e);
        db.SaveChanges();
        return (app.Id, e.Id);
    }

    private static string Messages(Exception e)
    {
        var all = "";
        for (Exception? x = e; x != null; x = x.InnerException) all += x.Message + "\n";
        return all;
    }

    private decimal StoredAmount(long id)
    {
        using var db = T.Db(null);
        return db.DepositLedger.IgnoreQueryFilters().AsNoTracking().Single(x => x.Id == id).Amount;
    }

    [Fact]
    public async Task Raw_sql_update_and_delete_are_refused_by_the_database()
    {
        var (_, id) = Seed(T.A1);
        await using var db = T.Db(null);
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"DepositLedger\" SET \"Amount\" = 1 WHERE \"Id\" = {id}"));
        Assert.Contains(LedgerGuard.Message, Messages(update));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"DepositLedger\""));
        Assert.Contains(LedgerGuard.Message, Messages(delete));
        Assert.Equal(3000m, StoredAmount(id));
    }

    [Fact]
    public async Task Updating_or_removing_an_entry_through_EF_is_refused()
    {
        var (_, id) = Seed(T.A1);
        await using (var db = T.Db(T.Tenant(T.A1)))
        {
            var e = await db.DepositLedger.SingleAsync(x => x.Id == id);
            db.Entry(e).Property(x => x.Amount).CurrentValue = 1m;
            Assert.Contains(LedgerGuard.Message, Messages(await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync())));
        }
        await using (var db = T.Db(T.Tenant(T.A1)))
        {
            db.DepositLedger.Remove(await db.DepositLedger.SingleAsync(x => x.Id == id));
            Assert.Contains(LedgerGuard.Message, Messages(await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync())));
        }
        await using (var db = T.Db(null))
            Assert.Contains(LedgerGuard.Message, Messages(await Assert.ThrowsAnyAsync<Exception>(() => db.DepositLedger.IgnoreQueryFilters().ExecuteDeleteAsync())));
        Assert.Equal(3000m, StoredAmount(id));
    }

    [Fact]
    public async Task Truncate_is_refused_on_PostgreSQL()
    {
        if (Provider != DatabaseProvider.PostgreSql) return; // SQLite has no TRUNCATE: DELETE is its only way, refused above
        var (_, id) = Seed(T.A1);
        await using var db = T.Db(null);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"DepositLedger\" CASCADE"));
        Assert.Contains(LedgerGuard.Message, Messages(ex));
        Assert.Equal(3000m, StoredAmount(id));
    }

    [Fact]
    public void A_receipt_number_is_unique_in_its_project_only()
    {
        Seed(T.A1, "1201", "SJ-20261123-0001");
        Assert.ThrowsAny<DbUpdateException>(() => Seed(T.A1, "1202", "SJ-20261123-0001"));
        Seed(T.A2, "1203", "SJ-20261123-0001"); // another project prints its own series
    }

    [Fact]
    public void A_deduction_or_refund_writes_one_entry_and_an_entry_is_reversed_once()
    {
        var (appId, entryId) = Seed(T.A1);
        var t = T.Tenant(T.A1);
        int deductionId;
        using (var db = T.Db(t))
        {
            var d = DepositDeduction.Propose(appId, null, "损坏", 100m, "u", "客服", Now);
            db.DepositDeductions.Add(d);
            db.SaveChanges();
            d.Approve(3000m, null, "m", "经理", Now);
            db.SaveChanges();
            db.DepositLedger.Add(DepositLedgerEntry.Deduct(d, "m", "经理", Now));
            db.SaveChanges();
            deductionId = d.Id;
        }
        using (var db = T.Db(t))
        {
            var d = db.DepositDeductions.Single(x => x.Id == deductionId);
            db.DepositLedger.Add(DepositLedgerEntry.Deduct(d, "m", "经理", Now));
            Assert.ThrowsAny<DbUpdateException>(() => db.SaveChanges());
        }
        using (var db = T.Db(t))
        {
            var e = db.DepositLedger.AsNoTracking().Single(x => x.Id == entryId);
            db.DepositLedger.Add(DepositLedgerEntry.Reverse(e, "收错", "m", "经理", Now));
            db.SaveChanges();
        }
        using (var db = T.Db(t))
        {
            var e = db.DepositLedger.AsNoTracking().Single(x => x.Id == entryId);
            db.DepositLedger.Add(DepositLedgerEntry.Reverse(e, "再冲", "m", "经理", Now));
            Assert.ThrowsAny<DbUpdateException>(() => db.SaveChanges());
        }
        using (var db = T.Db(t))
        {
            var r1 = DepositRefund.Request(appId, PaymentMethod.Cash, [], "u", "客服", Now);
            db.DepositRefunds.Add(r1);
            db.SaveChanges();
            db.DepositRefunds.Add(DepositRefund.Request(appId, PaymentMethod.Cash, [], "u", "客服", Now));
            Assert.ThrowsAny<DbUpdateException>(() => db.SaveChanges()); // one live refund per application
        }
        using (var db = T.Db(t))
            Assert.Equal(3, db.DepositLedger.Count());
    }

    public void Dispose()
    {
        _t?.Dispose();
        GC.SuppressFinalize(this);
    }
}
