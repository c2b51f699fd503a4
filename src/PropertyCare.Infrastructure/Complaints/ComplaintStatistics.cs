using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;

namespace PropertyCare.Infrastructure.Complaints;

public enum ComplaintPeriodKind { Month = 0, Quarter = 1, Year = 2 }

/// <summary>The statistics' period in the project's own calendar: a month (1–12), a quarter (1–4) or a year.</summary>
public sealed record ComplaintPeriod(ComplaintPeriodKind Kind, int Year, int Number = 1)
{
    public DateOnly From => Kind switch
    {
        ComplaintPeriodKind.Month => new(Year, Number, 1),
        ComplaintPeriodKind.Quarter => new(Year, (Number - 1) * 3 + 1, 1),
        _ => new(Year, 1, 1),
    };

    /// <summary>The first day after the period.</summary>
    public DateOnly Until => Kind switch
    {
        ComplaintPeriodKind.Month => From.AddMonths(1),
        ComplaintPeriodKind.Quarter => From.AddMonths(3),
        _ => From.AddYears(1),
    };

    public Text Label => Kind switch
    {
        ComplaintPeriodKind.Month => new($"{Year}年{Number}月", $"{Year}-{Number:00}"),
        ComplaintPeriodKind.Quarter => new($"{Year}年第{Number}季度", $"{Year} Q{Number}"),
        _ => new($"{Year}年", $"{Year}"),
    };

    public string FileSuffix => Kind switch
    {
        ComplaintPeriodKind.Month => $"{Year}{Number:00}",
        ComplaintPeriodKind.Quarter => $"{Year}Q{Number}",
        _ => $"{Year}",
    };

    public List<FieldError> Validate()
    {
        var e = new List<FieldError>();
        if (Year is < 2000 or > 2100) e.Add(new(nameof(Year), new("年份应为 2000–2100", "The year must be 2000–2100")));
        var max = Kind switch { ComplaintPeriodKind.Month => 12, ComplaintPeriodKind.Quarter => 4, _ => 1 };
        if (!Enum.IsDefined(Kind)) e.Add(new(nameof(Kind), new("请选择统计周期", "Choose the period")));
        else if (Number < 1 || Number > max) e.Add(new(nameof(Number), new($"应为 1–{max}", $"Must be 1–{max}")));
        return e;
    }

    public static ComplaintPeriod MonthOf(DateOnly d) => new(ComplaintPeriodKind.Month, d.Year, d.Month);
}

/// <summary>One row of a breakdown: what is counted and how many.</summary>
public sealed record ComplaintCount(Text Label, int Count);

/// <summary>客户投诉统计表 of one period of the project.</summary>
public sealed record ComplaintStatistics(
    string ProjectName, ComplaintPeriod Period, ComplaintFigures Figures,
    IReadOnlyList<ComplaintCount> ByKind, IReadOnlyList<ComplaintCount> ByCategory, IReadOnlyList<ComplaintCount> ByDepartment,
    IReadOnlyList<ComplaintCount> ByClass, IReadOnlyList<ComplaintCount> ByStatus, IReadOnlyList<ComplaintCount> ByChannel)
{
    /// <summary>The breakdowns with their titles, in the order the sheet shows them.</summary>
    public IEnumerable<(Text Title, IReadOnlyList<ComplaintCount> Rows)> Tables =>
    [
        (new("按类型", "By kind"), ByKind), (new("按类别", "By category"), ByCategory), (new("按责任部门", "By department"), ByDepartment),
        (new("按投诉性质", "By classification"), ByClass), (new("按状态", "By status"), ByStatus), (new("按受理渠道", "By channel"), ByChannel),
    ];

    public static ComplaintStatistics Of(string projectName, ComplaintPeriod period, IReadOnlyCollection<Complaint> list) => new(
        projectName, period, ComplaintFigures.Of(list),
        // Every kind, status and channel is listed even at zero, so months compare line by line.
        Enum.GetValues<ComplaintKind>().Select(k => new ComplaintCount(k.Label(), list.Count(c => c.Kind == k))).ToList(),
        Group(list.Where(c => c.Kind != ComplaintKind.Praise), c => c.Category, new("未分类", "No category")),
        Group(list.Where(c => c.Kind != ComplaintKind.Praise), c => c.Department, new("未派单", "Not dispatched")),
        Enum.GetValues<ComplaintClass>().Select(k => new ComplaintCount(k.Label(), list.Count(c => c.Kind == ComplaintKind.Complaint && c.Class == k)))
            .Append(new ComplaintCount(new("未定性", "Not classified"), list.Count(c => c.Kind == ComplaintKind.Complaint && c.Class == null))).ToList(),
        Enum.GetValues<ComplaintStatus>().Select(s => new ComplaintCount(s.Label(), list.Count(c => c.Status == s))).ToList(),
        Enum.GetValues<ComplaintChannel>().Select(ch => new ComplaintCount(ch.Label(), list.Count(c => c.Channel == ch))).ToList());

    private static List<ComplaintCount> Group(IEnumerable<Complaint> list, Func<Complaint, string?> key, Text none) =>
        list.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key ?? "\uffff", StringComparer.Ordinal)
            .Select(g => new ComplaintCount(g.Key is { } k ? new(k, k) : none, g.Count())).ToList();
}
