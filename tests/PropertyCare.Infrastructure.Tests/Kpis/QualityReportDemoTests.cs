using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Kpis;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Kpis;

/// <summary>The demo ends with last week's and last month's snapshots of its three estates and of the company (the journey's
/// reports pages have rows), the monthly ones with a score, and HQ told once per company report.</summary>
[Collection(RepairsCollection.Name)]
public sealed class QualityReportDemoTests
{
    [Fact]
    public async Task The_demo_has_weekly_and_monthly_snapshots_of_every_estate_and_the_company()
    {
        await using var app = new AppServices();
        await DemoData.SeedAsync(app.Provider);
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var reports = await db.QualityReports.AsNoTracking().ToListAsync();
        Assert.Equal(8, reports.Count); // (3 estates + the company) × (weekly, monthly)
        Assert.Equal(2, reports.Count(r => r.ProjectId == null));
        var monthly = reports.Single(r => r.ProjectId == null && r.Kind == ReportKind.Monthly);
        var content = QualityReportContent.Parse(monthly.Content);
        Assert.Equal(3, content.Projects!.Count);
        Assert.Equal(11, content.Kpis!.Count);
        Assert.Equal(2, await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.DedupKey.StartsWith("quality-report-")));
    }
}
