using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>One answer per unit, by the owner in the portal or by staff on the phone. A first answer (no expected version)
/// inserts; the unique index (CampaignId, UnitId) is the final word when two arrive at once — the loser is told the unit
/// has been answered and to reload (then it edits, with the version it read). An edit checks the version like any step.</summary>
internal static class SurveyAnswering
{
    public static readonly Text AlreadyAnswered = new("该房屋已提交过答卷（可能刚由家人或客服提交），请刷新后再修改。",
        "This unit has already been answered (perhaps just now by someone else). Reload, then change the answer.");

    /// <summary>The campaign and the invitation of the unit in the current project, or "not found": a unit not asked (not
    /// sampled, another project's, another owner's) cannot be answered.</summary>
    public static async Task<(SurveyCampaign Campaign, SurveyInvitation Invitation)> InvitedAsync(AppDbContext db, int campaignId, int unitId, int projectId, int companyId, CancellationToken ct)
    {
        var c = await SurveyCampaigns.Covering(db, projectId, companyId).AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId && x.Status != CampaignStatus.Draft, ct)
            ?? throw new RecordNotFoundException();
        var i = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(x => x.CampaignId == campaignId && x.UnitId == unitId, ct)
            ?? throw new RecordNotFoundException();
        return (c, i);
    }

    public static readonly Text OwnerAnsweredOnline = new("业主已在业主端自行作答，不能代为修改", "The owner answered in the portal; staff cannot change that answer");

    public static async Task<int> AnswerAsync(AppDbContext db, SurveyCampaign c, SurveyInvitation inv, int? expectedVersion, IReadOnlyList<int?> scores,
        string? comment, ResponseChannel channel, string byId, string byName, ProjectClock clock, CancellationToken ct)
    {
        var existing = await db.SurveyResponses.FirstOrDefaultAsync(r => r.CampaignId == c.Id && r.UnitId == inv.UnitId, ct);
        if (expectedVersion is { } v)
        {
            if (existing == null) throw new RecordNotFoundException();
            // The owner's own answer is theirs: the staff being graded may not change it by "interviewing" over it.
            if (channel == ResponseChannel.PhoneInterview && existing.Channel == ResponseChannel.Portal) throw new DomainException(OwnerAnsweredOnline);
            if (existing.Version != v) throw new ConcurrencyConflictException();
            existing.Edit(c, scores, comment, channel, byId, byName, clock.UtcNow, clock.Today);
            await db.SaveChangesAsync(ct);
            return existing.Id;
        }
        if (existing != null) throw new DomainException(AlreadyAnswered);
        var r = SurveyResponse.Submit(c, inv.ProjectId, inv.UnitId, inv.OwnerId, scores, comment, channel, byId, byName, clock.UtcNow, clock.Today);
        db.SurveyResponses.Add(r);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index refused a second first answer sent at the same moment.
            db.ChangeTracker.Clear();
            if (await db.SurveyResponses.AnyAsync(x => x.CampaignId == c.Id && x.UnitId == inv.UnitId, ct)) throw new DomainException(AlreadyAnswered);
            throw;
        }
        return r.Id;
    }

    public static async Task<Dictionary<int, SurveyResponse>> ResponsesAsync(AppDbContext db, int campaignId, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaignId && unitIds.Contains(r.UnitId)).ToDictionaryAsync(r => r.UnitId, ct);

    public static MyAnswer? Answer(SurveyResponse? r) =>
        r == null ? null : new MyAnswer(r.Id, r.Version, r.Scores.ToList(), r.Comment, r.Channel, r.RecordedByName, r.SubmittedAt, r.UpdatedAt);
}

public sealed record MyAnswer(int Id, int Version, List<int?> Scores, string? Comment, ResponseChannel Channel, string RecordedBy, DateTime SubmittedAt, DateTime? UpdatedAt);
