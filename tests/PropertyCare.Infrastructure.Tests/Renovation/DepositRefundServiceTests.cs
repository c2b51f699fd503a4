using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>保证金清退 through the service: every blocking reason refuses the request with nothing saved; four eyes; the
/// amount is the balance; the Refunded entry, the receipt and the closing happen together; two approvals racing on
/// two contexts end in exactly one refund.</summary>
[Collection(RepairsCollection.Name)]
public class DepositRefundServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<int> RefundRowsAsync(DepositWorld w)
    {
        await using var db = w.Db(w.A);
        return await db.DepositRefunds.CountAsync();
    }

    [Fact]
    public async Task A_refund_is_refused_before_acceptance_and_during_the_observation_period()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var working = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => w.DeskRefunds(w.A).RequestAsync(working, PaymentMethod.BankTransfer));
        Assert.Contains("尚未验收", Assert.Single(ex.Errors).Message.Zh);
        var recent = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Accepted, DepositWorld.Today.AddDays(-10));
        ex = await Assert.ThrowsAsync<ValidationException>(() => w.DeskRefunds(w.A).RequestAsync(recent, PaymentMethod.BankTransfer));
        Assert.Contains("观察期至 2027-02-11", Assert.Single(ex.Errors).Message.Zh);
        Assert.Equal(0, await RefundRowsAsync(w));
    }

    [Fact]
    public async Task A_refund_waits_for_open_violations_repairs_caused_by_the_works_and_open_deductions()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var app = await w.AppAsync(w.A, id);
        var (repairId, _) = await w.W.Desk(w.A).RegisterAsync(RepairWorld.Intake(app.UnitId, description: "装修损坏楼道墙面"), []);
        var rectified = await w.ViolationAsync(w.A, id, ViolationStatus.Rectified); // 待复查 still counts as open
        var closedWithRepair = await w.ViolationAsync(w.A, id, ViolationStatus.Closed, repairId);
        await w.Desk(w.A).ProposeDeductionAsync(id, closedWithRepair, "损坏楼道墙面", 300m, []);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.BankTransfer));
        Assert.Equal(3, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Message.Zh.Contains("1 项违章"));
        Assert.Contains(ex.Errors, e => e.Message.Zh.Contains("1 张因装修引起的维修单"));
        Assert.Contains(ex.Errors, e => e.Message.Zh.Contains("1 笔扣款"));
        Assert.Equal(0, await RefundRowsAsync(w));

        await w.SetViolationStatusAsync(w.A, rectified, ViolationStatus.Closed);
        await using (var db = w.Db(w.A))
        {
            var order = await db.RepairOrders.SingleAsync(o => o.Id == repairId);
            order.Cancel("业主自行修复");
            await db.SaveChangesAsync();
        }
        var d = (await w.Desk(w.A).LedgerAsync(id)).Deductions.Single();
        await w.Manager(w.A).DecideDeductionAsync(d.Id, d.Version, true, null);
        Assert.Empty((await w.Desk(w.A).LedgerAsync(id)).RefundBlockers);
        await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.BankTransfer);
    }

    [Fact]
    public async Task Four_eyes_the_balance_is_refunded_with_a_receipt_and_the_application_closes_in_one_step()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var violation = await w.ViolationAsync(w.A, id, ViolationStatus.Closed);
        var did = await w.Desk(w.A).ProposeDeductionAsync(id, violation, "违章施工", 450.5m, []);
        await w.Manager(w.A).DecideDeductionAsync(did, 0, true, null);

        // The manager requests; the same manager can never approve or reject it.
        var rid = await w.ManagerRefunds(w.A).RequestAsync(id, PaymentMethod.BankTransfer);
        await Assert.ThrowsAnyAsync<DomainException>(() => w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.Cash)); // one waiting at a time
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.ManagerRefunds(w.A).ApproveAsync(rid, 0, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.ManagerRefunds(w.A).RejectAsync(rid, 0, "不退"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.DeskRefunds(w.A, "u-desk2").ApproveAsync(rid, 0, null)); // the desk has no approval right
        Assert.Single(await w.EntriesAsync(w.A, id), e => e.Kind == LedgerEntryKind.Deducted);

        var (entryId, receipt) = await w.ManagerRefunds(w.A, "u-mgr2").ApproveAsync(rid, 0, "核对无误");
        Assert.Equal("SJ-20261123-0003", receipt);
        var view = await w.Desk(w.A).LedgerAsync(id);
        Assert.Equal(0m, view.Balance);
        var entry = view.Entries.Single(e => e.Id == entryId);
        Assert.Equal((LedgerEntryKind.Refunded, -2549.5m, (PaymentMethod?)PaymentMethod.BankTransfer), (entry.Kind, entry.Amount, entry.Method));
        Assert.Equal((RefundStatus.Approved, (decimal?)2549.5m, (long?)entryId), (view.Refunds.Single().Status, view.Refunds.Single().Amount, view.Refunds.Single().LedgerEntryId));
        var app = await w.AppAsync(w.A, id);
        Assert.Equal(RenovationStatus.Closed, app.Status);
        Assert.NotNull(app.ClosedAt);
        await using (var db = w.Db(w.A))
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Channel == Channel.Sms && m.Subject == "装修保证金已清退" && m.Body.Contains("¥2,549.50")));

        var receiptView = await w.Desk(w.A).ReceiptAsync(entryId);
        Assert.Equal((receipt, "张伟", "装修保证金清退", 2549.5m, "贰仟伍佰肆拾玖元伍角整", "经理老周"),
            (receiptView.ReceiptNumber, receiptView.Payer, receiptView.Item, receiptView.Amount, receiptView.AmountInCapitals, receiptView.OperatorName));
        // Nothing more to refund, and a refund is never reversed.
        Assert.Contains((await Assert.ThrowsAsync<ValidationException>(() => w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.Cash))).Errors,
            e => e.Message.Zh.Contains("余额为零"));
        await Assert.ThrowsAsync<DomainException>(() => w.Manager(w.A).ReverseAsync(entryId, "退错了"));
        await Assert.ThrowsAsync<IllegalStepException>(() => w.ManagerRefunds(w.A, "u-mgr3").ApproveAsync(rid, 2, null));
    }

    [Fact]
    public async Task A_rejected_request_leaves_room_for_a_new_one()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var rid = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.Cash);
        await Assert.ThrowsAsync<ValidationException>(() => w.ManagerRefunds(w.A).RejectAsync(rid, 0, " "));
        await w.ManagerRefunds(w.A).RejectAsync(rid, 0, "业主要求改为银行转账");
        var again = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.BankTransfer);
        Assert.NotEqual(rid, again);
        Assert.Equal(3000m, (await w.Desk(w.A).LedgerAsync(id)).Balance);
    }

    [Fact]
    public async Task Approval_checks_the_rule_again_a_violation_found_after_the_request_stops_it()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var rid = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.Cash);
        await w.ViolationAsync(w.A, id);
        await Assert.ThrowsAsync<ValidationException>(() => w.ManagerRefunds(w.A).ApproveAsync(rid, 0, null));
        Assert.DoesNotContain(await w.EntriesAsync(w.A, id), e => e.Kind == LedgerEntryKind.Refunded);
        Assert.Equal(RenovationStatus.Accepted, (await w.AppAsync(w.A, id)).Status);
    }

    [Fact]
    public async Task A_withdrawn_application_with_a_deposit_is_refunded_without_acceptance()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Withdrawn);
        var rid = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.WeChatPay);
        await w.ManagerRefunds(w.A).ApproveAsync(rid, 0, null);
        var app = await w.AppAsync(w.A, id);
        Assert.Equal((RenovationStatus.Withdrawn, true), (app.Status, app.ClosedAt != null));
        Assert.Equal(0m, DepositLedger.Balance(await w.EntriesAsync(w.A, id)));
    }

    [Fact]
    public async Task Two_approvals_at_once_on_two_contexts_end_in_exactly_one_refund()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var id = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var rid = await w.DeskRefunds(w.A).RequestAsync(id, PaymentMethod.Cash);
        var first = w.ManagerRefunds(w.A, "u-mgr");
        var second = w.ManagerRefunds(w.A, "u-mgr2");
        var results = await Task.WhenAll(Try(() => first.ApproveAsync(rid, 0, null)), Try(() => second.ApproveAsync(rid, 0, null)));

        Assert.Single(results, r => r == null);
        Assert.Single(results, r => r is DomainException);
        var entries = await w.EntriesAsync(w.A, id);
        Assert.Equal(-3000m, Assert.Single(entries, e => e.Kind == LedgerEntryKind.Refunded).Amount);
        Assert.Equal(0m, DepositLedger.Balance(entries));
        Assert.Equal(RenovationStatus.Closed, (await w.AppAsync(w.A, id)).Status);
    }

    private static async Task<Exception?> Try(Func<Task> run)
    {
        try { await run(); return null; }
        catch (Exception e) { return e; }
    }
}
