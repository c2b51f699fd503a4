using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

/// <summary>施工人员 — a worker registered on an application; gets a pass (装修出入证). The ID number and phone are
/// personal data: masked on screen and in history like owners'.</summary>
public class RenovationWorker : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ApplicationId { get; private set; }
    public string Name { get; private set; } = "";
    [Sensitive(SensitiveKind.IdNumber)] public string IdNumber { get; private set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string Phone { get; private set; } = "";
    /// <summary>工种 (木工, 电工 …), optional.</summary>
    public string? Trade { get; private set; }
    /// <summary>Pass revoked (the worker left the site); kept for the record.</summary>
    public bool Revoked { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(RenovationApplication), ApplicationId);

    public static RenovationWorker Register(int applicationId, string name, string idNumber, string phone, string? trade)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name)) e.Add(new(nameof(Name), new("请填写姓名", "Name is required")));
        else TextLimits.Check(e, nameof(Name), name, TextLimits.PersonName, "姓名", "Name");
        if (string.IsNullOrWhiteSpace(idNumber)) e.Add(new(nameof(IdNumber), new("请填写身份证号", "ID number is required")));
        else if (!ContactRules.IsValidResidentId(idNumber.Trim().ToUpperInvariant())) e.Add(new(nameof(IdNumber), new("身份证号不正确", "The ID number is not valid")));
        if (string.IsNullOrWhiteSpace(phone)) e.Add(new(nameof(Phone), new("请填写手机号", "Phone is required")));
        else if (!ContactRules.IsValidPhone(phone.Trim())) e.Add(new(nameof(Phone), new("手机号格式不正确", "The phone number is not valid")));
        TextLimits.Check(e, nameof(Trade), trade, TextLimits.Label, "工种", "Trade");
        e.ThrowIfAny();
        return new RenovationWorker { ApplicationId = applicationId, Name = name.Trim(), IdNumber = idNumber.Trim().ToUpperInvariant(), Phone = phone.Trim(),
            Trade = string.IsNullOrWhiteSpace(trade) ? null : trade.Trim() };
    }

    public void Revoke() => Revoked = true;
}
