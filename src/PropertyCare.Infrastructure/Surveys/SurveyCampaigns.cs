using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>The campaign rows a caller may see. Campaigns are not tenant-owned (a company-wide one spans projects), so
/// every read names its boundary here: a project sees its own and its company's; HQ sees its company's.</summary>
internal static class SurveyCampaigns
{
    public static IQueryable<SurveyCampaign> Covering(AppDbContext db, int projectId, int companyId) =>
        db.SurveyCampaigns.Where(c => c.ProjectId == projectId || (c.ProjectId == null && c.CompanyId == companyId));

    /// <summary>What a project's staff see: its own campaigns, and the company's once HQ has started them (a company
    /// draft is HQ's work in progress).</summary>
    public static IQueryable<SurveyCampaign> ForProject(AppDbContext db, int projectId, int companyId) =>
        Covering(db, projectId, companyId).Where(c => c.ProjectId == projectId || c.Status != CampaignStatus.Draft);

    public static IQueryable<SurveyCampaign> ForCompany(AppDbContext db, int companyId) => db.SurveyCampaigns.Where(c => c.CompanyId == companyId);

    public static int NewSeed() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, int.MaxValue);

    public static void Expect(SurveyCampaign c, int expectedVersion)
    {
        if (c.Version != expectedVersion) throw new ConcurrencyConflictException();
    }

    public static async Task<List<CampaignRow>> RowsAsync(AppDbContext db, IQueryable<SurveyCampaign> q, int? projectId, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.ProjectId, c.Status, c.Target, c.SamplePercent, c.OpensOn, c.ClosesOn, c.CreatedByName }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // Counts ignore the tenant filter on purpose and name their boundary: the campaigns listed, and the one project
        // when a project's staff ask (a company-wide campaign's counts for their project only).
        var inv = db.SurveyInvitations.IgnoreQueryFilters().Where(i => ids.Contains(i.CampaignId) && (projectId == null || i.ProjectId == projectId));
        var res = db.SurveyResponses.IgnoreQueryFilters().Where(r => ids.Contains(r.CampaignId) && (projectId == null || r.ProjectId == projectId));
        var invited = await inv.GroupBy(i => i.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var answered = await res.GroupBy(i => i.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var projectIds = rows.Where(r => r.ProjectId != null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var names = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return rows.Select(r => new CampaignRow(r.Id, r.Title, r.ProjectId, r.ProjectId is { } p ? names.GetValueOrDefault(p) : null, r.Status, r.Target,
            r.SamplePercent, r.OpensOn, r.ClosesOn, r.CreatedByName, invited.GetValueOrDefault(r.Id), answered.GetValueOrDefault(r.Id))).ToList();
    }

    public static CampaignDetail Detail(SurveyCampaign c, string? projectName) =>
        new(c.Id, c.Version, c.Title, c.Intro, c.ProjectId, projectName, c.Items.Select(i => new SurveyItem { Area = i.Area, Text = i.Text }).ToList(),
            c.Target, c.SamplePercent, c.Seed, c.OpensOn, c.ClosesOn, c.ReminderEveryDays, c.Status, c.CreatedByName, c.CreatedAt, c.StartedAt, c.ClosedAt);
}

public sealed record CampaignRow(int Id, string Title, int? ProjectId, string? ProjectName, CampaignStatus Status, SurveyTarget Target, int SamplePercent,
    DateOnly OpensOn, DateOnly ClosesOn, string CreatedBy, int Invited, int Answered)
{
    public bool IsCompanyWide => ProjectId == null;
}

public sealed record CampaignDetail(int Id, int Version, string Title, string? Intro, int? ProjectId, string? ProjectName, List<SurveyItem> Items,
    SurveyTarget Target, int SamplePercent, int Seed, DateOnly OpensOn, DateOnly ClosesOn, int ReminderEveryDays, CampaignStatus Status,
    string CreatedBy, DateTime CreatedAt, DateTime? StartedAt, DateTime? ClosedAt)
{
    public bool IsCompanyWide => ProjectId == null;
    public CampaignDraft ToDraft() => new(Title, Intro, Items, Target, SamplePercent, OpensOn, ClosesOn, ReminderEveryDays);
}
