using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>The works demo on applications in the three states it looks for (as part A's demo leaves them).</summary>
[Collection(RepairsCollection.Name)]
public class PatrolDemoTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Patrols_for_each_a_closed_violation_the_stops_overdue_cause_and_the_acceptance_record()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "staff", "客服 王芳");
        var (working, _, _) = await w.WorkingAsync(w.A, "0101");
        var (stopped, _, _) = await w.WorkingAsync(w.A, "0102");
        var (accepted, _, _) = await w.WorkingAsync(w.A, "0103");
        w.W.Clock.Advance(TimeSpan.FromDays(12));
        await using (var db = w.W.Db(w.A))
        {
            (await db.RenovationApplications.SingleAsync(a => a.Id == stopped)).Stop("违章未整改", null, w.W.Clock.Now.UtcDateTime);
            var acc = await db.RenovationApplications.SingleAsync(a => a.Id == accepted);
            acc.Accept(w.Today.AddDays(-2), RenovationSettings.Defaults(w.A.Id), await db.Units.SingleAsync(u => u.Id == acc.UnitId));
            await db.SaveChangesAsync();
        }

        await DemoRenovationWorks.SeedAsync(w.W.App.Provider, w.A, CancellationToken.None);

        await using var check = w.W.Db(w.A);
        var patrolled = await check.RenovationPatrols.Select(p => p.ApplicationId).Distinct().ToListAsync();
        Assert.Equal(new[] { working, stopped, accepted }.Order(), patrolled.Order());
        var closed = await check.RenovationViolations.SingleAsync(v => v.ApplicationId == working);
        Assert.Equal(ViolationStatus.Closed, closed.Status);
        var cause = await check.RenovationViolations.SingleAsync(v => v.ApplicationId == stopped);
        Assert.True(cause.IsOverdue(w.Today));
        Assert.Equal(cause.Id, (await check.RenovationApplications.SingleAsync(a => a.Id == stopped)).StopViolationId);
        var record = await check.RenovationAcceptances.SingleAsync();
        Assert.Equal((accepted, true), (record.ApplicationId, record.Passed));
        Assert.True(await check.RenovationPatrols.Where(p => p.ApplicationId == accepted).AllAsync(p => p.PatrolledAt <= record.CheckedAt));
        // A second run adds nothing.
        await DemoRenovationWorks.SeedAsync(w.W.App.Provider, w.A, CancellationToken.None);
        Assert.Equal(2, await check.RenovationViolations.CountAsync());
    }
}
