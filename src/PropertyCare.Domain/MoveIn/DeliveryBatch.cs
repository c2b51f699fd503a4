using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.MoveIn;

public enum BatchStatus
{
    Planned = 0,     // 筹备中
    InProgress = 1,  // 交付中
    Closed = 2,      // 已结束
}

/// <summary>交付批次 — one wave of the developer handing units to their owners: which units, the delivery period and
/// the developer (开发商) with its contact. Units are listed in <see cref="Units"/>; a unit is in at most one open batch
/// (checked by the service, which sees the other batches).</summary>
public class DeliveryBatch : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string Name { get; private set; } = "";
    public string Developer { get; private set; } = "";
    public string DeveloperContact { get; private set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string DeveloperPhone { get; private set; } = "";
    /// <summary>交付期: first and last day (project-local dates, both included).</summary>
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public BatchStatus Status { get; private set; }
    public List<int> UnitIds { get; private set; } = [];
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    private static readonly Text What = new("交付批次", "delivery batch");

    public static DeliveryBatch Plan(string name, string developer, string developerContact, string developerPhone,
        DateOnly startsOn, DateOnly endsOn, IEnumerable<int> unitIds)
    {
        var units = unitIds.Distinct().Order().ToList();
        var e = new List<FieldError>();
        Checks.Required(e, nameof(Name), name, TextLimits.Label * 2, "批次名称", "Batch name");
        Checks.Required(e, nameof(Developer), developer, TextLimits.OrganisationName, "开发商", "Developer");
        Checks.Required(e, nameof(DeveloperContact), developerContact, TextLimits.PersonName, "开发商联系人", "Developer contact");
        if (string.IsNullOrWhiteSpace(developerPhone) || !Owners.ContactRules.IsValidPhone(developerPhone.Trim()))
            e.Add(new(nameof(DeveloperPhone), new("请填写正确的开发商联系电话", "Enter a valid phone number for the developer")));
        if (endsOn < startsOn) e.Add(new(nameof(EndsOn), new("交付结束日期不能早于开始日期", "The delivery period ends before it starts")));
        if (units.Count == 0) e.Add(new(nameof(UnitIds), new("请选择本批次交付的房屋", "Choose the units of this batch")));
        e.ThrowIfAny();
        return new DeliveryBatch
        {
            Name = name.Trim(), Developer = developer.Trim(), DeveloperContact = developerContact.Trim(),
            DeveloperPhone = developerPhone.Trim(), StartsOn = startsOn, EndsOn = endsOn, UnitIds = units, Status = BatchStatus.Planned,
        };
    }

    /// <summary>Opens the batch: appointments can be booked from now on.</summary>
    public void Start()
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, BatchStatus.Planned);
        Status = BatchStatus.InProgress;
    }

    public void Close()
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, BatchStatus.InProgress);
        Status = BatchStatus.Closed;
    }

    public bool Contains(int unitId) => UnitIds.Contains(unitId);
}

/// <summary>The batch's progress screen, counted from what is stored (never kept by hand).</summary>
public sealed record BatchProgress(int Units, int Delivered, int Appointed, int NotYet, int DefectsOpen, int DefectsClosed)
{
    /// <param name="deliveredUnitIds">units of the batch whose move-in procedure is completed</param>
    /// <param name="appointedUnitIds">units with a booked (not cancelled) appointment</param>
    public static BatchProgress Of(DeliveryBatch batch, IEnumerable<int> deliveredUnitIds, IEnumerable<int> appointedUnitIds,
        int defectsOpen, int defectsClosed)
    {
        var delivered = deliveredUnitIds.Where(batch.Contains).ToHashSet();
        // A delivered unit counts once, as delivered, even though it had an appointment.
        var appointed = appointedUnitIds.Where(u => batch.Contains(u) && !delivered.Contains(u)).ToHashSet();
        return new(batch.UnitIds.Count, delivered.Count, appointed.Count, batch.UnitIds.Count - delivered.Count - appointed.Count,
            defectsOpen, defectsClosed);
    }
}
