using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>The survey input of the monthly KPI (Part C): per project, the scores behind its 满意度指数 that month.</summary>
internal static class SurveyFigures
{
    public static readonly Text IndexDefinition = new(
        "满意度指数（月）= 结束日期在当月的调查（本项目的或全公司的，已开始的）中，本项目答卷里评分为“满意”或“非常满意”的份数 ÷ 有效评分份数（不适用不计）；当月无调查结束则无此项",
        "Survey index (month) = of the scores given in this project's answers to campaigns (its own or company-wide, started) whose closing day falls in the month, the share of 4 (satisfied) or 5 (very satisfied); not applicable excluded; no campaign closing that month, no figure");

    /// <summary>Per project: (scores given, scores of 4 or 5). A project without scored answers is absent (no figure, not 0 %).
    /// Ignores the tenant filter on purpose: the caller names the projects (its own company's, checked by the caller).</summary>
    public static async Task<Dictionary<int, (int Scored, int SatisfiedOrBetter)>> IndexByProjectAsync(AppDbContext db, IReadOnlyCollection<int> projectIds,
        DateOnly monthStart, DateOnly monthEnd, CancellationToken ct)
    {
        var campaigns = db.SurveyCampaigns.Where(c => c.Status != CampaignStatus.Draft && c.ClosesOn >= monthStart && c.ClosesOn <= monthEnd).Select(c => c.Id);
        var rows = await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => projectIds.Contains(r.ProjectId) && campaigns.Contains(r.CampaignId)).Select(r => new { r.ProjectId, r.Scores }).ToListAsync(ct);
        var result = new Dictionary<int, (int, int)>();
        foreach (var g in rows.GroupBy(r => r.ProjectId))
        {
            var (n, good, _) = SurveyScoring.Tally(g.SelectMany(r => r.Scores));
            if (n > 0) result[g.Key] = (n, good);
        }
        return result;
    }
}
