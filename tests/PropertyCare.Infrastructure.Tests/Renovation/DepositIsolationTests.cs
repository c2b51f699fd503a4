using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Attacks on the deposit services: another project's ledger, receipt, entry, deduction and refund by id are
/// "not found"; HQ reads its own company's report only and writes nothing; an owner has no staff access.</summary>
[Collection(RepairsCollection.Name)]
public class DepositIsolationTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Another_projects_ledger_receipt_entry_deduction_and_refund_are_not_found()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var violation = await w.ViolationAsync(w.A, id, Domain.Renovation.ViolationStatus.Closed);
        var rid = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.Cash);
        var did = await w.Desk(w.A).ProposeDeductionAsync(id, violation, "违章", 100m, []);
        var entry = (await w.EntriesAsync(w.A, id)).First();
        var bDesk = w.Desk(w.B);
        var bMgr = w.Manager(w.B);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => bDesk.LedgerAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => bDesk.ReceiptAsync(entry.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => bDesk.CollectAsync(id, LedgerAccount.Deposit, null, 1m, PaymentMethod.Cash, null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => bMgr.ReverseAsync(entry.Id, "攻击"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => bMgr.DecideDeductionAsync(did, 0, true, null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => bDesk.ProposeDeductionAsync(id, null, "攻击", 1m, [new("x.png", RepairWorld.Png)]));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.DeskRefunds(w.B).RequestAsync(id, PaymentMethod.Cash));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.ManagerRefunds(w.B).ApproveAsync(rid, 0, null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.ManagerRefunds(w.B).RejectAsync(rid, 0, "攻击"));
        Assert.Equal(2, (await w.EntriesAsync(w.A, id)).Count);
        // A receipt-less entry (a reversal) prints no receipt even in its own project.
        var rev = await w.Manager(w.A).ReverseAsync((await w.EntriesAsync(w.A, id)).Single(e => e.Account == LedgerAccount.Fee).Id, "收错");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Desk(w.A).ReceiptAsync(rev));
    }

    [Fact]
    public async Task HQ_reads_and_writes_nothing_and_an_owner_has_no_staff_access()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var hqDesk = w.W.As(Roles.HqAuditor, w.A, "u-hq", "总部").GetRequiredService<DepositService>();
        var hqRefunds = w.W.As(Roles.HqAuditor, w.A, "u-hq", "总部").GetRequiredService<DepositRefundService>();
        Assert.Equal(3000m, (await hqDesk.LedgerAsync(id)).Balance); // HQ reads
        await Assert.ThrowsAsync<AccessDeniedException>(() => hqDesk.CollectAsync(id, LedgerAccount.Deposit, null, 1m, PaymentMethod.Cash, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => hqDesk.ReverseAsync(1, "x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => hqDesk.ProposeDeductionAsync(id, null, "x", 1m, []));
        await Assert.ThrowsAsync<AccessDeniedException>(() => hqDesk.DecideDeductionAsync(1, 0, true, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => hqRefunds.RequestAsync(id, PaymentMethod.Cash));
        await Assert.ThrowsAsync<AccessDeniedException>(() => hqRefunds.ApproveAsync(1, 0, null));

        var owner = w.W.As(Roles.Owner, w.A, "u-owner", "业主", (await w.AppAsync(w.A, id)).OwnerId).GetRequiredService<DepositService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => owner.LedgerAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => owner.ReceiptAsync(1));
    }

    [Fact]
    public async Task An_owner_sees_their_own_deposit_with_deduction_reasons_and_nobody_elses()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var other = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Working);
        var violation = await w.ViolationAsync(w.A, id);
        var did = await w.Desk(w.A).ProposeDeductionAsync(id, violation, "午休时间施工", 200m, []);
        await w.Manager(w.A).DecideDeductionAsync(did, 0, true, null);
        var ownerId = (await w.AppAsync(w.A, id)).OwnerId;
        var portal = w.W.As(Roles.Owner, w.A, "u-owner", "业主", ownerId).GetRequiredService<PortalDepositService>();

        var mine = await portal.MyDepositAsync(id);
        Assert.Equal((3000m, 200m, 0m, 2800m), (mine.Collected, mine.Deducted, mine.Refunded, mine.Balance));
        Assert.Contains(mine.Lines, l => l.Kind == LedgerEntryKind.Deducted && l.Reason == "午休时间施工");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => portal.MyDepositAsync(other));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.W.As(Roles.Owner, w.B, "u-owner", "业主", ownerId).GetRequiredService<PortalDepositService>().MyDepositAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(Roles.ServiceDesk, w.A).GetRequiredService<PortalDepositService>().MyDepositAsync(id));
    }
}
