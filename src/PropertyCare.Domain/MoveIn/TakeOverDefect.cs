using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.MoveIn;

public enum DefectStatus
{
    Open = 0,       // 待整改 (recorded, no date from the developer yet)
    Promised = 1,   // 整改中 (the developer promised a date)
    Rectified = 2,  // 待复查 (the developer says it is done)
    Closed = 3,     // 已关闭 (checked by us and accepted)
    Returned = 4,   // 复查不合格 (checked, not accepted: back to the developer)
}

/// <summary>工程遗留问题 — a defect found at take-over, chased with the developer until our own check accepts it:
/// Open → Promised (the developer's promised date) → Rectified → Closed, or Returned by the check and promised again.
/// Only our check closes it; the developer's word that it is done is not enough.</summary>
public class TakeOverDefect : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int InspectionId { get; private set; }
    /// <summary>The checklist item it was found under.</summary>
    public string Item { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Location { get; private set; }
    public DefectStatus Status { get; private set; }
    public DateOnly? PromisedOn { get; private set; }
    public DateTime? RectifiedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? CheckedBy { get; private set; }
    public string? ReturnReason { get; private set; }
    /// <summary>How many times our check sent it back — a measure of the developer's work.</summary>
    public int Returns { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(TakeOverInspection), InspectionId);

    private static readonly Text What = new("工程遗留问题", "defect");

    public static TakeOverDefect Record(int inspectionId, string item, string description, string? location)
    {
        var e = new List<FieldError>();
        Checks.Required(e, nameof(Item), item, TextLimits.Location, "验收项目", "Checklist item");
        Checks.Required(e, nameof(Description), description, TextLimits.Description, "问题描述", "Description");
        TextLimits.Check(e, nameof(Location), location, TextLimits.Location, "位置", "Location");
        e.ThrowIfAny();
        return new TakeOverDefect { InspectionId = inspectionId, Item = item.Trim(), Description = description.Trim(), Location = Checks.Clean(location) };
    }

    /// <summary>The developer promises a date (a new date may be given while work is under way).</summary>
    public void Promise(DateOnly promisedOn, DateOnly today)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, DefectStatus.Open, DefectStatus.Returned, DefectStatus.Promised);
        if (promisedOn < today)
            throw new ValidationException([new(nameof(PromisedOn), new("承诺整改日期不能早于今天", "The promised date is in the past"))]);
        PromisedOn = promisedOn;
        Status = DefectStatus.Promised;
    }

    public void MarkRectified(DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, DefectStatus.Promised);
        RectifiedAt = atUtc;
        Status = DefectStatus.Rectified;
    }

    /// <summary>复查合格: our staff checked the rectification and accept it.</summary>
    public void Close(string checkedBy, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, DefectStatus.Rectified);
        if (string.IsNullOrWhiteSpace(checkedBy)) throw new ValidationException([new(nameof(CheckedBy), new("请填写复查人", "Who checked it?"))]);
        CheckedBy = checkedBy.Trim();
        ClosedAt = atUtc;
        ReturnReason = null;
        Status = DefectStatus.Closed;
    }

    /// <summary>复查不合格: back to the developer with the reason; it needs a new promised date.</summary>
    public void Return(string checkedBy, string reason)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, DefectStatus.Rectified);
        var e = new List<FieldError>();
        Checks.Required(e, nameof(CheckedBy), checkedBy, TextLimits.PersonName, "复查人", "Checked by");
        Checks.Required(e, nameof(ReturnReason), reason, TextLimits.Reason, "不合格原因", "Reason");
        e.ThrowIfAny();
        CheckedBy = checkedBy.Trim();
        ReturnReason = reason.Trim();
        PromisedOn = null;
        RectifiedAt = null;
        Returns++;
        Status = DefectStatus.Returned;
    }

    public bool IsOpen => Status != DefectStatus.Closed;

    /// <summary>Past the developer's promised date and not yet reported rectified (the list shows it red).</summary>
    public bool IsLate(DateOnly today) => Status == DefectStatus.Promised && PromisedOn < today;
}
