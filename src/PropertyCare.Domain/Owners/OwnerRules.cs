using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Owners;

/// <summary>What makes an owner record complete and accurate (客户信息完整性与准确性): the same rules
/// for the edit form and for every imported row.</summary>
public static class OwnerRules
{
    public const int NameMax = TextLimits.PersonName;

    public static List<FieldError> Validate(OwnerDetails d, bool isNew = false)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(d.Name))
            e.Add(new(nameof(d.Name), new("请填写业主姓名", "Owner name is required")));
        else if (d.Name.Trim().Length > NameMax)
            e.Add(new(nameof(d.Name), new($"姓名不能超过 {NameMax} 个字", $"Name must be at most {NameMax} characters")));

        if (isNew && string.IsNullOrWhiteSpace(d.Phone))
            e.Add(new(nameof(d.Phone), new("请填写手机号码", "Phone number is required")));
        else if (d.Phone != null && !ContactRules.IsValidPhone(d.Phone.Trim()))
            e.Add(new(nameof(d.Phone), new("手机号码格式不正确（11 位手机号或带区号的固话）",
                "Invalid phone number (11-digit mobile or landline with area code)")));

        if (!string.IsNullOrWhiteSpace(d.Phone2) && !ContactRules.IsValidPhone(d.Phone2.Trim()))
            e.Add(new(nameof(d.Phone2), new("备用电话格式不正确", "Invalid second phone number")));

        if (isNew && string.IsNullOrWhiteSpace(d.IdNumber))
            e.Add(new(nameof(d.IdNumber), new("请填写证件号码", "ID document number is required")));
        else if (d.IdNumber != null)
        {
            var id = d.IdNumber.Trim();
            if (d.IdType == IdDocumentType.ResidentIdCard && !ContactRules.IsValidResidentId(id))
                e.Add(new(nameof(d.IdNumber), new("身份证号码无效（应为 18 位，校验位正确）",
                    "Invalid resident ID number (18 characters with a valid check digit)")));
            else if (id.Length is < 5 or > 30)
                e.Add(new(nameof(d.IdNumber), new("证件号码长度应为 5–30 位", "ID document number must be 5–30 characters")));
        }

        if (d.Email?.Trim().Length > TextLimits.Email)
            e.Add(TextLimits.TooLong(nameof(d.Email), TextLimits.Email, "邮箱", "Email address"));
        else if (!string.IsNullOrWhiteSpace(d.Email) && !ContactRules.IsValidEmail(d.Email.Trim()))
            e.Add(new(nameof(d.Email), new("邮箱格式不正确", "Invalid email address")));
        if (d.ContactPreference == ContactPreference.Email && string.IsNullOrWhiteSpace(d.Email))
            e.Add(new(nameof(d.Email), new("联系偏好为邮件时请填写邮箱", "An email address is needed when the preferred contact is email")));
        if (d.MoveInDate is { } m && m > DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)))
            e.Add(new(nameof(d.MoveInDate), new("入住日期不合理", "Move-in date is implausible")));
        TextLimits.Check(e, nameof(d.Notes), d.Notes, TextLimits.Description, "备注", "Notes");
        return e;
    }

    public static List<FieldError> ValidatePerson(string name, string relation, string? phone, bool phoneRequired)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name)) e.Add(new("Name", new("请填写姓名", "Name is required")));
        else if (name.Trim().Length > NameMax) e.Add(new("Name", new($"姓名不能超过 {NameMax} 个字", $"Name must be at most {NameMax} characters")));
        if (string.IsNullOrWhiteSpace(relation)) e.Add(new("Relation", new("请填写与业主关系", "Relation to the owner is required")));
        else TextLimits.Check(e, "Relation", relation, TextLimits.Relation, "与业主关系", "Relation");
        if (phoneRequired && string.IsNullOrWhiteSpace(phone)) e.Add(new("Phone", new("请填写联系电话", "Phone number is required")));
        else if (!string.IsNullOrWhiteSpace(phone) && !ContactRules.IsValidPhone(phone.Trim()))
            e.Add(new("Phone", new("电话号码格式不正确", "Invalid phone number")));
        return e;
    }

    public static void ThrowIfAny(this List<FieldError> errors)
    {
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
