using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.MoveIn;

/// <summary>Small shared checks of the move-in forms, so every form says the same thing about the same input.</summary>
internal static class Checks
{
    public static void Required(List<FieldError> e, string field, string? value, int max, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(new(field, new($"请填写{zh}", $"{en} is required")));
        else TextLimits.Check(e, field, value, max, zh, en);
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
