using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>The demo's renovations in 翠湖花园: every status but 已结案 (the money part closes one through its refund),
/// unit states consistent with them, money and workers where the permit needs them.</summary>
[Collection(RepairsCollection.Name)]
public sealed class ApplicationDemoTests
{
    [Fact]
    public async Task The_demo_has_applications_in_every_status_with_consistent_unit_states_and_ledger()
    {
        await using var app = new AppServices();
        await DemoData.SeedAsync(app.Provider);
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Name == "翠湖花园");
        var apps = await db.RenovationApplications.IgnoreQueryFilters().Where(a => a.ProjectId == project.Id).ToListAsync();
        var statuses = apps.Select(a => a.Status).ToList();
        foreach (var s in Enum.GetValues<RenovationStatus>().Where(s => s != RenovationStatus.Closed))
            Assert.Contains(s, statuses);
        Assert.Equal(2, statuses.Count(s => s == RenovationStatus.Working));
        Assert.Equal(apps.Count, apps.Select(a => a.Number).Distinct().Count());
        var units = await db.Units.IgnoreQueryFilters().Where(u => apps.Select(a => a.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        var entries = await db.DepositLedger.IgnoreQueryFilters().Where(e => e.ProjectId == project.Id).ToListAsync();
        foreach (var a in apps)
        {
            var unit = units[a.UnitId];
            Assert.NotEqual(UnitState.NotDelivered, unit.State);
            if (a.Status.IsActiveWorks())
            {
                Assert.Equal(UnitState.Renovating, unit.State);
                Assert.NotNull(a.PermitNumber);
                Assert.True(DepositLedger.Balance(entries.Where(e => e.ApplicationId == a.Id)) >= a.DepositDue);
                Assert.True(await db.RenovationWorkers.IgnoreQueryFilters().AnyAsync(w => w.ApplicationId == a.Id));
            }
            else if (a.Status == RenovationStatus.Accepted)
            {
                Assert.Equal(a.StateBefore, unit.State);
                Assert.True(a.ObservationEndsOn < DateOnly.FromDateTime(DateTime.UtcNow));
                Assert.Equal(a.DepositDue, DepositLedger.Balance(entries.Where(e => e.ApplicationId == a.Id)));
            }
            else Assert.NotEqual(UnitState.Renovating, unit.State); // no permit: nobody works there
        }
        Assert.Contains(apps, a => a.IsOverdue(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))));
        Assert.Equal(RenovationStatus.Stopped, apps.Single(a => a.StopReason != null).Status);
    }
}
