using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Kpis;

/// <summary>The bands of seed 003_: "75分以下(不含75分), 75-80, 80-85, 85-90, 90-95, 95-100; 所有区间都大于最小数，小于等于
/// 最大数". Read together: below 75 fails; every other band is (lower, upper] — except that 75 itself, which the first
/// band explicitly excludes, belongs to 75–80 (the only reading where every score has exactly one band).</summary>
public enum KpiBand { Failing = 0, Pass = 1, Fair = 2, Good = 3, VeryGood = 4, Excellent = 5 }

public static class KpiBands
{
    public static KpiBand Of(decimal score) => score switch
    {
        < 75m => KpiBand.Failing,
        <= 80m => KpiBand.Pass,
        <= 85m => KpiBand.Fair,
        <= 90m => KpiBand.Good,
        <= 95m => KpiBand.VeryGood,
        _ => KpiBand.Excellent,
    };

    public static Text Label(this KpiBand band) => band switch
    {
        KpiBand.Failing => new("不合格（75分以下）", "Failing (below 75)"),
        KpiBand.Pass => new("合格（75–80分）", "Pass (75–80)"),
        KpiBand.Fair => new("中等（80–85分）", "Fair (80–85)"),
        KpiBand.Good => new("良好（85–90分）", "Good (85–90)"),
        KpiBand.VeryGood => new("优良（90–95分）", "Very good (90–95)"),
        _ => new("优秀（95–100分）", "Excellent (95–100)"),
    };
}
