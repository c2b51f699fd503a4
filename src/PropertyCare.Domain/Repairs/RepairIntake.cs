using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Repairs;

/// <summary>What is asked when a request is taken: from a call, a visit or the owner portal.</summary>
public sealed record RepairIntake(
    int? UnitId,
    string? CommonArea,
    string Category,
    string Description,
    RepairUrgency Urgency,
    RepairChannel Channel,
    WorkKind Kind = WorkKind.Repair,
    FeeKind ExpectedFee = FeeKind.Free,
    string? PreferredTime = null,
    string? ContactName = null,
    string? ContactPhone = null)
{
    public const int MaxDescription = TextLimits.Description;

    public List<FieldError> Validate()
    {
        var e = new List<FieldError>();
        if (UnitId == null && string.IsNullOrWhiteSpace(CommonArea))
            e.Add(new("Location", new("请选择房屋或填写公共区域位置", "Choose a unit or describe the common-area location")));
        if (UnitId != null && !string.IsNullOrWhiteSpace(CommonArea))
            e.Add(new("Location", new("房屋与公共区域只能选其一", "Choose either a unit or a common area, not both")));
        if (CommonArea?.Trim().Length > TextLimits.Location) e.Add(new("Location", new($"位置不能超过 {TextLimits.Location} 字", $"At most {TextLimits.Location} characters")));
        if (string.IsNullOrWhiteSpace(Category)) e.Add(new(nameof(Category), new("请选择报修类别", "Choose a category")));
        if (string.IsNullOrWhiteSpace(Description)) e.Add(new(nameof(Description), new("请描述报修内容", "Describe the problem")));
        else if (Description.Trim().Length > MaxDescription) e.Add(new(nameof(Description), new($"报修内容不能超过 {MaxDescription} 字", $"At most {MaxDescription} characters")));
        if (PreferredTime?.Trim().Length > TextLimits.PreferredTime) e.Add(new(nameof(PreferredTime), new($"预约时间不能超过 {TextLimits.PreferredTime} 字", $"At most {TextLimits.PreferredTime} characters")));
        if (ContactName?.Trim().Length > TextLimits.PersonName) e.Add(new(nameof(ContactName), new($"联系人不能超过 {TextLimits.PersonName} 字", $"At most {TextLimits.PersonName} characters")));
        if (!string.IsNullOrWhiteSpace(ContactPhone) && !ContactRules.IsValidPhone(ContactPhone.Trim()))
            e.Add(new(nameof(ContactPhone), new("联系电话格式不正确", "Invalid phone number")));
        // A common-area request has no owner to call back, so the desk must leave a contact.
        if (UnitId == null && Channel != RepairChannel.OwnerPortal && string.IsNullOrWhiteSpace(ContactPhone) && !string.IsNullOrWhiteSpace(CommonArea))
            e.Add(new(nameof(ContactPhone), new("公共区域报修请留联系电话以便回访", "Leave a contact phone for the callback")));
        return e;
    }
}
