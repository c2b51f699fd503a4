using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>The deposit demo over applications like part A's demo leaves them: the longest-accepted refunded by two people
/// and closed, a refund waiting for the manager (asked by the desk user), a damage deduction proposed on a Working one, a
/// mistaken fee reversed and collected again.</summary>
[Collection(RepairsCollection.Name)]
public class DemoRenovationMoneyTests
{
    [Fact]
    public async Task The_demo_leaves_one_refund_done_one_waiting_a_proposed_deduction_and_one_reversal()
    {
        await using var w = await DepositWorld.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "staff", "客服 王芳");
        var manager = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "manager", "客服经理 李静");
        var settled = await w.ApplicationAsync(w.A, "0104", RenovationStatus.Accepted);
        var accepted = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Accepted);
        var working1 = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Working);
        var working2 = await w.ApplicationAsync(w.A, "0103", RenovationStatus.Working);

        await DemoRenovationMoney.SeedAsync(w.W.App.Provider, w.A, default);

        await using var db = w.Db(w.A);
        var done = await db.DepositRefunds.SingleAsync(r => r.ApplicationId == settled);
        Assert.Equal((RefundStatus.Approved, staff, manager), (done.Status, done.RequestedBy, done.DecidedBy));
        Assert.Equal(RenovationStatus.Closed, (await db.RenovationApplications.SingleAsync(a => a.Id == settled)).Status);
        Assert.Equal(0m, DepositLedger.Balance(await db.DepositLedger.Where(e => e.ApplicationId == settled).ToListAsync()));
        var refund = await db.DepositRefunds.SingleAsync(r => r.ApplicationId != settled);
        Assert.Equal((accepted, RefundStatus.Requested, staff), (refund.ApplicationId, refund.Status, refund.RequestedBy));
        var deduction = await db.DepositDeductions.SingleAsync();
        Assert.Equal((working1, DeductionStatus.Proposed), (deduction.ApplicationId, deduction.Status));
        Assert.Equal(1, await db.Attachments.CountAsync(a => a.RecordId == deduction.Id));
        var reversal = await db.DepositLedger.SingleAsync(e => e.Kind == LedgerEntryKind.Reversal);
        Assert.Equal((working2, LedgerAccount.Fee), (reversal.ApplicationId, reversal.Account));
        Assert.Equal(["装修垃圾清运费"], DepositLedger.FeesPaid(await db.DepositLedger.Where(e => e.ApplicationId == working2).ToListAsync()));
    }
}
