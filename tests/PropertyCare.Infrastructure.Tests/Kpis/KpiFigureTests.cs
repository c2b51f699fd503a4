using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Kpis;
using PropertyCare.Infrastructure.Tests.Repairs;
using static PropertyCare.Infrastructure.Tests.Kpis.KpiWorld;

namespace PropertyCare.Infrastructure.Tests.Kpis;

/// <summary>The KPIs of November 2026 against the hand count of <see cref="KpiWorld"/> (the arithmetic is written out).</summary>
[Collection(RepairsCollection.Name)]
public class KpiFigureTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static KpiMeasure M(ProjectKpiScore p, KpiKind k) => p.Kpis.Single(v => v.Definition.Kind == k).Measure;

    [Fact]
    public async Task November_matches_the_hand_count()
    {
        await using var w = await CreateAsync(Provider);
        var ranking = await w.Hq(w.A).RankingAsync(November);
        var a = ranking.Projects.Single(p => p.ProjectId == w.A.Id);
        Assert.Equal(new KpiMeasure(KpiKind.CallbackRate, 2, 3), M(a, KpiKind.CallbackRate));             // R1 R2 done of R1 R2 R3 due
        Assert.Equal(new KpiMeasure(KpiKind.FeedbackOnTime, 2, 4), M(a, KpiKind.FeedbackOnTime));         // R1 R3 on time of R1 R2 R3 + R4 (past due)
        Assert.Equal(new KpiMeasure(KpiKind.ProcessClosure, 1, 5), M(a, KpiKind.ProcessClosure));         // R1 closed of R1..R5
        Assert.Equal(new KpiMeasure(KpiKind.ComplaintOnTime, 2, 2), M(a, KpiKind.ComplaintOnTime));       // K1 K3 (K2's handling undone)
        Assert.Equal(new KpiMeasure(KpiKind.ComplaintSatisfaction, 1, 2), M(a, KpiKind.ComplaintSatisfaction)); // K1 of K1 K2
        Assert.Equal(new KpiMeasure(KpiKind.ValidComplaints, 2, 3), M(a, KpiKind.ValidComplaints));       // K1 K2 over 3 units
        Assert.Equal(new KpiMeasure(KpiKind.Redispatch, 1, 2), M(a, KpiKind.Redispatch));                 // K2 of K1 K2
        Assert.Equal(new KpiMeasure(KpiKind.RepeatComplaint, 2, 2), M(a, KpiKind.RepeatComplaint));       // K1 K2 both flagged
        Assert.Equal(new KpiMeasure(KpiKind.DataCompleteness, 1, 3), M(a, KpiKind.DataCompleteness));     // O1 of O1 O2 O3
        Assert.Equal(new KpiMeasure(KpiKind.SurveyIndex, 3, 5), M(a, KpiKind.SurveyIndex));               // 5 4 | 5 of 5 4 2 | 3 5
        Assert.Equal(new KpiMeasure(KpiKind.CallbackAuthenticity, 2, 3), M(a, KpiKind.CallbackAuthenticity)); // 2 真实 of 3

        // Default weights × attainment (values rounded to 4 places first, as shown):
        var expected = 8 * 0.6667m                 // 回访率 0.6667 / 1.00
                       + 11 * (0.5m / 0.95m)       // 反馈及时率
                       + 10 * 1m                   // 投诉处理及时率 1.0 ≥ 0.95
                       + 8 * (0.5m / 0.90m)        // 投诉解决满意率
                       + 6 * 0m                    // 有效投诉 666.67 / 千户 ≥ 10
                       + 18 * (0.2m / 0.95m)       // 服务流程关闭率
                       + 5 * 0m                    // 重派率 50 % ≥ 20 %
                       + 5 * 0m                    // 重复投诉率 100 %
                       + 12 * 0.3333m              // 数据完整性
                       + 9 * (0.6m / 0.90m)        // 满意度指数
                       + 8 * 0.6667m;              // 回访真实率
        Assert.Equal(Math.Round(expected, 1), a.Score); // 44.7
        Assert.Equal(44.7m, a.Score);
        Assert.Equal(KpiBand.Failing, a.Band);

        // A2 has no records at all: no score, ranked last; B is not in A's ranking.
        Assert.Equal([w.A.Id, w.A2.Id], ranking.Projects.Select(p => p.ProjectId));
        Assert.Null(ranking.Projects[1].Score);
        Assert.Equal(M(a, KpiKind.CallbackRate), M(ranking.Company, KpiKind.CallbackRate));
    }

    [Fact]
    public async Task Every_drill_down_lists_the_figures_denominator_and_marks_its_numerator()
    {
        await using var w = await CreateAsync(Provider);
        var hq = w.Hq(w.A);
        var a = (await hq.RankingAsync(November)).Projects.Single(p => p.ProjectId == w.A.Id);
        foreach (var d in KpiDefinitions.All.Where(d => d.Kind != KpiKind.SurveyIndex)) // survey: scores, not responses
        {
            var drill = await hq.DrillDownAsync(w.A.Id, November, d.Key);
            var m = M(a, d.Kind);
            if (d.Kind == KpiKind.ValidComplaints) Assert.Equal(m.Part, drill.Rows.Count);
            else
            {
                Assert.True(m.Whole == drill.Rows.Count, $"{d.Key}: {drill.Rows.Count} rows, figure {m.Whole}");
                Assert.True(m.Part == drill.Rows.Count(r => r.InNumerator), $"{d.Key}: numerator");
            }
        }
        var callbacks = await hq.DrillDownAsync(w.A.Id, November, "callback");
        Assert.Equal(["BX-R1", "BX-R2", "BX-R3"], callbacks.Rows.Select(r => r.Number));
        Assert.Equal($"/p/{w.A.Id}/repairs/{w.Ids["R1"]}", callbacks.Rows[0].Url);
        var onTime = await hq.DrillDownAsync(w.A.Id, November, "on-time");
        Assert.All(onTime.Rows, r => Assert.StartsWith($"/p/{w.A.Id}/complaints/", r.Url));
        var data = await hq.DrillDownAsync(w.A.Id, November, "data");
        Assert.Equal($"/p/{w.A.Id}/owners/{w.Ids["O2"]}", data.Rows.First(r => r.Note == "号码待核实").Url);
        Assert.Equal(3, (await hq.DrillDownAsync(w.A.Id, November, "survey")).Rows.Count + 1); // two responses, one campaign
    }

    [Fact]
    public async Task Hq_of_another_company_and_project_staff_cannot_read_the_kpis()
    {
        await using var w = await CreateAsync(Provider);
        var hqB = w.Hq(w.B);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => hqB.DrillDownAsync(w.A.Id, November, "callback"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => hqB.TrendAsync(w.A.Id, November));
        var rankingB = await hqB.RankingAsync(November);
        Assert.Equal([w.B.Id], rankingB.Projects.Select(p => p.ProjectId));
        Assert.Equal(new KpiMeasure(KpiKind.CallbackAuthenticity, 0, 1), M(rankingB.Projects[0], KpiKind.CallbackAuthenticity)); // B's own 不实 only
        var manager = w.As(Roles.ProjectManager, w.A, "u-mgr").GetRequiredService<KpiQueries>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => manager.RankingAsync(November));
        await Assert.ThrowsAsync<AccessDeniedException>(() => manager.DrillDownAsync(w.A.Id, November, "callback"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Hq(w.A).DrillDownAsync(w.A.Id, November, "no-such-kpi"));
    }

    [Fact]
    public async Task Dashboard_services_trend_worst_kpis_and_open_notices()
    {
        await using var w = await CreateAsync(Provider);
        var hq = w.Hq(w.A);
        var trend = await hq.TrendAsync(null, November);
        Assert.Equal(12, trend.Count);
        Assert.Equal(new KpiMonth(2025, 12), trend[0].Month);
        Assert.Equal(44.7m, trend[^1].Score);            // the company is A's figures only (A2 has none)
        // December 2025 has no records, but two KPIs are about the state of the project, not about the month's records:
        // 有效投诉 0 per 1,000 of 3 units (attainment 1, weight 6) and 数据完整性 1/3 (weight 12), the rest redistributed.
        Assert.Equal(Math.Round(100 * (6 * 1m + 12 * 0.3333m) / 18, 1), trend[0].Score); // 55.6
        var worst = await hq.WorstKpisAsync(November, take: 3);
        Assert.Equal(3, worst.Count);
        Assert.All(worst, x => Assert.Equal(0m, x.Attainment)); // 有效投诉, 重派率, 重复投诉率 all at 0
        Assert.Equal(2, (await hq.OpenNoticesAsync()).Count);
        Assert.All(await hq.OpenNoticesAsync(), n => Assert.Equal(0, n.Open));
    }
}
