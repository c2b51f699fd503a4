using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Spreadsheets;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>A campaign's results over the projects the reader may see (HQ: every project of its company the campaign
/// covered; a manager: their project only). Index and mean are <see cref="SurveyScoring"/>'s, everywhere.</summary>
public sealed record SurveyResults(int CampaignId, string Title, string Scope, CampaignStatus Status, DateOnly OpensOn, DateOnly ClosesOn,
    int Invited, int Answered, int ByPhone, Figure Overall, List<ItemResult> Items, List<ProjectResult> Projects, PreviousCampaign? Previous)
{
    /// <summary>答卷率 = answered units ÷ invited units, percent with one decimal; null when nobody was invited.</summary>
    public decimal? ResponseRate => Rate(Answered, Invited);

    public static decimal? Rate(int answered, int invited) => invited == 0 ? null : Math.Round(100m * answered / invited, 1);

    public static readonly Text RateDefinition = new("答卷率 = 已作答房屋数 ÷ 受邀房屋数", "Response rate = units answered ÷ units invited");
    public static readonly Text IndexDefinition = new("满意度指数 = 评分为“满意”或“非常满意”的份数 ÷ 有效评分份数（不适用不计）",
        "Satisfaction index = scores of 4 or 5 ÷ all scores given (not applicable excluded)");
    public static readonly Text MeanDefinition = new("平均分 = 有效评分之和 ÷ 有效评分份数（1–5 分）", "Mean = sum of the scores ÷ scores given (1–5)");
}

/// <summary>Scored answers, those 满意 or better, their sum; Levels[k] counts score k+1.</summary>
public sealed record Figure(int Scored, int SatisfiedOrBetter, int Sum, int NotApplicable, int[] Levels)
{
    public decimal? Index => SurveyScoring.Index(Scored, SatisfiedOrBetter);
    public decimal? Mean => SurveyScoring.Mean(Scored, Sum);

    public static Figure Of(IEnumerable<int?> scores)
    {
        var list = scores.ToList();
        var (n, good, sum) = SurveyScoring.Tally(list);
        var levels = new int[5];
        foreach (var s in list) if (s is >= 1 and <= 5) levels[s.Value - 1]++;
        return new Figure(n, good, sum, list.Count(s => s == null), levels);
    }
}

public sealed record ItemResult(int Number, ServiceArea Area, string Text, Figure Figure, decimal? PreviousIndex)
{
    /// <summary>Index points up (+) or down (−) against the previous campaign's same question.</summary>
    public decimal? Delta => Figure.Index is { } now && PreviousIndex is { } before ? now - before : null;
}

public sealed record ProjectResult(int ProjectId, string Name, int Invited, int Answered, Figure Figure)
{
    public decimal? ResponseRate => SurveyResults.Rate(Answered, Invited);
}

public sealed record PreviousCampaign(int Id, string Title, DateOnly ClosesOn, decimal? Index);

/// <summary>How the figures are written on the page, in the workbook and in the PDF (one decimal for percents, two for means).</summary>
public static class SurveyFormat
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;
    public static string Percent(decimal? v) => v is { } x ? x.ToString("0.0", Inv) + "%" : "—";
    public static string Mean(decimal? v) => v is { } x ? x.ToString("0.00", Inv) : "—";
    public static string Delta(decimal? v) => v is { } x ? (x > 0 ? "+" : "") + x.ToString("0.0", Inv) : "—";
}

public sealed record SurveyComment(int ResponseId, string ProjectName, string Address, string Comment, ResponseChannel Channel, DateTime At);

/// <summary>Computes results from the rows the caller's boundary let through: <paramref name="responses"/> and
/// <paramref name="invitations"/> already limited to the readable projects.</summary>
internal static class SurveyResultsBuilder
{
    public static async Task<SurveyResults> BuildAsync(AppDbContext db, SurveyCampaign c, IReadOnlyCollection<int> projectIds, string scope, CancellationToken ct)
    {
        var responses = await Responses(db, c.Id, projectIds).Select(r => new { r.ProjectId, r.Scores, r.Channel }).ToListAsync(ct);
        var invited = await db.SurveyInvitations.IgnoreQueryFilters().AsNoTracking().Where(i => i.CampaignId == c.Id && projectIds.Contains(i.ProjectId))
            .GroupBy(i => i.ProjectId).Select(g => new { ProjectId = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.ProjectId, x => x.N, ct);
        var names = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        // The previous campaign of the same scope (same company, same project or company-wide), closed before this one closes.
        var prev = await db.SurveyCampaigns.AsNoTracking()
            .Where(p => p.CompanyId == c.CompanyId && p.ProjectId == c.ProjectId && p.Id != c.Id && p.Status != CampaignStatus.Draft && p.ClosesOn < c.ClosesOn)
            .OrderByDescending(p => p.ClosesOn).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        List<List<int?>> prevScores = prev == null ? [] : await Responses(db, prev.Id, projectIds).Select(r => r.Scores).ToListAsync(ct);

        var items = c.Items.Select((item, i) =>
        {
            decimal? before = null;
            if (prev != null)
            {
                // The same question (area and wording) in the previous questionnaire, wherever it stood.
                var j = prev.Items.FindIndex(p => p.Area == item.Area && p.Text == item.Text);
                if (j >= 0) before = Figure.Of(prevScores.Select(s => j < s.Count ? s[j] : null)).Index;
            }
            return new ItemResult(i + 1, item.Area, item.Text, Figure.Of(responses.Select(r => i < r.Scores.Count ? r.Scores[i] : null)), before);
        }).ToList();
        var projects = projectIds.Where(p => invited.ContainsKey(p) || responses.Any(r => r.ProjectId == p)).OrderBy(p => p)
            .Select(p => new ProjectResult(p, names.GetValueOrDefault(p) ?? "", invited.GetValueOrDefault(p), responses.Count(r => r.ProjectId == p),
                Figure.Of(responses.Where(r => r.ProjectId == p).SelectMany(r => r.Scores)))).ToList();
        return new SurveyResults(c.Id, c.Title, scope, c.Status, c.OpensOn, c.ClosesOn, invited.Values.Sum(), responses.Count,
            responses.Count(r => r.Channel == ResponseChannel.PhoneInterview), Figure.Of(responses.SelectMany(r => r.Scores)), items, projects,
            prev == null ? null : new PreviousCampaign(prev.Id, prev.Title, prev.ClosesOn, Figure.Of(prevScores.SelectMany(s => s)).Index));
    }

    /// <summary>Ignores the tenant filter on purpose and names the boundary: the campaign and the readable projects.</summary>
    private static IQueryable<SurveyResponse> Responses(AppDbContext db, int campaignId, IReadOnlyCollection<int> projectIds) =>
        db.SurveyResponses.IgnoreQueryFilters().AsNoTracking().Where(r => r.CampaignId == campaignId && projectIds.Contains(r.ProjectId));

    public const int MaxExportedComments = 5000;

    /// <summary>Pages of 100 until all are read (or the cap): an export must not quietly stop at the first page.</summary>
    public static async Task<List<SurveyComment>> AllCommentsAsync(Func<int, int, Task<Page<SurveyComment>>> page)
    {
        var all = new List<SurveyComment>();
        for (var i = 1; all.Count < MaxExportedComments; i++)
        {
            var p = await page(i, 100);
            all.AddRange(p.Items);
            if (p.Items.Count == 0 || all.Count >= p.Total) break;
        }
        return all;
    }

    public static async Task<Page<SurveyComment>> CommentsAsync(AppDbContext db, int campaignId, IReadOnlyCollection<int> projectIds, int pageIndex, int pageSize, CancellationToken ct)
    {
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var q = Responses(db, campaignId, projectIds).Where(r => r.Comment != null && r.Comment != "");
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.UpdatedAt ?? r.SubmittedAt).ThenByDescending(r => r.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.Id, r.ProjectId, r.UnitId, r.Comment, r.Channel, At = r.UpdatedAt ?? r.SubmittedAt }).ToListAsync(ct);
        var names = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var unitIds = rows.Select(r => r.UnitId).ToList();
        var units = (await (from u in db.Units.IgnoreQueryFilters().AsNoTracking()
                            join b in db.Buildings.IgnoreQueryFilters().AsNoTracking() on u.BuildingId equals b.Id
                            where unitIds.Contains(u.Id) && projectIds.Contains(u.ProjectId)
                            select new { u.Id, b.Name, u.Entrance, u.Room }).ToListAsync(ct))
            .ToDictionary(x => x.Id, x => MoveInQueries.Address(x.Name, x.Entrance, x.Room));
        return new Page<SurveyComment>(rows.Select(r => new SurveyComment(r.Id, names.GetValueOrDefault(r.ProjectId) ?? "", units.GetValueOrDefault(r.UnitId) ?? "",
            r.Comment!, r.Channel, r.At)).ToList(), total, pageIndex, pageSize);
    }

    /// <summary>One sheet: the figures with their definitions, per item (index, mean, levels, change), per project, comments.</summary>
    public static byte[] Workbook(SurveyResults s, IReadOnlyList<SurveyComment> comments)
    {
        static string D(decimal? v, string unit = "") => unit == "%" ? SurveyFormat.Percent(v) : SurveyFormat.Mean(v);
        static string Delta(decimal? v) => SurveyFormat.Delta(v);
        var rows = new List<IReadOnlyList<string>>
        {
            Row("调查", s.Title), Row("范围", s.Scope), Row("调查期", $"{s.OpensOn:yyyy-MM-dd} 至 {s.ClosesOn:yyyy-MM-dd}"), Row("状态", s.Status.Label().Zh),
            Row("受邀房屋", s.Invited.ToString()), Row("已作答", s.Answered.ToString()), Row("其中电话访问", s.ByPhone.ToString()),
            Row("答卷率", D(s.ResponseRate, "%"), SurveyResults.RateDefinition.Zh),
            Row("满意度指数", D(s.Overall.Index, "%"), SurveyResults.IndexDefinition.Zh),
            Row("平均分", D(s.Overall.Mean), SurveyResults.MeanDefinition.Zh),
            Row("上次调查", s.Previous is { } p ? $"{p.Title}（{p.ClosesOn:yyyy-MM-dd}）指数 {D(p.Index, "%")}" : "无"),
            Row(""),
            Row("题号", "服务范畴", "题目", "有效评分", "满意度指数", "平均分", "非常满意", "满意", "一般", "不满意", "非常不满意", "不适用", "较上次"),
        };
        rows.AddRange(s.Items.Select(i => (IReadOnlyList<string>)[i.Number.ToString(), i.Area.Label().Zh, i.Text, i.Figure.Scored.ToString(), D(i.Figure.Index, "%"),
            D(i.Figure.Mean), i.Figure.Levels[4].ToString(), i.Figure.Levels[3].ToString(), i.Figure.Levels[2].ToString(), i.Figure.Levels[1].ToString(),
            i.Figure.Levels[0].ToString(), i.Figure.NotApplicable.ToString(), Delta(i.Delta)]));
        rows.Add(Row(""));
        rows.Add(["项目", "受邀", "作答", "答卷率", "满意度指数", "平均分"]);
        rows.AddRange(s.Projects.Select(p => (IReadOnlyList<string>)[p.Name, p.Invited.ToString(), p.Answered.ToString(), D(p.ResponseRate, "%"), D(p.Figure.Index, "%"), D(p.Figure.Mean)]));
        rows.Add(Row(""));
        rows.Add(["意见建议", "项目", "房屋", "方式", "时间"]);
        rows.AddRange(comments.Select(c => (IReadOnlyList<string>)[c.Comment, c.ProjectName, c.Address, c.Channel.Label().Zh, c.At.ToString("yyyy-MM-dd HH:mm")]));
        return XlsxWriter.Write(["项目", "数值", "说明"], rows, "满意度调查结果");
    }

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
