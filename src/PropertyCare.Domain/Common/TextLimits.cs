namespace PropertyCare.Domain.Common;

/// <summary>The longest text the server accepts in each kind of free-text field — one place for the numbers, used by
/// every rule that takes user text (forms, the owner portal and imported rows alike), so a crafted request cannot
/// store a megabyte where the form allows fifty characters. Counted after trimming, in characters (a Chinese
/// character counts one). The database columns are not sized yet (SQLite ignores sizes); they follow these numbers
/// when the server databases come (docs/security.md).</summary>
public static class TextLimits
{
    /// <summary>Person names: owners, household members, contacts, callback respondents, staff display names.</summary>
    public const int PersonName = 50;
    /// <summary>Relation to the owner (配偶, 子女, 租户 …).</summary>
    public const int Relation = 20;
    public const int Email = 100;
    /// <summary>Short labels: building name, room, unit type, repair category, holiday name.</summary>
    public const int Label = 20;
    public const int Entrance = 10;
    public const int City = 50;
    /// <summary>A street address (project address).</summary>
    public const int Address = 200;
    /// <summary>Company and project names.</summary>
    public const int OrganisationName = 100;
    /// <summary>A common-area location of a repair (3栋电梯厅).</summary>
    public const int Location = 100;
    /// <summary>Preferred visit time, free text (明天上午).</summary>
    public const int PreferredTime = 50;
    /// <summary>Long descriptions: the repair problem, the work done, owner notes.</summary>
    public const int Description = 1000;
    /// <summary>Remarks: callback remarks, rating comments, materials.</summary>
    public const int Remark = 500;
    /// <summary>Why an order is returned, cancelled or closed — the reason dialog's length.</summary>
    public const int Reason = 200;

    /// <summary>Adds the bilingual field error when <paramref name="value"/> (trimmed) is longer than <paramref name="max"/>.</summary>
    public static void Check(List<FieldError> errors, string field, string? value, int max, string zhLabel, string enLabel)
    {
        if (value != null && value.Trim().Length > max) errors.Add(TooLong(field, max, zhLabel, enLabel));
    }

    public static FieldError TooLong(string field, int max, string zhLabel, string enLabel) =>
        new(field, new($"{zhLabel}不能超过 {max} 字", $"{enLabel} must be at most {max} characters"));
}
