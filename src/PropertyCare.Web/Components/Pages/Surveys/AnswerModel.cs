namespace PropertyCare.Web.Components.Pages.Surveys;

/// <summary>One unit's answer being edited: a score per item (null = 不适用 or not chosen yet) and the comment.</summary>
public sealed class AnswerModel
{
    public List<int?> Scores { get; set; } = [];
    public string? Comment { get; set; }
    /// <summary>The version of the answer read, or null for a first answer.</summary>
    public int? Version { get; set; }

    public static AnswerModel For(int items, Infrastructure.Surveys.MyAnswer? a) => a == null
        ? new AnswerModel { Scores = Enumerable.Repeat((int?)null, items).ToList() }
        : new AnswerModel { Scores = a.Scores.ToList(), Comment = a.Comment, Version = a.Version };
}
