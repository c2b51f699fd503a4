namespace PropertyCare.Domain.Common;

/// <summary>A workflow refused a step from the record's current status — the message names what the record is and
/// what the step needs, in both languages (the move-in and vacant-unit workflows; repairs keep their own).</summary>
public sealed class IllegalStepException(Text what, Text current, IReadOnlyList<Text> allowed) : DomainException(new(
    $"{what.Zh}当前为“{current.Zh}”，不能执行此操作（需为：{string.Join("、", allowed.Select(a => a.Zh))}）",
    $"The {what.En} is {current.En}; this step needs: {string.Join(", ", allowed.Select(a => a.En))}"))
{
    /// <summary>Throws unless <paramref name="current"/> is one of <paramref name="allowed"/>.</summary>
    public static void Require<T>(Text what, T current, Func<T, Text> label, params T[] allowed) where T : struct, Enum
    {
        if (!allowed.Contains(current)) throw new IllegalStepException(what, label(current), allowed.Select(label).ToList());
    }
}
