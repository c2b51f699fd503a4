using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Surveys;

/// <summary>问卷模板: a reusable questionnaire, the company's (ProjectId null, written by HQ) or one project's.
/// A campaign copies the items when it is created, so editing a template never changes a running survey.</summary>
public class SurveyTemplate : IVersioned
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public int? ProjectId { get; set; }
    public string Name { get; set; } = "";
    public List<SurveyItem> Items { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}
