namespace PropertyCare.Domain.Surveys;

/// <summary>The two survey figures, in one place so the results page, the reports and the KPI score agree:
/// the satisfaction index (满意度指数) is the share of scored answers that are 满意 (4) or 非常满意 (5), in percent;
/// the mean is the average score 1–5. 不适用 (null) is not an answer and counts in neither.</summary>
public static class SurveyScoring
{
    public const int Satisfied = 4;

    public static (int Scored, int SatisfiedOrBetter, int Sum) Tally(IEnumerable<int?> scores)
    {
        int n = 0, good = 0, sum = 0;
        foreach (var s in scores)
        {
            if (s is not { } v) continue;
            n++;
            sum += v;
            if (v >= Satisfied) good++;
        }
        return (n, good, sum);
    }

    /// <summary>Percent with one decimal; null when nothing was scored (an empty survey has no index, not 0 %).</summary>
    public static decimal? Index(int scored, int satisfiedOrBetter) => scored == 0 ? null : Math.Round(100m * satisfiedOrBetter / scored, 1);

    /// <summary>Two decimals; null when nothing was scored.</summary>
    public static decimal? Mean(int scored, int sum) => scored == 0 ? null : Math.Round((decimal)sum / scored, 2);
}
