using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Surveys;

namespace PropertyCare.Infrastructure.Tests.Surveys;

/// <summary>Results against a hand-computed fixture (project A, items 客服态度 / 维修及时 / 保洁卫生, 4 units invited):
///   previous campaign (closes 11-24; third item 绿化养护 instead): u1 [2,4,5], u2 [5,5,5]
///   this campaign (closes 11-30): u1 [5,4,—] "好", u2 [3,2,5], u3 [4,—,1] "保洁差", u4 no answer
/// Response rate 3/4 = 75.0 %. Item 1: 5,3,4 → 2 of 3 = 66.7 %, mean 4.00, previous 2,5 → 50.0 → +16.7.
/// Item 2: 4,2 → 50.0 %, mean 3.00, 1 不适用, previous 4,5 → 100.0 → −50.0. Item 3: 5,1 → 50.0 %, 3.00, no previous (new wording).
/// Overall: 7 scores, 4 satisfied → 57.1 %, sum 24 → 3.43. Previous overall: 5 of 6 → 83.3 %.</summary>
public class SurveyResultsTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<(SurveyWorld W, int Previous, int Current)> FixtureAsync(DatabaseProvider provider)
    {
        var w = await SurveyWorld.CreateAsync(provider);
        var units = new List<(int U, int O)>();
        for (var i = 1; i <= 4; i++) units.Add(await w.OwnerAsync(w.A, $"10{i}"));
        var prevItems = SurveyWorld.Three();
        prevItems[2] = new SurveyItem { Area = ServiceArea.Landscaping, Text = "绿化养护" };
        var prev = await w.StartedAsync(w.A, SurveyWorld.Draft("三季度", closes: SurveyWorld.Today.AddDays(1), items: prevItems));
        await w.Portal(w.A, units[0].O).AnswerAsync(prev, units[0].U, null, [2, 4, 5], null);
        await w.Portal(w.A, units[1].O).AnswerAsync(prev, units[1].U, null, [5, 5, 5], null);
        await w.Manager(w.A).CloseAsync(prev, (await w.CampaignAsync(prev)).Version);

        var cur = await w.StartedAsync(w.A, SurveyWorld.Draft("四季度", closes: SurveyWorld.Today.AddDays(7)));
        await w.Portal(w.A, units[0].O).AnswerAsync(cur, units[0].U, null, [5, 4, null], "好");
        await w.Portal(w.A, units[1].O).AnswerAsync(cur, units[1].U, null, [3, 2, 5], null);
        await w.Interview(w.A).RecordAsync(cur, units[2].U, null, [4, null, 1], "保洁差");
        return (w, prev, cur);
    }

    [Fact]
    public async Task Results_match_the_hand_computed_fixture_with_the_comparison()
    {
        var (w, prev, cur) = await FixtureAsync(Provider);
        await using var _ = w;
        var r = await w.Results(w.A).GetAsync(cur);
        Assert.Equal((4, 3, 1, 75.0m), (r.Invited, r.Answered, r.ByPhone, r.ResponseRate));
        Assert.Equal((7, 4, 24, 57.1m, 3.43m), (r.Overall.Scored, r.Overall.SatisfiedOrBetter, r.Overall.Sum, r.Overall.Index, r.Overall.Mean));
        Assert.Equal([66.7m, 50.0m, 50.0m], r.Items.Select(i => i.Figure.Index!.Value));
        Assert.Equal([4.00m, 3.00m, 3.00m], r.Items.Select(i => i.Figure.Mean!.Value));
        Assert.Equal([0, 0, 1, 1, 1], r.Items[0].Figure.Levels);
        Assert.Equal([0, 1, 0, 1, 0], r.Items[1].Figure.Levels);
        Assert.Equal([0, 1, 1], r.Items.Select(i => i.Figure.NotApplicable));
        Assert.Equal([16.7m, -50.0m, null], r.Items.Select(i => i.Delta));
        Assert.Equal((prev, 83.3m), (r.Previous!.Id, r.Previous.Index));
        var p = Assert.Single(r.Projects);
        Assert.Equal((w.A.Id, 4, 3, 57.1m), (p.ProjectId, p.Invited, p.Answered, p.Figure.Index));

        var page1 = await w.Results(w.A).CommentsAsync(cur, 1, 1);
        Assert.Equal(2, page1.Total);
        Assert.Single(page1.Items);
        var all = await w.Results(w.A).CommentsAsync(cur, 1, 10);
        Assert.Equal(["保洁差", "好"], all.Items.Select(c => c.Comment).Order(StringComparer.Ordinal));
        Assert.Contains(all.Items, c => c.Comment == "保洁差" && c.Channel == ResponseChannel.PhoneInterview && c.Address.Contains("103"));
        // The earliest campaign has nothing before it.
        Assert.Null((await w.Results(w.A).GetAsync(prev)).Previous);
    }

    [Fact]
    public async Task Workbook_reads_back_with_the_same_figures()
    {
        var (w, _, cur) = await FixtureAsync(Provider);
        await using var _w = w;
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(await w.Results(w.A).ExportAsync(cur)));
        Assert.Contains(rows, r => r.Length > 1 && r[0] == "答卷率" && r[1] == "75.0%");
        Assert.Contains(rows, r => r.Length > 1 && r[0] == "满意度指数" && r[1] == "57.1%");
        Assert.Contains(rows, r => r.Length > 12 && r[2] == "客服态度" && r[4] == "66.7%" && r[5] == "4.00" && r[12] == "+16.7");
        Assert.Contains(rows, r => r.Length > 12 && r[2] == "维修及时" && r[12] == "-50.0");
        Assert.Contains(rows, r => r.Length > 0 && r[0] == "保洁差");
    }

    [Fact]
    public async Task Company_wide_results_hq_sees_every_project_a_manager_only_theirs()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (a, oa) = await w.OwnerAsync(w.A, "101");
        var (a2, oa2) = await w.OwnerAsync(w.A2, "101");
        var id = await w.Hq(w.A).CreateAsync(SurveyWorld.Draft());
        await w.Hq(w.A).StartAsync(id, (await w.CampaignAsync(id)).Version);
        await w.Portal(w.A, oa).AnswerAsync(id, a, null, [5, 5, 5], "一期好");
        await w.Portal(w.A2, oa2).AnswerAsync(id, a2, null, [1, 2, 3], "二期差");

        var hq = await w.HqResults(w.A2).ResultsAsync(id);
        Assert.Equal((2, 2, 50.0m), (hq.Invited, hq.Answered, hq.Overall.Index));
        Assert.Equal([(w.A.Id, 100.0m), (w.A2.Id, 0.0m)], hq.Projects.Select(p => (p.ProjectId, p.Figure.Index!.Value)));
        Assert.Equal(2, (await w.HqResults(w.A).CommentsAsync(id, 1, 10)).Total);
        var mine = await w.Results(w.A2).GetAsync(id);
        Assert.Equal((1, 1, 0.0m), (mine.Invited, mine.Answered, mine.Overall.Index));
        Assert.Equal(["二期差"], (await w.Results(w.A2).CommentsAsync(id, 1, 10)).Items.Select(c => c.Comment));
    }

    [Fact]
    public async Task Kpi_input_counts_the_campaigns_closing_in_the_month()
    {
        var (w, _, _) = await FixtureAsync(Provider);
        await using var _w = w;
        await using var db = new AppDbContext(w.W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        // November: the previous campaign (6 scores, 5 satisfied) and this one (7 scores, 4 satisfied) both close in it.
        var nov = await SurveyFigures.IndexByProjectAsync(db, [w.A.Id, w.A2.Id], new(2026, 11, 1), new(2026, 11, 30), default);
        Assert.Equal((13, 9), nov[w.A.Id]);
        Assert.False(nov.ContainsKey(w.A2.Id));
        Assert.Empty(await SurveyFigures.IndexByProjectAsync(db, [w.A.Id], new(2026, 12, 1), new(2026, 12, 31), default));
        Assert.Empty(await SurveyFigures.IndexByProjectAsync(db, [w.B.Id], new(2026, 11, 1), new(2026, 11, 30), default));
    }
}
