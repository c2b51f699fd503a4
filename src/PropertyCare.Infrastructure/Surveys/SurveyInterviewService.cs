using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>电话访问: the desk or the manager (SurveysInterview) calls an invited owner of its own project and records the
/// answer on their behalf — channel PhoneInterview, recorded by the staff member's name. The same one-answer-per-unit rule
/// as the portal: an answer the owner already gave is changed (with its version), never duplicated.</summary>
public sealed class SurveyInterviewService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    /// <summary>The project's invited units of the campaign, unanswered first (the call list), with the owner to ask for.</summary>
    public async Task<Page<InterviewUnit>> UnitsAsync(int campaignId, bool unansweredOnly, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.SurveysInterview);
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await SurveyCampaigns.ForProject(db, projectId, tenant.Project!.CompanyId).AnyAsync(c => c.Id == campaignId, ct)) throw new RecordNotFoundException();
        var answered = db.SurveyResponses.Where(r => r.CampaignId == campaignId).Select(r => r.UnitId);
        var q = db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == campaignId);
        if (unansweredOnly) q = q.Where(i => !answered.Contains(i.UnitId));
        var total = await q.CountAsync(ct);
        var ids = await q.OrderBy(i => answered.Contains(i.UnitId) ? 1 : 0).ThenBy(i => i.UnitId).Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(i => i.UnitId).ToListAsync(ct);
        var names = await MoveInQueries.UnitsAsync(db, ids, ct);
        var owners = await MoveInQueries.OwnersAsync(db, ids, ct);
        var answers = await SurveyAnswering.ResponsesAsync(db, campaignId, ids, ct);
        return new Page<InterviewUnit>(ids.Select(u => new InterviewUnit(u, names.GetValueOrDefault(u)?.Address ?? "",
            owners.TryGetValue(u, out var o) ? o.Name : null, owners.TryGetValue(u, out var o2) ? Domain.Owners.ContactRules.MaskPhone(o2.Phone) : null,
            Interviewable(SurveyAnswering.Answer(answers.GetValueOrDefault(u))))).ToList(), total, pageIndex, pageSize);
    }

    /// <summary>An owner's own portal answer is shown to the desk only as "answered online": its scores and comment are the
    /// owner's opinion of the desk, not something to read over the phone or to edit.</summary>
    private static MyAnswer? Interviewable(MyAnswer? a) =>
        a is { Channel: ResponseChannel.Portal } ? a with { Scores = [], Comment = null } : a;

    public async Task<int> RecordAsync(int campaignId, int unitId, int? expectedVersion, IReadOnlyList<int?> scores, string? comment, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.SurveysInterview);
        var user = tenant.RequireUser();
        var project = tenant.Project!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (c, inv) = await SurveyAnswering.InvitedAsync(db, campaignId, unitId, projectId, project.CompanyId, ct);
        return await SurveyAnswering.AnswerAsync(db, c, inv, expectedVersion, scores, comment, ResponseChannel.PhoneInterview, user.UserId, user.DisplayName,
            ProjectClock.For(time, project), ct);
    }
}

public sealed record InterviewUnit(int UnitId, string Address, string? OwnerName, string? MaskedPhone, MyAnswer? Answer);
