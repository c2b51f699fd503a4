using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

/// <summary>满意度, five levels.</summary>
public enum Satisfaction
{
    VerySatisfied = 5,    // 非常满意
    Satisfied = 4,        // 满意
    Neutral = 3,          // 一般
    Dissatisfied = 2,     // 不太满意
    VeryDissatisfied = 1, // 很不满意
}

public static class SatisfactionRules
{
    public static Text Label(this Satisfaction s) => s switch
    {
        Satisfaction.VerySatisfied => new("非常满意", "Very satisfied"),
        Satisfaction.Satisfied => new("满意", "Satisfied"),
        Satisfaction.Neutral => new("一般", "Neutral"),
        Satisfaction.Dissatisfied => new("不太满意", "Dissatisfied"),
        _ => new("很不满意", "Very dissatisfied"),
    };

    /// <summary>不太满意 and 很不满意 send the work back (返工) and call again; 一般 closes the order but
    /// counts against the satisfaction rate in the reports.</summary>
    public static bool NeedsRework(this Satisfaction s) => s is Satisfaction.Dissatisfied or Satisfaction.VeryDissatisfied;
}
