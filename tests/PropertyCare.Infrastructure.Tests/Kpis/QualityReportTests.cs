using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Kpis;
using PropertyCare.Infrastructure.Tests.Repairs;
using static PropertyCare.Infrastructure.Tests.Kpis.KpiWorld;

namespace PropertyCare.Infrastructure.Tests.Kpis;

/// <summary>Report snapshots: the jobs write each once, the database refuses to change them, and each reader sees only
/// its own. Also the KPI weights (HQ's own record).</summary>
[Collection(RepairsCollection.Name)]
public class QualityReportTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<(int Written, QualityReportJob Job)> RunAsync(KpiWorld w, Domain.Tenancy.Project p, ReportKind kind)
    {
        var job = w.As(Roles.ProjectManager, p, "system").GetRequiredService<QualityReportJob>();
        return (await job.RunForProjectAsync(p.Id, kind, default), job);
    }

    [Fact]
    public async Task The_monthly_job_writes_the_project_and_company_snapshots_once_and_tells_hq_once()
    {
        await using var w = await CreateAsync(Provider);
        var hqUser = await w.W.AddUserAsync(w.A, Roles.HqAuditor, "hq-a", "总部审计");
        await w.W.AddUserAsync(w.B, Roles.HqAuditor, "hq-b", "乙总部");
        // 12-01 10:00 Shanghai: the month that just ended is November. A is the company's anchor (lowest id).
        Assert.Equal(2, (await RunAsync(w, w.A, ReportKind.Monthly)).Written);
        Assert.Equal(1, (await RunAsync(w, w.A2, ReportKind.Monthly)).Written);
        Assert.Equal(0, (await RunAsync(w, w.A, ReportKind.Monthly)).Written);   // re-run: nothing new
        Assert.Equal(0, (await RunAsync(w, w.A2, ReportKind.Monthly)).Written);

        var reports = w.As(Roles.HqAuditor, w.A, hqUser).GetRequiredService<QualityReportService>();
        var list = await reports.ListForHqAsync(ReportKind.Monthly, null, false, 0, 20);
        Assert.Equal(3, list.Total);
        var company = list.Items.Single(r => r.ProjectId == null);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (company.PeriodStart, company.PeriodEnd));
        var view = await reports.GetAsync(company.Id);
        Assert.Equal(5, view.Content.Figures.OrdersReceived);           // R1..R5 (A2 has none)
        Assert.Equal(3, view.Content.Figures.CallbacksDue);
        Assert.Equal(1, view.Content.Figures.SatisfactionCounts[1]);   // 满意 (R1)
        Assert.Equal(1, view.Content.Figures.Unsatisfied);             // R2, not resolved
        Assert.Equal(0, view.Content.Figures.UnsatisfiedResolved);
        Assert.Equal(1, view.Content.Figures.AuditsUntrue);
        Assert.Equal(1, view.Content.Figures.PhonesFlaggedWrong);
        Assert.Equal(2, view.Content.Figures.ComplaintsByStatus[Domain.Complaints.ComplaintStatus.Closed]); // K1 K3
        Assert.Equal(44.7m, view.Content.Score);
        Assert.Equal(11, view.Content.Kpis!.Count);
        Assert.Equal(2, view.Content.Projects!.Count);

        // HQ told once, in-app, about the company report; company B's HQ not at all.
        await using var db = w.W.Db(w.A);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains("月报表")).ToListAsync();
        Assert.Equal(hqUser, Assert.Single(messages).Recipient);
        Assert.Contains($"/hq/reports/{company.Id}", messages[0].Body);
    }

    [Fact]
    public async Task The_weekly_job_covers_last_monday_to_sunday()
    {
        await using var w = await CreateAsync(Provider);
        w.W.SetLocal(new DateTime(2026, 11, 16, 8, 0, 0)); // Monday: the week 11-09 .. 11-15
        Assert.Equal(2, (await RunAsync(w, w.A, ReportKind.Weekly)).Written);
        var reports = w.As(Roles.HqAuditor, w.A).GetRequiredService<QualityReportService>();
        var row = (await reports.ListForHqAsync(ReportKind.Weekly, w.A.Id, false, 0, 20)).Items.Single();
        Assert.Equal((new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)), (row.PeriodStart, row.PeriodEnd));
        var content = (await reports.GetAsync(row.Id)).Content;
        Assert.Equal(1, content.Figures.OrdersReceived);   // R3 (11-10); R6 (11-12) is cancelled; R2 (11-05) and R4 (11-20) outside
        Assert.Null(content.Score);                        // weekly reports carry no KPIs
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_a_snapshot()
    {
        await using var w = await CreateAsync(Provider);
        await RunAsync(w, w.A, ReportKind.Monthly);
        await using var db = w.W.Db(w.A);
        var id = await db.QualityReports.Select(r => r.Id).FirstAsync();
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"QualityReports\" SET \"Content\" = '{{}}' WHERE \"Id\" = {id}"));
        Assert.Contains(QualityReportGuard.Message, update.Message + update.InnerException?.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"QualityReports\" WHERE \"Id\" = {id}"));
        Assert.Contains(QualityReportGuard.Message, delete.Message + delete.InnerException?.Message);
        // And through EF (a bug in a service) just the same.
        var r = await db.QualityReports.FirstAsync(x => x.Id == id);
        r.Content = "{}";
        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        await using var check = w.W.Db(w.A);
        Assert.NotEqual("{}", (await check.QualityReports.AsNoTracking().FirstAsync(x => x.Id == id)).Content);
    }

    [Fact]
    public async Task A_second_snapshot_of_the_same_period_is_refused_by_the_unique_index()
    {
        await using var w = await CreateAsync(Provider);
        await using var db = w.W.Db(w.A);
        db.QualityReports.Add(QualityReport.Create(w.A.CompanyId, null, ReportKind.Monthly, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), DateTime.UtcNow, "{}"));
        await db.SaveChangesAsync();
        db.QualityReports.Add(QualityReport.Create(w.A.CompanyId, null, ReportKind.Monthly, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), DateTime.UtcNow, "{}"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Readers_see_only_their_own_reports()
    {
        await using var w = await CreateAsync(Provider);
        await RunAsync(w, w.A, ReportKind.Monthly);
        await RunAsync(w, w.A2, ReportKind.Monthly);
        await RunAsync(w, w.B, ReportKind.Monthly);
        var hqA = w.As(Roles.HqAuditor, w.A).GetRequiredService<QualityReportService>();
        var all = (await hqA.ListForHqAsync(null, null, false, 0, 50)).Items;
        Assert.Equal(3, all.Count);
        var a1 = all.Single(r => r.ProjectId == w.A.Id).Id;
        var a2 = all.Single(r => r.ProjectId == w.A2.Id).Id;
        var hqB = w.As(Roles.HqAuditor, w.B, "u-hq-b").GetRequiredService<QualityReportService>();
        Assert.Equal(2, (await hqB.ListForHqAsync(null, null, false, 0, 50)).Total); // B1 + B company-wide
        await Assert.ThrowsAsync<RecordNotFoundException>(() => hqB.GetAsync(a1));
        var managerA1 = w.As(Roles.ProjectManager, w.A, "u-mgr").GetRequiredService<QualityReportService>();
        Assert.Equal([a1], (await managerA1.ListForProjectAsync(0, 20)).Items.Select(r => r.Id));
        Assert.Equal(a1, (await managerA1.GetAsync(a1)).Row.Id);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => managerA1.GetAsync(a2));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => managerA1.GetAsync(all.Single(r => r.ProjectId == null).Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => managerA1.ListForHqAsync(null, null, false, 0, 20));
        var desk = w.As(Roles.ServiceDesk, w.A, "u-desk").GetRequiredService<QualityReportService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => desk.ListForProjectAsync(0, 20));
    }

    [Fact]
    public async Task Hq_sets_its_weights_validated_with_concurrency_and_a_manager_cannot()
    {
        await using var w = await CreateAsync(Provider);
        var weights = w.As(Roles.HqAuditor, w.A).GetRequiredService<KpiWeightsService>();
        var current = await weights.GetAsync();
        Assert.True(current.IsDefault);
        var bad = KpiWeightSet.Defaults();
        bad[KpiKind.Redispatch] = 50;
        var e = await Assert.ThrowsAsync<ValidationException>(() => weights.SaveAsync(bad, 0));
        Assert.Equal("Sum", e.Errors.Single().Field);
        Assert.True((await weights.GetAsync()).IsDefault); // nothing saved

        var good = KpiWeightSet.Defaults();
        good[KpiKind.Redispatch] = 0; good[KpiKind.DataCompleteness] = 17;
        await weights.SaveAsync(good, 0);
        var saved = await weights.GetAsync();
        Assert.Equal((17, 1, false), (saved.Weights[KpiKind.DataCompleteness], saved.Version, saved.IsDefault));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => weights.SaveAsync(good, 0)); // stale page
        // The score uses them: company B keeps the defaults.
        Assert.Equal(17, (await w.Hq(w.A).RankingAsync(November)).Projects[0].Kpis.Single(k => k.Definition.Kind == KpiKind.DataCompleteness).Weight);
        Assert.True((await w.As(Roles.HqAuditor, w.B, "u-hq-b").GetRequiredService<KpiWeightsService>().GetAsync()).IsDefault);

        var manager = w.As(Roles.ProjectManager, w.A, "u-mgr").GetRequiredService<KpiWeightsService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => manager.SaveAsync(KpiWeightSet.Defaults(), 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => manager.GetAsync());
    }

    [Fact]
    public async Task The_trend_shows_a_months_snapshot_score_and_live_scores_otherwise()
    {
        await using var w = await CreateAsync(Provider);
        await RunAsync(w, w.A, ReportKind.Monthly);          // November frozen at 44.7 with the default weights
        var weights = w.As(Roles.HqAuditor, w.A).GetRequiredService<KpiWeightsService>();
        var changed = KpiWeightSet.Defaults();
        changed[KpiKind.ValidComplaints] = 0; changed[KpiKind.ComplaintOnTime] = 16;
        await weights.SaveAsync(changed, 0);
        var hq = w.Hq(w.A);
        var live = (await hq.RankingAsync(November)).Company.Score;
        Assert.NotEqual(44.7m, live);                        // the live figure follows the new weights …
        var trend = await hq.TrendAsync(null, November);
        Assert.Equal(44.7m, trend[^1].Score);                // … the trend shows what the snapshot said
        Assert.Equal(44.7m, (await hq.TrendAsync(w.A.Id, November))[^1].Score);
        Assert.NotNull(trend[^2].Score);                     // October: no snapshot, computed live
    }
}
