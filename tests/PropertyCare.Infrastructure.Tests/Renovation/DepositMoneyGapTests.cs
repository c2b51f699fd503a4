using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Gaps the mutation run found in the deposit money paths: reversal of a settled application or of an entry
/// reversed already (refused by the service itself), collection limits, one live deduction per violation, the item
/// named on receipts and messages, and what the ledger page shows and in which order.</summary>
[Collection(RepairsCollection.Name)]
public class DepositMoneyGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Nothing_of_a_settled_application_is_reversed_whether_closed_or_withdrawn()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var closed = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var rid = await w.DeskRefunds(w.A).RequestAsync(closed, PaymentMethod.Cash);
        await w.ManagerRefunds(w.A).ApproveAsync(rid, 0, null);
        var fee = (await w.EntriesAsync(w.A, closed)).Single(e => e.Account == LedgerAccount.Fee);
        // A fee never touches the deposit balance: only the closing stops this one.
        var ex = await Assert.ThrowsAsync<DomainException>(() => w.Manager(w.A).ReverseAsync(fee.Id, "收错了"));
        Assert.Contains("已结案", ex.Text.Zh);

        var withdrawn = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Withdrawn);
        var wid = await w.DeskRefunds(w.A).RequestAsync(withdrawn, PaymentMethod.Cash);
        await w.ManagerRefunds(w.A).ApproveAsync(wid, 0, null);
        Assert.Equal(RenovationStatus.Withdrawn, (await w.AppAsync(w.A, withdrawn)).Status);
        var deposit = (await w.EntriesAsync(w.A, withdrawn)).First(e => e.Kind == LedgerEntryKind.Collected);
        ex = await Assert.ThrowsAsync<DomainException>(() => w.Manager(w.A).ReverseAsync(deposit.Id, "收错了"));
        Assert.Contains("已结案", ex.Text.Zh);
        Assert.Equal(3, (await w.EntriesAsync(w.A, closed)).Count);
        Assert.Equal(2, (await w.EntriesAsync(w.A, withdrawn)).Count);
    }

    [Fact]
    public async Task An_entry_reversed_already_is_refused_by_the_service_before_any_other_rule()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Approved);
        var (eid, _) = await w.Desk(w.A).CollectAsync(id, LedgerAccount.Deposit, null, 3000m, PaymentMethod.Cash, null);
        await w.Manager(w.A).ReverseAsync(eid, "收错户");
        // A second reversal would also take the balance below zero: the first refusal named is "reversed already".
        var ex = await Assert.ThrowsAsync<DomainException>(() => w.Manager(w.A).ReverseAsync(eid, "再冲一次"));
        Assert.Contains("已冲正", ex.Text.Zh);
        Assert.Equal(2, (await w.EntriesAsync(w.A, id)).Count);
    }

    [Fact]
    public async Task Collection_names_what_is_still_due_and_refuses_a_fee_without_a_name_or_at_the_wrong_amount()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Approved);
        await w.Desk(w.A).CollectAsync(id, LedgerAccount.Deposit, null, 1000m, PaymentMethod.Cash, null);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).CollectAsync(id, LedgerAccount.Deposit, null, 2500m, PaymentMethod.Cash, null));
        Assert.Contains("最多还应收 ¥2,000.00", Assert.Single(ex.Errors).Message.Zh);
        await w.Desk(w.A).CollectAsync(id, LedgerAccount.Deposit, null, 2000m, PaymentMethod.Cash, null);
        ex = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).CollectAsync(id, LedgerAccount.Deposit, null, 1m, PaymentMethod.Cash, null));
        Assert.Contains("已收足", Assert.Single(ex.Errors).Message.Zh);

        ex = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).CollectAsync(id, LedgerAccount.Fee, null, 268.5m, PaymentMethod.Cash, null));
        Assert.Contains("请选择费用项目", Assert.Single(ex.Errors).Message.Zh);
        ex = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).CollectAsync(id, LedgerAccount.Fee, "装修垃圾清运费", 200m, PaymentMethod.Cash, null));
        Assert.Contains("应缴 ¥268.50", Assert.Single(ex.Errors).Message.Zh);
        ex = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).CollectAsync(id, LedgerAccount.Fee, "水电费", 268.5m, PaymentMethod.Cash, null));
        Assert.Contains("不是本申请的应缴费用", Assert.Single(ex.Errors).Message.Zh);
        Assert.Equal(2, (await w.EntriesAsync(w.A, id)).Count);
    }

    [Fact]
    public async Task Receipts_and_messages_name_the_deposit_or_the_fee()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var entries = await w.EntriesAsync(w.A, id);
        var deposit = entries.Single(e => e.Account == LedgerAccount.Deposit);
        var fee = entries.Single(e => e.Account == LedgerAccount.Fee);
        Assert.Equal(("装修保证金", 3000m), ((await w.Desk(w.A).ReceiptAsync(deposit.Id)).Item, (await w.Desk(w.A).ReceiptAsync(deposit.Id)).Amount));
        Assert.Equal(("装修垃圾清运费", 268.5m), ((await w.Desk(w.A).ReceiptAsync(fee.Id)).Item, (await w.Desk(w.A).ReceiptAsync(fee.Id)).Amount));
        await using var db = w.Db(w.A);
        var bodies = await db.OutboxMessages.Where(m => m.Subject == "装修款项已收取").Select(m => m.Body).ToListAsync();
        Assert.Contains(bodies, b => b.Contains($"已收取装修保证金 ¥3,000.00（收据号 {deposit.ReceiptNumber}）"));
        Assert.Contains(bodies, b => b.Contains($"已收取装修垃圾清运费 ¥268.50（收据号 {fee.ReceiptNumber}）"));
    }

    [Fact]
    public async Task One_live_deduction_per_violation_a_rejected_one_leaves_room_for_a_new_one()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var v = await w.ViolationAsync(w.A, id);
        var first = await w.Desk(w.A).ProposeDeductionAsync(id, v, "违章施工", 200m, []);
        await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).ProposeDeductionAsync(id, v, "违章施工", 300m, []));
        await w.Manager(w.A).DecideDeductionAsync(first, 0, false, "金额过高");
        var second = await w.Desk(w.A).ProposeDeductionAsync(id, v, "违章施工", 100m, []);
        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).ProposeDeductionAsync(id, v, "违章施工", 50m, []));
    }

    [Fact]
    public async Task The_ledger_page_shows_this_applications_owner_and_violations_oldest_first_deductions_and_refunds_newest_first()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var other = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Accepted);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var otherViolation = await w.ViolationAsync(w.A, other, ViolationStatus.Closed);
        await using (var db = w.Db(w.A))
        {
            var otherOwner = (await db.RenovationApplications.SingleAsync(a => a.Id == other)).OwnerId;
            (await db.Owners.SingleAsync(o => o.Id == otherOwner)).Name = "李娜";
            await db.SaveChangesAsync();
        }
        var v1 = await w.ViolationAsync(w.A, id, ViolationStatus.Closed);
        var v2 = await w.ViolationAsync(w.A, id, ViolationStatus.Closed);
        var d1 = await w.Desk(w.A).ProposeDeductionAsync(id, v1, "违章施工", 100m, []);
        await w.Manager(w.A).DecideDeductionAsync(d1, 0, false, "不扣");
        var d2 = await w.Desk(w.A).ProposeDeductionAsync(id, v2, "违章施工", 100m, []);
        await w.Manager(w.A).DecideDeductionAsync(d2, 0, false, "不扣");
        var r1 = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.Cash);
        await w.ManagerRefunds(w.A).RejectAsync(r1, 0, "改为转账");
        var r2 = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.BankTransfer);

        var view = await w.Desk(w.A).LedgerAsync(id);
        Assert.Equal("张伟", view.OwnerName);
        Assert.Equal([v1, v2], view.Violations.Select(x => x.Id));
        Assert.DoesNotContain(view.Violations, x => x.Id == otherViolation);
        Assert.Equal([d2, d1], view.Deductions.Select(d => d.Id));
        Assert.Equal([r2, r1], view.Refunds.Select(r => r.Id));
        Assert.Equal("李娜", (await w.Desk(w.A).LedgerAsync(other)).OwnerName);
    }

    [Fact]
    public async Task With_two_fees_due_each_is_collected_by_its_name_and_at_its_own_amount()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var settings = DepositWorld.Settings(w.A.Id);
        settings.Fees.Add(new RenovationFee { Name = "出入证工本费", Amount = 20m });
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Approved, settings: settings);
        Assert.Equal(["装修垃圾清运费", "出入证工本费"], (await w.AppAsync(w.A, id)).FeesDue.Select(f => f.Name));

        // Each name is one of the fees due though the other one differs from it.
        await w.Desk(w.A).CollectAsync(id, LedgerAccount.Fee, "装修垃圾清运费", 268.5m, PaymentMethod.Cash, null);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).CollectAsync(id, LedgerAccount.Fee, "出入证工本费", 268.5m, PaymentMethod.Cash, null));
        Assert.Contains("应缴 ¥20.00", Assert.Single(ex.Errors).Message.Zh);
        await w.Desk(w.A).CollectAsync(id, LedgerAccount.Fee, "出入证工本费", 20m, PaymentMethod.Cash, null);
        ex = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).CollectAsync(id, LedgerAccount.Fee, "停车费", 20m, PaymentMethod.Cash, null));
        Assert.Contains("不是本申请的应缴费用", Assert.Single(ex.Errors).Message.Zh);
        Assert.Equal([("装修垃圾清运费", 268.5m), ("出入证工本费", 20m)],
            (await w.EntriesAsync(w.A, id)).OrderBy(e => e.Id).Select(e => (e.FeeName!, e.Amount)));
    }
}
