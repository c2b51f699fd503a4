using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>问卷模板. HQ (HqAudit) keeps the company's (ProjectId null); a manager (SurveysManage, inside the project)
/// keeps the project's and reads the company's to start from. Editing a template never changes a campaign: a campaign
/// copies the items when it is created.</summary>
public sealed class SurveyTemplateService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public const int MaxName = 100;

    /// <summary>HQ: the company's templates. A manager: the company's and the project's.</summary>
    public async Task<List<TemplateRow>> ListAsync(bool asHq, CancellationToken ct = default)
    {
        var (companyId, projectId) = Who(asHq);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SurveyTemplates.AsNoTracking().Where(t => t.CompanyId == companyId && (t.ProjectId == null || t.ProjectId == projectId))
            .OrderBy(t => t.ProjectId == null ? 0 : 1).ThenBy(t => t.Name).ToListAsync(ct);
        return rows.Select(t => new TemplateRow(t.Id, t.Version, t.Name, t.ProjectId == null, t.Items, t.CreatedBy, t.CreatedAt)).ToList();
    }

    /// <summary>Creates (id null) or edits the caller's own template; returns its id.</summary>
    public async Task<int> SaveAsync(bool asHq, int? id, int expectedVersion, string name, IReadOnlyList<SurveyItem> items, CancellationToken ct = default)
    {
        var (companyId, projectId) = Who(asHq, write: true);
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name)) e.Add(new("Name", new("请填写模板名称", "Enter the template's name")));
        else TextLimits.Check(e, "Name", name, MaxName, "模板名称", "Name");
        e.AddRange(SurveyItem.Validate(items ?? []));
        PropertyCare.Domain.Owners.OwnerRules.ThrowIfAny(e);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        SurveyTemplate t;
        if (id is { } existing)
        {
            t = await db.SurveyTemplates.FirstOrDefaultAsync(x => x.Id == existing && x.CompanyId == companyId && x.ProjectId == projectId, ct)
                ?? throw new RecordNotFoundException();
            if (t.Version != expectedVersion) throw new ConcurrencyConflictException();
        }
        else
        {
            var user = tenant.RequireUser();
            t = new SurveyTemplate { CompanyId = companyId, ProjectId = projectId, CreatedBy = user.DisplayName, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.SurveyTemplates.Add(t);
        }
        t.Name = name.Trim();
        t.Items = items!.Select(i => new SurveyItem { Area = i.Area, Text = i.Text.Trim() }).ToList();
        await db.SaveChangesAsync(ct);
        return t.Id;
    }

    public async Task DeleteAsync(bool asHq, int id, int expectedVersion, CancellationToken ct = default)
    {
        var (companyId, projectId) = Who(asHq, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.SurveyTemplates.FirstOrDefaultAsync(x => x.Id == id && x.CompanyId == companyId && x.ProjectId == projectId, ct)
            ?? throw new RecordNotFoundException();
        if (t.Version != expectedVersion) throw new ConcurrencyConflictException();
        db.SurveyTemplates.Remove(t);
        await db.SaveChangesAsync(ct);
    }

    private (int CompanyId, int? ProjectId) Who(bool asHq, bool write = false)
    {
        if (asHq)
        {
            tenant.Require(write ? Permissions.HqAudit : Permissions.HqRead);
            return (tenant.RequireUser().CompanyId ?? throw new AccessDeniedException(), null);
        }
        var projectId = tenant.RequireProject(Permissions.SurveysManage);
        return (tenant.Project!.CompanyId, projectId);
    }
}

public sealed record TemplateRow(int Id, int Version, string Name, bool IsCompanys, List<SurveyItem> Items, string CreatedBy, DateTime CreatedAt);
