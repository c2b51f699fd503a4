using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Surveys;

/// <summary>One unit's answer to a campaign — one per unit (the database keeps it unique), editable while the campaign is
/// open. Scores[i] answers Items[i]: 1–5 as <see cref="Repairs.Satisfaction"/>, null = 不适用.</summary>
public class SurveyResponse : ITenantOwned, IHasHistory, IVersioned
{
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
}
