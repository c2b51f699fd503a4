using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Surveys;

/// <summary>What a campaign asks and when: the fields HQ or a manager fills in, validated together.</summary>
public sealed record CampaignDraft(string Title, string? Intro, IReadOnlyList<SurveyItem> Items, SurveyTarget Target, int SamplePercent,
    DateOnly OpensOn, DateOnly ClosesOn, int ReminderEveryDays);

/// <summary>满意度调查: a campaign over one project (a manager's) or every project of the company (HQ's, ProjectId null).
/// Draft → Open (the start job invites the target units through the outbox) → Closed (answers frozen). Not tenant-owned
/// because a company campaign spans projects; services check the company and project by hand. Not IHasHistory either:
/// the change log is per project (ChangeRecord.ProjectId) and a company campaign has none — its steps are kept on the row
/// (CreatedBy/At, StartedAt, ClosedAt), and the answers (tenant-owned) keep their history.</summary>
public class SurveyCampaign : IVersioned
{
    public const int MaxTitle = 100, MaxIntro = 500, MaxReminderDays = 30;
    /// <summary>A survey runs at most 60 days, and an owner is reminded at most 3 times: every reminder is a paid SMS to
    /// a household that has not answered, and a survey that nags is a complaint of its own.</summary>
    public const int MaxDays = 60, MaxReminders = 3;

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

    public bool IsCompanyWide => ProjectId == null;

    private static readonly Text What = new("调查", "campaign");

    public static List<FieldError> Validate(CampaignDraft d)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(d.Title)) e.Add(new(nameof(Title), new("请填写调查名称", "Enter the campaign's title")));
        else TextLimits.Check(e, nameof(Title), d.Title, MaxTitle, "调查名称", "Title");
        TextLimits.Check(e, nameof(Intro), d.Intro, MaxIntro, "说明", "Introduction");
        e.AddRange(SurveyItem.Validate(d.Items ?? []));
        if (!Enum.IsDefined(d.Target)) e.Add(new(nameof(Target), new("请选择调查对象", "Choose the target")));
        if (d.Target == SurveyTarget.Sample && d.SamplePercent is < 1 or > 100)
            e.Add(new(nameof(SamplePercent), new("抽样比例须在 1%–100% 之间", "The sample share must be 1–100 %")));
        if (d.OpensOn > d.ClosesOn) e.Add(new(nameof(ClosesOn), new("结束日期不能早于开始日期", "The closing date cannot be before the opening date")));
        else if (d.ClosesOn.DayNumber - d.OpensOn.DayNumber >= MaxDays)
            e.Add(new(nameof(ClosesOn), new($"调查期最长 {MaxDays} 天", $"A survey runs at most {MaxDays} days")));
        if (d.ReminderEveryDays is < 0 or > MaxReminderDays)
            e.Add(new(nameof(ReminderEveryDays), new($"提醒间隔须在 0–{MaxReminderDays} 天之间（0 为不提醒）", $"Remind every 0–{MaxReminderDays} days (0 = never)")));
        return e;
    }

    /// <summary>A new draft; <paramref name="seed"/> is drawn by the caller (recorded, so a sample can be redrawn).</summary>
    public static SurveyCampaign Create(int companyId, int? projectId, CampaignDraft d, int seed, string userId, string userName, DateTime nowUtc)
    {
        var c = new SurveyCampaign { CompanyId = companyId, ProjectId = projectId, Seed = seed, CreatedById = userId, CreatedByName = userName, CreatedAt = nowUtc, Status = CampaignStatus.Draft };
        c.Apply(d);
        return c;
    }

    /// <summary>Only a draft is edited: once owners are asked, the questionnaire and the target are what they answered.</summary>
    public void Edit(CampaignDraft d)
    {
        IllegalStepException.Require(What, Status, SurveyLabels.Label, CampaignStatus.Draft);
        Apply(d);
    }

    private void Apply(CampaignDraft d)
    {
        Validate(d).ThrowIfAny();
        Title = d.Title.Trim();
        Intro = string.IsNullOrWhiteSpace(d.Intro) ? null : d.Intro.Trim();
        Items = d.Items.Select(i => new SurveyItem { Area = i.Area, Text = i.Text.Trim() }).ToList();
        Target = d.Target;
        SamplePercent = d.Target == SurveyTarget.Sample ? d.SamplePercent : 100;
        OpensOn = d.OpensOn;
        ClosesOn = d.ClosesOn;
        ReminderEveryDays = d.ReminderEveryDays;
    }

    /// <summary>Draft → Open. The invitations go out with it (the service, per project).</summary>
    public void Start(DateTime nowUtc)
    {
        IllegalStepException.Require(What, Status, SurveyLabels.Label, CampaignStatus.Draft);
        Status = CampaignStatus.Open;
        StartedAt = nowUtc;
    }

    /// <summary>Open → Closed: the answers are final.</summary>
    public void Close(DateTime nowUtc)
    {
        IllegalStepException.Require(What, Status, SurveyLabels.Label, CampaignStatus.Open);
        Status = CampaignStatus.Closed;
        ClosedAt = nowUtc;
    }

    /// <summary>Answers are taken (and changed) while open, up to the end of the closing day in the project's zone.</summary>
    public bool TakesAnswers(DateOnly today) => Status == CampaignStatus.Open && today <= ClosesOn;

    /// <summary>The daily job starts a draft on its opening day only when that day was set ahead — after the day the draft
    /// was saved (<paramref name="createdOn"/>, local): a campaign saved to open "today" is still being written and is
    /// started by hand (with its confirmation), never texted to every household by the next job run.</summary>
    public bool StartDue(DateOnly today, DateOnly createdOn) => Status == CampaignStatus.Draft && OpensOn <= today && OpensOn > createdOn;
    public bool CloseDue(DateOnly today) => Status == CampaignStatus.Open && today > ClosesOn;

    /// <summary>Covers the project: its own campaign, or its company's company-wide one.</summary>
    public bool Covers(int projectId, int companyId) => ProjectId == projectId || (ProjectId == null && CompanyId == companyId);
}
