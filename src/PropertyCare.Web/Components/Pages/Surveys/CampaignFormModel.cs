using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Surveys;

namespace PropertyCare.Web.Components.Pages.Surveys;

/// <summary>The campaign form's editable state (MudBlazor binds to mutable fields); the domain validates the draft it makes.</summary>
public sealed class CampaignFormModel
{
    public string Title { get; set; } = "";
    public string? Intro { get; set; }
    public SurveyTarget Target { get; set; } = SurveyTarget.AllOccupied;
    public int SamplePercent { get; set; } = 30;
    public DateTime? OpensOn { get; set; }
    public DateTime? ClosesOn { get; set; }
    public int ReminderEveryDays { get; set; } = 3;
    public List<SurveyItem> Items { get; set; } = SurveyItem.Standard();

    public static CampaignFormModel New(DateOnly today) => new() { OpensOn = today.ToDateTime(TimeOnly.MinValue), ClosesOn = today.AddDays(14).ToDateTime(TimeOnly.MinValue) };

    public static CampaignFormModel From(CampaignDetail d) => new()
    {
        Title = d.Title, Intro = d.Intro, Target = d.Target, SamplePercent = d.SamplePercent, ReminderEveryDays = d.ReminderEveryDays,
        OpensOn = d.OpensOn.ToDateTime(TimeOnly.MinValue), ClosesOn = d.ClosesOn.ToDateTime(TimeOnly.MinValue),
        Items = d.Items.Select(i => new SurveyItem { Area = i.Area, Text = i.Text }).ToList(),
    };

    public CampaignDraft ToDraft(DateOnly today) => new(Title, Intro, Items, Target, SamplePercent,
        OpensOn is { } o ? DateOnly.FromDateTime(o) : today, ClosesOn is { } c ? DateOnly.FromDateTime(c) : today, ReminderEveryDays);
}
