using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>The owner's surveys in the portal (on a phone): the campaigns that invited a unit they own, one answer per unit,
/// changeable until the campaign closes. A campaign that did not invite one of their units — another owner's, another
/// project's, not sampled — is "not found"; staff are refused (they record phone interviews elsewhere).</summary>
public sealed class PortalSurveyService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    private int Me()
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        return tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
    }

    private static IQueryable<int> MyUnits(AppDbContext db, int me) => db.UnitOwnerships.Where(o => o.OwnerId == me).Select(o => o.UnitId);

    public async Task<List<MySurveyRow>> MineAsync(CancellationToken ct = default)
    {
        var me = Me();
        var project = tenant.Project!;
        var today = ProjectClock.For(time, project).Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invited = await db.SurveyInvitations.AsNoTracking().Where(i => MyUnits(db, me).Contains(i.UnitId)).Select(i => new { i.CampaignId, i.UnitId }).ToListAsync(ct);
        var ids = invited.Select(i => i.CampaignId).Distinct().ToList();
        var campaigns = await SurveyCampaigns.Covering(db, project.Id, project.CompanyId).AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status != CampaignStatus.Draft)
            .OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var answered = await db.SurveyResponses.AsNoTracking().Where(r => ids.Contains(r.CampaignId) && MyUnits(db, me).Contains(r.UnitId))
            .Select(r => new { r.CampaignId, r.UnitId }).ToListAsync(ct);
        return campaigns.Select(c => new MySurveyRow(c.Id, c.Title, c.Status, c.OpensOn, c.ClosesOn, c.TakesAnswers(today),
            invited.Count(i => i.CampaignId == c.Id), answered.Count(a => a.CampaignId == c.Id))).ToList();
    }

    public async Task<MySurvey> GetAsync(int campaignId, CancellationToken ct = default)
    {
        var me = Me();
        var project = tenant.Project!;
        var today = ProjectClock.For(time, project).Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == campaignId && MyUnits(db, me).Contains(i.UnitId))
            .Select(i => i.UnitId).OrderBy(u => u).ToListAsync(ct);
        if (units.Count == 0) throw new RecordNotFoundException();
        var c = await SurveyCampaigns.Covering(db, project.Id, project.CompanyId).AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId && x.Status != CampaignStatus.Draft, ct)
            ?? throw new RecordNotFoundException();
        var names = await MoveInQueries.UnitsAsync(db, units, ct);
        var answers = await SurveyAnswering.ResponsesAsync(db, campaignId, units, ct);
        return new MySurvey(c.Id, c.Title, c.Intro, c.Items.ToList(), c.Status, c.ClosesOn, c.TakesAnswers(today),
            units.Select(u => new MySurveyUnit(u, names.GetValueOrDefault(u)?.Address ?? "", SurveyAnswering.Answer(answers.GetValueOrDefault(u)))).ToList());
    }

    /// <summary>First answer (<paramref name="expectedVersion"/> null) or a change of the answer read (its version).</summary>
    public async Task<int> AnswerAsync(int campaignId, int unitId, int? expectedVersion, IReadOnlyList<int?> scores, string? comment, CancellationToken ct = default)
    {
        var me = Me();
        var user = tenant.RequireUser();
        var project = tenant.Project!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await MyUnits(db, me).AnyAsync(u => u == unitId, ct)) throw new RecordNotFoundException();
        var (c, inv) = await SurveyAnswering.InvitedAsync(db, campaignId, unitId, project.Id, project.CompanyId, ct);
        return await SurveyAnswering.AnswerAsync(db, c, inv, expectedVersion, scores, comment, ResponseChannel.Portal, user.UserId, user.DisplayName,
            ProjectClock.For(time, project), ct);
    }
}

public sealed record MySurveyRow(int CampaignId, string Title, CampaignStatus Status, DateOnly OpensOn, DateOnly ClosesOn, bool TakesAnswers, int Units, int Answered);
public sealed record MySurvey(int CampaignId, string Title, string? Intro, List<SurveyItem> Items, CampaignStatus Status, DateOnly ClosesOn, bool TakesAnswers,
    List<MySurveyUnit> Units);
public sealed record MySurveyUnit(int UnitId, string Address, MyAnswer? Answer);
