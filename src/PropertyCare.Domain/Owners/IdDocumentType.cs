using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

/// <summary>证件类型.</summary>
public enum IdDocumentType
{
    ResidentIdCard = 0,     // 居民身份证
    Passport = 1,           // 护照
    HkMacauPermit = 2,      // 港澳居民来往内地通行证
    TaiwanPermit = 3,       // 台湾居民来往大陆通行证
    ForeignerPermanentResidence = 4, // 外国人永久居留身份证
    BusinessLicense = 5,    // 营业执照 (unit owned by a company)
}

public enum ContactPreference
{
    Phone = 0,  // 电话
    Sms = 1,    // 短信
    WeChat = 2, // 微信
    Email = 3,  // 邮件
}

public static class OwnerEnumText
{
    public static Text Label(this IdDocumentType t) => t switch
    {
        IdDocumentType.ResidentIdCard => new("居民身份证", "Resident ID card"),
        IdDocumentType.Passport => new("护照", "Passport"),
        IdDocumentType.HkMacauPermit => new("港澳居民来往内地通行证", "HK/Macau permit"),
        IdDocumentType.TaiwanPermit => new("台湾居民来往大陆通行证", "Taiwan permit"),
        IdDocumentType.ForeignerPermanentResidence => new("外国人永久居留身份证", "Foreigner permanent residence ID"),
        IdDocumentType.BusinessLicense => new("营业执照", "Business licence"),
        _ => new(t.ToString(), t.ToString()),
    };

    public static Text Label(this ContactPreference p) => p switch
    {
        ContactPreference.Phone => new("电话", "Phone call"),
        ContactPreference.Sms => new("短信", "SMS"),
        ContactPreference.WeChat => new("微信", "WeChat"),
        ContactPreference.Email => new("邮件", "Email"),
        _ => new(p.ToString(), p.ToString()),
    };

    /// <summary>Reads a label as typed in an import file, in either language.</summary>
    public static bool TryParseLabel<T>(string text, Func<T, Text> label, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            var l = label(v);
            if (text.Trim() == l.Zh || string.Equals(text.Trim(), l.En, StringComparison.OrdinalIgnoreCase)) { value = v; return true; }
        }
        value = default;
        return false;
    }
}
