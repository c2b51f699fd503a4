using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>A project's own campaigns (SurveysManage: the manager). The list also shows the company-wide campaigns that
/// cover the project once HQ started them (read-only here). Another project's campaign is "not found"; a company-wide
/// one is refused for writes (HQ's record).</summary>
public sealed class ProjectSurveyService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, SurveyInviter inviter)
{
    private (int ProjectId, int CompanyId) Scope()
    {
        var projectId = tenant.RequireProject(Permissions.SurveysManage);
        return (projectId, tenant.Project!.CompanyId);
    }

    /// <summary>The manager's list, and the desk's (SurveysInterview: which campaigns are open for phone interviews).</summary>
    public async Task<Page<CampaignRow>> ListAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProjectAny(Permissions.SurveysManage, Permissions.SurveysInterview);
        var companyId = tenant.Project!.CompanyId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await SurveyCampaigns.RowsAsync(db, SurveyCampaigns.ForProject(db, projectId, companyId), projectId, ct);
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        return new Page<CampaignRow>(rows.Skip((pageIndex - 1) * pageSize).Take(pageSize).ToList(), rows.Count, pageIndex, pageSize);
    }

    public async Task<CampaignDetail> GetAsync(int id, CancellationToken ct = default)
    {
        tenant.RequireProjectAny(Permissions.SurveysManage, Permissions.SurveysInterview);
        var projectId = tenant.ProjectId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await SurveyCampaigns.ForProject(db, projectId, tenant.Project!.CompanyId).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new RecordNotFoundException();
        return SurveyCampaigns.Detail(c, c.ProjectId == null ? null : tenant.Project!.Name);
    }

    public async Task<int> CreateAsync(CampaignDraft draft, CancellationToken ct = default)
    {
        var (projectId, companyId) = Scope();
        var user = tenant.RequireUser();
        var c = SurveyCampaign.Create(companyId, projectId, draft, SurveyCampaigns.NewSeed(), user.UserId, user.DisplayName, time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SurveyCampaigns.Add(c);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    public Task EditAsync(int id, int expectedVersion, CampaignDraft draft, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, (_, c) => { c.Edit(draft); return Task.FromResult(0); }, ct);

    /// <summary>Draft → Open and the project's target units invited, in one unit of work. Returns the units invited.</summary>
    public Task<int> StartAsync(int id, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, (db, c) => { c.Start(time.GetUtcNow().UtcDateTime); return inviter.InviteAsync(db, c, ct); }, ct);

    public Task CloseAsync(int id, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, (_, c) => { c.Close(time.GetUtcNow().UtcDateTime); return Task.FromResult(0); }, ct);

    private async Task<int> StepAsync(int id, int expectedVersion, Func<AppDbContext, SurveyCampaign, Task<int>> step, CancellationToken ct)
    {
        var (projectId, companyId) = Scope();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await SurveyCampaigns.ForProject(db, projectId, companyId).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (c.ProjectId == null) throw new AccessDeniedException(new("全公司调查由总部管理", "A company-wide survey is managed by head office"));
        SurveyCampaigns.Expect(c, expectedVersion);
        var n = await step(db, c);
        await db.SaveChangesAsync(ct);
        return n;
    }
}
