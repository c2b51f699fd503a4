using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Quality;

/// <summary>抽访设置 of one company (HQ's, not a project's): how much of each project's week HQ re-calls, and how many days a
/// project gets to answer a 整改通知. A company that never saved them works with the defaults (version 0).</summary>
public class CompanyQualitySettings : IVersioned
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public int SharePercent { get; private set; } = SampleRule.Default.SharePercent;
    public int Minimum { get; private set; } = SampleRule.Default.Minimum;
    /// <summary>整改期限: the notice is due at the end of the project's local day this many days after it is issued.</summary>
    public int NoticeDays { get; private set; } = RectificationNotice.DefaultDays;
    public int Version { get; set; }

    public SampleRule Rule => new(SharePercent, Minimum);

    public static List<FieldError> Validate(int sharePercent, int minimum, int noticeDays)
    {
        var e = new SampleRule(sharePercent, minimum).Validate();
        if (noticeDays is < RectificationNotice.MinDays or > RectificationNotice.MaxDays)
            e.Add(new(nameof(NoticeDays), new($"整改期限须在 {RectificationNotice.MinDays} 到 {RectificationNotice.MaxDays} 天之间",
                $"The deadline must be {RectificationNotice.MinDays} to {RectificationNotice.MaxDays} days")));
        return e;
    }

    public void Change(int sharePercent, int minimum, int noticeDays)
    {
        Validate(sharePercent, minimum, noticeDays).ThrowIfAny();
        SharePercent = sharePercent;
        Minimum = minimum;
        NoticeDays = noticeDays;
    }
}
