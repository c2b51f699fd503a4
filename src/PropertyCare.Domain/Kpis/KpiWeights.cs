using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Kpis;

/// <summary>The weights one company gives its KPIs (HQ sets them), a 100-point table. Without a row the defaults apply.
/// Defaults from seed 003_: the 17 points of 及时性 7 / 服务流程关闭率 6 / 数据完整性 4 scaled ×3 into 51 of 100
/// (及时性 21 split 11 repairs / 10 complaints, 关闭率 18, 完整性 12); the other 49 cover the KPIs the seed does not
/// weigh (derivation in docs/quality.md). Not IHasHistory: the change history (ChangeRecord) belongs to a project and this
/// row is the company's; who changed it last and when is kept on the row.</summary>
public class KpiWeightSet : IVersioned
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Dictionary<KpiKind, int> Weights { get; set; } = Defaults();
    public DateTime UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }

    public static Dictionary<KpiKind, int> Defaults() => new()
    {
        [KpiKind.FeedbackOnTime] = 11,
        [KpiKind.ComplaintOnTime] = 10,
        [KpiKind.ProcessClosure] = 18,
        [KpiKind.DataCompleteness] = 12,
        [KpiKind.CallbackRate] = 8,
        [KpiKind.ComplaintSatisfaction] = 8,
        [KpiKind.SurveyIndex] = 9,
        [KpiKind.CallbackAuthenticity] = 8,
        [KpiKind.ValidComplaints] = 6,
        [KpiKind.Redispatch] = 5,
        [KpiKind.RepeatComplaint] = 5,
    };

    /// <summary>Every KPI 0–100, whole numbers, all of them present, sum exactly 100.</summary>
    public static List<FieldError> Validate(IReadOnlyDictionary<KpiKind, int> weights)
    {
        var errors = new List<FieldError>();
        foreach (var kind in Enum.GetValues<KpiKind>())
        {
            if (!weights.TryGetValue(kind, out var w))
                errors.Add(new(kind.ToString(), new("缺少该指标的权重", "This KPI has no weight")));
            else if (w is < 0 or > 100)
                errors.Add(new(kind.ToString(), new("权重须在 0 到 100 之间", "A weight is between 0 and 100")));
        }
        if (errors.Count == 0 && weights.Values.Sum() != 100)
            errors.Add(new("Sum", new($"权重合计须为 100（现为 {weights.Values.Sum()}）", $"The weights add up to 100 (now {weights.Values.Sum()})")));
        return errors;
    }

    public void Set(IReadOnlyDictionary<KpiKind, int> weights, string byName, DateTime atUtc)
    {
        var errors = Validate(weights);
        if (errors.Count > 0) throw new ValidationException(errors);
        Weights = weights.ToDictionary(p => p.Key, p => p.Value);
        UpdatedByName = byName;
        UpdatedAt = atUtc;
    }
}
