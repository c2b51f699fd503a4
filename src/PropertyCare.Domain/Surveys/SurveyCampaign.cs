using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Surveys;

/// <summary>满意度调查: a campaign over one project (a manager's) or every project of the company (HQ's, ProjectId null).
/// Draft → Open (the start job invites the target units through the outbox) → Closed (answers frozen). Not tenant-owned
/// because a company campaign spans projects; services check the company and project by hand.</summary>
public class SurveyCampaign : IHasHistory, IVersioned
{
    public const int MaxTitle = 100;

    public int Id { get; set; }
    public int CompanyId { get; set; }
    /// <summary>Null: every active project of the company.</summary>
    public int? ProjectId { get; set; }
    public string Title { get; set; } = "";
    public string? Intro { get; set; }
    public List<SurveyItem> Items { get; set; } = [];
    public SurveyTarget Target { get; set; }
    /// <summary>For <see cref="SurveyTarget.Sample"/>: the share of occupied units asked, 1–100.</summary>
    public int SamplePercent { get; set; }
    /// <summary>Recorded so the sampled units can be drawn again and checked.</summary>
    public int Seed { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>Remind the owners who have not answered every N days while open (0 = never).</summary>
    public int ReminderEveryDays { get; set; }
    public CampaignStatus Status { get; set; }
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    public bool IsCompanyWide => ProjectId == null;
}
