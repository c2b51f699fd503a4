using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>A project's view of a campaign's results (SurveysManage): its own campaign, or a company-wide one limited to
/// this project's answers. Another project's campaign is "not found".</summary>
public sealed class SurveyResultsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<SurveyResults> GetAsync(int campaignId, CancellationToken ct = default)
    {
        var (db, c) = await OpenAsync(campaignId, ct);
        await using (db) return await SurveyResultsBuilder.BuildAsync(db, c, [c.ProjectId ?? tenant.ProjectId!.Value], tenant.Project!.Name, ct);
    }

    public async Task<Page<SurveyComment>> CommentsAsync(int campaignId, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var (db, _) = await OpenAsync(campaignId, ct);
        await using (db) return await SurveyResultsBuilder.CommentsAsync(db, campaignId, [tenant.ProjectId!.Value], pageIndex, pageSize, ct);
    }

    /// <summary>Every comment for the xlsx and the PDF (the page pages through them), newest first, up to
    /// <see cref="SurveyResultsBuilder.MaxExportedComments"/>.</summary>
    public Task<List<SurveyComment>> AllCommentsAsync(int campaignId, CancellationToken ct = default) =>
        SurveyResultsBuilder.AllCommentsAsync((i, n) => CommentsAsync(campaignId, i, n, ct));

    public async Task<byte[]> ExportAsync(int campaignId, CancellationToken ct = default)
    {
        var results = await GetAsync(campaignId, ct);
        return SurveyResultsBuilder.Workbook(results, await AllCommentsAsync(campaignId, ct));
    }

    private async Task<(AppDbContext, Domain.Surveys.SurveyCampaign)> OpenAsync(int campaignId, CancellationToken ct)
    {
        var projectId = tenant.RequireProject(Permissions.SurveysManage);
        var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await SurveyCampaigns.ForProject(db, projectId, tenant.Project!.CompanyId).AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId, ct);
        if (c == null)
        {
            await db.DisposeAsync();
            throw new RecordNotFoundException();
        }
        return (db, c);
    }
}

/// <summary>HQ's named cross-project queries over survey results (the HqQueries pattern): HqRead, the company from the
/// user, and every read limited to the projects of that company. Another company's campaign is "not found".</summary>
public sealed class HqSurveyQueries(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<SurveyResults> ResultsAsync(int campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, projects) = await OpenAsync(db, campaignId, ct);
        var scope = c.ProjectId is { } p ? await db.Projects.Where(x => x.Id == p).Select(x => x.Name).FirstAsync(ct) : "全公司";
        return await SurveyResultsBuilder.BuildAsync(db, c, projects, scope, ct);
    }

    public async Task<Page<SurveyComment>> CommentsAsync(int campaignId, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, projects) = await OpenAsync(db, campaignId, ct);
        return await SurveyResultsBuilder.CommentsAsync(db, campaignId, projects, pageIndex, pageSize, ct);
    }

    /// <summary>Every comment for the xlsx and the PDF (the page pages through them), newest first, up to
    /// <see cref="SurveyResultsBuilder.MaxExportedComments"/>.</summary>
    public Task<List<SurveyComment>> AllCommentsAsync(int campaignId, CancellationToken ct = default) =>
        SurveyResultsBuilder.AllCommentsAsync((i, n) => CommentsAsync(campaignId, i, n, ct));

    public async Task<byte[]> ExportAsync(int campaignId, CancellationToken ct = default)
    {
        var results = await ResultsAsync(campaignId, ct);
        return SurveyResultsBuilder.Workbook(results, await AllCommentsAsync(campaignId, ct));
    }

    private async Task<(Domain.Surveys.SurveyCampaign, List<int>)> OpenAsync(AppDbContext db, int campaignId, CancellationToken ct)
    {
        tenant.Require(Permissions.HqRead);
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        var c = await SurveyCampaigns.ForCompany(db, companyId).AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId, ct) ?? throw new RecordNotFoundException();
        var projects = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId && (c.ProjectId == null || p.Id == c.ProjectId)).Select(p => p.Id).ToListAsync(ct);
        return (c, projects);
    }
}
