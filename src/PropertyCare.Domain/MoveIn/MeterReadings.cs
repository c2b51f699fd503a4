using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.MoveIn;

/// <summary>底数 — the water, power and gas meters read at handover (and at each vacant-unit inspection), so the
/// owner pays from this reading on. Gas is null where the unit has no gas meter.</summary>
public sealed record MeterReadings(decimal? Water, decimal? Power, decimal? Gas)
{
    /// <summary>Meters show at most 7 digits before the point.</summary>
    public const decimal Max = 9_999_999m;

    /// <param name="requireWaterAndPower">true at handover, where the 底数 is the owner's starting point</param>
    public List<FieldError> Validate(bool requireWaterAndPower)
    {
        var e = new List<FieldError>();
        Check(e, nameof(Water), Water, "水表底数", "Water meter", requireWaterAndPower);
        Check(e, nameof(Power), Power, "电表底数", "Power meter", requireWaterAndPower);
        Check(e, nameof(Gas), Gas, "燃气表底数", "Gas meter", false);
        return e;
    }

    private static void Check(List<FieldError> e, string field, decimal? value, string zh, string en, bool required)
    {
        if (value == null)
        {
            if (required) e.Add(new(field, new($"请抄录{zh}", $"Read the {en.ToLowerInvariant()}")));
        }
        else if (value < 0 || value > Max) e.Add(new(field, new($"{zh}应在 0–{Max:0} 之间", $"{en} reading must be 0–{Max:0}")));
    }

    /// <summary>A reading lower than the last one means a wrong entry or a changed meter; the form asks to confirm.</summary>
    public static bool WentBack(decimal? previous, decimal? current) => current < previous; // false when either is missing (lifted comparison)
}
