using PropertyCare.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>The deposits report: held (sum of balances), collected this month, refunds due and overdue, the drill-down,
/// and HQ's view of its own company's projects only, with the total.</summary>
[Collection(RepairsCollection.Name)]
public class DepositReportTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Held_collected_due_and_overdue_per_project_with_the_applications_behind_them()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        var working = await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        var inObservation = await w.ApplicationAsync(w.A, "0102", RenovationStatus.Accepted, DepositWorld.Today.AddDays(-10));
        var due = await w.ApplicationAsync(w.A, "0103", RenovationStatus.Accepted, DepositWorld.Today.AddDays(-100));   // due for 10 days
        var overdue = await w.ApplicationAsync(w.A, "0104", RenovationStatus.Accepted, DepositWorld.Today.AddDays(-125)); // due for 35 days
        var refunded = await w.ApplicationAsync(w.A, "0105", RenovationStatus.Accepted);
        var rid = await w.DeskRefunds(w.A).RequestAsync(refunded, PaymentMethod.Cash);
        await w.ManagerRefunds(w.A, "u-mgr2").ApproveAsync(rid, 0, null);
        var mistake = await w.ApplicationAsync(w.A, "0106", RenovationStatus.Approved);
        var (eid, _) = await w.Desk(w.A).CollectAsync(mistake, LedgerAccount.Deposit, null, 3000m, PaymentMethod.Cash, null);
        await w.Manager(w.A).ReverseAsync(eid, "收错户");
        await w.ApplicationAsync(w.B, "0101", RenovationStatus.Working); // another company: never counted for A

        var s = await w.Report(w.A).SummaryAsync();
        Assert.Equal((12000m, 4), (s.Held, s.HeldCount));
        Assert.Equal(15000m, s.CollectedThisMonth); // six collections of 3,000, one reversed; the refund is not a collection
        Assert.Equal((2, 6000m, 1, 3000m), (s.RefundsDue, s.RefundsDueAmount, s.OverdueRefunds, s.OverdueAmount));

        var held = await w.Report(w.A).ApplicationsAsync(DepositFilter.Held, 1, 20);
        Assert.Equal(new[] { overdue, due, inObservation, working }.Order(), held.Items.Select(r => r.ApplicationId).Order());
        var dueRows = await w.Report(w.A).ApplicationsAsync(DepositFilter.Due, 1, 20);
        Assert.Equal([overdue, due], dueRows.Items.Select(r => r.ApplicationId));
        var late = Assert.Single((await w.Report(w.A).ApplicationsAsync(DepositFilter.Overdue, 1, 20)).Items);
        Assert.Equal((overdue, 5, "1栋-1单元-0104"), (late.ApplicationId, late.DaysOverdue, late.Address));
        Assert.Single((await w.Report(w.A).ApplicationsAsync(DepositFilter.Held, 2, 3)).Items);
        Assert.NotEmpty(await w.Report(w.A).ExportAsync(DepositFilter.Due));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Report(w.A, Roles.Technician).SummaryAsync());
    }

    [Fact]
    public async Task HQ_sees_every_project_of_its_own_company_and_the_total_only()
    {
        await using var w = await DepositWorld.CreateAsync(Provider);
        await w.ApplicationAsync(w.A, "0101", RenovationStatus.Working);
        await w.ApplicationAsync(w.A, "0102", RenovationStatus.Accepted, DepositWorld.Today.AddDays(-200));
        var bApp = await w.ApplicationAsync(w.B, "0101", RenovationStatus.Working);

        var rows = await w.Hq(w.A).SummaryAsync();
        var a = Assert.Single(rows);
        Assert.Equal((w.A.Id, 6000m, 1), (a.ProjectId, a.Held, a.OverdueRefunds));
        Assert.Equal(6000m, HqDepositQueries.Total(rows).Held);
        Assert.Equal(2, (await w.Hq(w.A).ApplicationsAsync(w.A.Id, DepositFilter.Held)).Count);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Hq(w.A).ApplicationsAsync(w.B.Id, DepositFilter.Held));
        var bRows = await w.Hq(w.B).SummaryAsync();
        Assert.Equal((w.B.Id, 3000m), (Assert.Single(bRows).ProjectId, bRows[0].Held));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(Roles.ProjectManager, w.A, "u-mgr").GetRequiredService<HqDepositQueries>().SummaryAsync());
        Assert.True(bApp > 0);
    }
}
