using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Surveys;

/// <summary>One unit's answer to a campaign — one per unit (the database keeps it unique), editable while the campaign is
/// open. Scores[i] answers Items[i]: 1–5 as <see cref="Repairs.Satisfaction"/>, null = 不适用.</summary>
public class SurveyResponse : ITenantOwned, IHasHistory, IVersioned
{
    public const int MaxComment = 500;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public int? OwnerId { get; set; }
    public List<int?> Scores { get; set; } = [];
    public string? Comment { get; set; }
    public ResponseChannel Channel { get; set; }
    /// <summary>The owner's user id in the portal, or the staff member who recorded the phone interview.</summary>
    public string RecordedById { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    /// <summary>One score per item, each 1–5 or 不适用, at least one scored (an all-不适用 answer says nothing); comment ≤ 500.</summary>
    public static List<FieldError> Validate(SurveyCampaign campaign, IReadOnlyList<int?> scores, string? comment)
    {
        var e = new List<FieldError>();
        if (scores.Count != campaign.Items.Count)
            e.Add(new(nameof(Scores), new($"请回答全部 {campaign.Items.Count} 个题目", $"Answer all {campaign.Items.Count} items")));
        for (var i = 0; i < scores.Count; i++)
            if (scores[i] is { } s && s is < 1 or > 5) e.Add(new($"Scores[{i}]", new($"第 {i + 1} 题：评分须为 1–5", $"Item {i + 1}: the score must be 1–5")));
        if (scores.Count > 0 && scores.All(s => s == null))
            e.Add(new(nameof(Scores), new("请至少对一个题目评分（不能全部为不适用）", "Score at least one item (not all 'not applicable')")));
        TextLimits.Check(e, nameof(Comment), comment, MaxComment, "意见建议", "Comment");
        return e;
    }

    public static SurveyResponse Submit(SurveyCampaign campaign, int projectId, int unitId, int? ownerId, IReadOnlyList<int?> scores, string? comment,
        ResponseChannel channel, string byId, string byName, DateTime nowUtc, DateOnly today)
    {
        RequireOpen(campaign, today);
        Validate(campaign, scores, comment).ThrowIfAny();
        return new SurveyResponse
        {
            ProjectId = projectId, CampaignId = campaign.Id, UnitId = unitId, OwnerId = ownerId, Scores = scores.ToList(),
            Comment = Clean(comment), Channel = channel, RecordedById = byId, RecordedByName = byName, SubmittedAt = nowUtc,
        };
    }

    /// <summary>A changed answer while the campaign is open; the channel and recorder become those of the latest change.</summary>
    public void Edit(SurveyCampaign campaign, IReadOnlyList<int?> scores, string? comment, ResponseChannel channel, string byId, string byName,
        DateTime nowUtc, DateOnly today)
    {
        if (campaign.Id != CampaignId) throw new DomainException(new("答卷不属于该调查", "The answer is not of this campaign"));
        RequireOpen(campaign, today);
        Validate(campaign, scores, comment).ThrowIfAny();
        Scores = scores.ToList();
        Comment = Clean(comment);
        Channel = channel;
        RecordedById = byId;
        RecordedByName = byName;
        UpdatedAt = nowUtc;
    }

    private static void RequireOpen(SurveyCampaign campaign, DateOnly today)
    {
        if (!campaign.TakesAnswers(today))
            throw new DomainException(campaign.Status == CampaignStatus.Draft
                ? new("该调查尚未开始", "This survey has not started yet")
                : new("该调查已结束，不能再提交或修改答卷", "This survey is closed; answers can no longer be given or changed"));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A unit asked by a campaign (invited when it starts; reminded while it has not answered).</summary>
public class SurveyInvitation : ITenantOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public int? OwnerId { get; set; }
    public DateTime InvitedAt { get; set; }
    public int Reminders { get; set; }
    public DateTime? LastRemindedAt { get; set; }

    /// <summary>Remind every N days after the invitation or the last reminder (0 = never).</summary>
    public bool ReminderDue(int everyDays, DateTime nowUtc) =>
        everyDays > 0 && Reminders < SurveyCampaign.MaxReminders && nowUtc >= (LastRemindedAt ?? InvitedAt).AddDays(everyDays);
}

/// <summary>Which occupied units of a project a campaign asks: all, or a reproducible random share. The project's seed is
/// the campaign's recorded seed mixed with the project id, so each project of a company-wide campaign draws its own
/// sample and any of them can be drawn again from the record.</summary>
public static class SurveySample
{
    public static List<int> Draw(IReadOnlyCollection<int> occupiedUnitIds, SurveyTarget target, int samplePercent, int seed, int projectId)
    {
        var ids = occupiedUnitIds.Distinct().OrderBy(i => i).ToList();
        if (target == SurveyTarget.AllOccupied || samplePercent >= 100) return ids;
        var wanted = (int)Math.Ceiling(ids.Count * Math.Clamp(samplePercent, 1, 100) / 100m);
        var rng = new Quality.SplitMix64(((ulong)(uint)seed << 32) | (uint)projectId);
        for (var i = 0; i < wanted; i++)
        {
            var j = i + (int)rng.NextBelow((ulong)(ids.Count - i));
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        return ids.Take(wanted).OrderBy(i => i).ToList();
    }
}
