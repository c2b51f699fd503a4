using System.Text.RegularExpressions;
using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

/// <summary>Formats of Chinese phone and ID numbers, and how they are masked (保密管理).</summary>
public static partial class ContactRules
{
    // Mainland mobile: 11 digits starting 13–19. Landline: area code 0xx(x), optional dash, 7–8 digits, optional extension.
    [GeneratedRegex(@"^1[3-9]\d{9}$")] private static partial Regex MobileRegex();
    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")] private static partial Regex LandlineRegex();
    [GeneratedRegex(@"^\d{17}[\dX]$")] private static partial Regex ResidentIdRegex();
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")] private static partial Regex EmailRegex();

    public static bool IsValidPhone(string phone) =>
        MobileRegex().IsMatch(phone) || LandlineRegex().IsMatch(phone);

    public static bool IsValidEmail(string email) => EmailRegex().IsMatch(email);

    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckDigits = "10X98765432";

    /// <summary>18-digit 居民身份证: format, a real birth date and the GB 11643 check digit.</summary>
    public static bool IsValidResidentId(string id)
    {
        id = id.ToUpperInvariant();
        if (!ResidentIdRegex().IsMatch(id)) return false;
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", out var birth)) return false;
        if (birth.Year < 1900 || birth > DateOnly.FromDateTime(DateTime.UtcNow)) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * IdWeights[i];
        return IdCheckDigits[sum % 11] == id[17];
    }

    /// <summary>The check digit for the first 17 digits — used to make valid demo data.</summary>
    public static char ResidentIdCheckDigit(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * IdWeights[i];
        return IdCheckDigits[sum % 11];
    }

    /// <summary>138****5678: enough to recognise a number on a call, not enough to copy it.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        if (phone.Length <= 4) return new string('*', phone.Length);
        if (phone.Length <= 7) return phone[..1] + new string('*', phone.Length - 3) + phone[^2..];
        return phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }

    /// <summary>1101**********123X: region and the last four only.</summary>
    public static string MaskIdNumber(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "";
        if (id.Length <= 6) return new string('*', id.Length);
        // 7–8 characters (short passport numbers): the 4 + 4 below would show all of it, or fail on a negative count.
        if (id.Length <= 8) return id[..1] + new string('*', id.Length - 3) + id[^2..];
        return id[..4] + new string('*', id.Length - 8) + id[^4..];
    }

    /// <summary>The mask for a field marked <see cref="SensitiveAttribute"/>; masking a masked value changes nothing,
    /// so stored history can be masked again safely.</summary>
    public static string Mask(SensitiveKind kind, string? value) => kind switch
    {
        SensitiveKind.IdNumber => MaskIdNumber(value),
        _ => MaskPhone(value),
    };
}
