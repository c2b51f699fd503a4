using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>HQ's company-wide campaigns (ProjectId null): HQ writes only these (HqAudit) and reads every campaign of its
/// own company (HqRead). Another company's campaign is "not found". Starting one invites every active project's target
/// units at once: HQ enters each project of its company in turn (the access rule checks the company), so the invitation
/// rows and messages are written inside that project like any project's.</summary>
public sealed class HqSurveyService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, IServiceScopeFactory scopes)
{
    private int Company(string permission)
    {
        tenant.Require(permission);
        return tenant.RequireUser().CompanyId ?? throw new AccessDeniedException();
    }

    public async Task<Page<CampaignRow>> ListAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var companyId = Company(Permissions.HqRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await SurveyCampaigns.RowsAsync(db, SurveyCampaigns.ForCompany(db, companyId), null, ct);
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        return new Page<CampaignRow>(rows.Skip((pageIndex - 1) * pageSize).Take(pageSize).ToList(), rows.Count, pageIndex, pageSize);
    }

    public async Task<CampaignDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var companyId = Company(Permissions.HqRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await SurveyCampaigns.ForCompany(db, companyId).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        var name = c.ProjectId is { } p ? await db.Projects.Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return SurveyCampaigns.Detail(c, name);
    }

    public async Task<int> CreateAsync(CampaignDraft draft, CancellationToken ct = default)
    {
        var companyId = Company(Permissions.HqAudit);
        var user = tenant.RequireUser();
        var c = SurveyCampaign.Create(companyId, null, draft, SurveyCampaigns.NewSeed(), user.UserId, user.DisplayName, time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SurveyCampaigns.Add(c);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    public Task EditAsync(int id, int expectedVersion, CampaignDraft draft, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, c => c.Edit(draft), ct);

    public Task CloseAsync(int id, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, c => c.Close(time.GetUtcNow().UtcDateTime), ct);

    /// <summary>Draft → Open, then every active project of the company invites its target units. Returns the units invited.</summary>
    public async Task<int> StartAsync(int id, int expectedVersion, CancellationToken ct = default)
    {
        await StepAsync(id, expectedVersion, c => c.Start(time.GetUtcNow().UtcDateTime), ct);
        return await InviteAllAsync(id, ct);
    }

    /// <summary>Invites (again: idempotent) the target units of every active project of the company for an open campaign.</summary>
    public async Task<int> InviteAllAsync(int id, CancellationToken ct = default)
    {
        var companyId = Company(Permissions.HqAudit);
        var user = tenant.RequireUser();
        List<int> projectIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await SurveyCampaigns.ForCompany(db, companyId).AnyAsync(c => c.ProjectId == null && c.Id == id, ct)) throw new RecordNotFoundException();
            projectIds = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId && p.IsActive).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        }
        var n = 0;
        foreach (var projectId in projectIds)
        {
            using var scope = scopes.CreateScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<TenantContext>().SetUser(user);
            await sp.GetRequiredService<TenantAccessor>().EnterAsync(projectId, ct);
            await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
            var c = await db.SurveyCampaigns.FirstAsync(x => x.Id == id, ct);
            n += await sp.GetRequiredService<SurveyInviter>().InviteAsync(db, c, ct);
            await db.SaveChangesAsync(ct);
        }
        return n;
    }

    /// <summary>HQ's own records only: a project's campaign is the manager's, another company's is not found.</summary>
    private async Task StepAsync(int id, int expectedVersion, Action<SurveyCampaign> step, CancellationToken ct)
    {
        var companyId = Company(Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await SurveyCampaigns.ForCompany(db, companyId).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (c.ProjectId != null) throw new AccessDeniedException(new("项目自己的调查由项目经理管理", "A project's own survey is managed by its manager"));
        SurveyCampaigns.Expect(c, expectedVersion);
        step(c);
        await db.SaveChangesAsync(ct);
    }
}
