using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

/// <summary>What the applicant fills in (and may change until the desk passes it to review).</summary>
public sealed record ApplicationDetails(
    string ContractorCompany,
    string ContractorLicence,
    string ContractorPerson,
    string ContractorPhone,
    IReadOnlyList<string> Scope,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    string? Notes);

/// <summary>One line of the approved scope, with whether engineering must review it (copied from the project's list
/// at filing, so a later change of the list does not change what was applied for).</summary>
public sealed class ScopeLine
{
    public string Name { get; set; } = "";
    public bool NeedsReview { get; set; }
}

/// <summary>A request to work longer than approved (延期申请), decided by the manager.</summary>
public sealed class ExtensionRequest
{
    public DateOnly RequestedEnd { get; set; }
    public string Reason { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public ExtensionStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>装修申请 — one owner's renovation of one unit, from the application to the settled deposit. The unit's
/// state follows it: 装修中 from the permit to acceptance, then back to what it was. The money is not here: the deposit
/// and fees are entries of the deposit ledger, and the balance is always derived from them.</summary>
public partial class RenovationApplication : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>ZX-yyyyMMdd-NNNN, unique in the project (assigned by the service).</summary>
    public string Number { get; set; } = "";
    public int UnitId { get; private set; }
    public int OwnerId { get; private set; }
    /// <summary>Filed by the owner in the portal (true) or by the desk on the owner's behalf.</summary>
    public bool FiledByOwner { get; private set; }
    public string FiledBy { get; private set; } = "";
    public DateTime FiledAt { get; private set; }

    public string ContractorCompany { get; private set; } = "";
    /// <summary>营业执照/资质证书编号.</summary>
    public string ContractorLicence { get; private set; } = "";
    public string ContractorPerson { get; private set; } = "";
    [Sensitive(SensitiveKind.Phone)] public string ContractorPhone { get; private set; } = "";
    public List<ScopeLine> Scope { get; private set; } = [];
    public DateOnly PlannedStart { get; private set; }
    public DateOnly PlannedEnd { get; private set; }
    /// <summary>The end in force: the planned end, moved by approved extensions.</summary>
    public DateOnly ApprovedEnd { get; private set; }
    public string? Notes { get; private set; }

    public RenovationStatus Status { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? DeskCheckedBy { get; private set; }
    public DateTime? DeskCheckedAt { get; private set; }
    public ReviewDecision? Decision { get; private set; }
    /// <summary>The conditions of an approval with conditions, or the reasons of a rejection.</summary>
    public string? DecisionText { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    /// <summary>Fixed at approval from the project's settings and the unit's area; what the permit needs collected.</summary>
    public decimal DepositDue { get; private set; }
    public List<RenovationFee> FeesDue { get; private set; } = [];
    public string? PermitNumber { get; private set; }
    public DateTime? PermitIssuedAt { get; private set; }
    public string? PermitIssuedBy { get; private set; }
    /// <summary>The unit's state before the works, restored at acceptance.</summary>
    public UnitState? StateBefore { get; private set; }
    public List<ExtensionRequest> Extensions { get; private set; } = [];
    public string? StopReason { get; private set; }
    public DateTime? StoppedAt { get; private set; }
    /// <summary>The violation that caused the stop-work order, when one did.</summary>
    public int? StopViolationId { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? ObservationEndsOn { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? WithdrawReason { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    private static readonly Text What = new("装修申请", "renovation application");

    public static RenovationApplication File(int unitId, int ownerId, ApplicationDetails d, RenovationSettings settings,
        bool byOwner, string filedBy, DateTime atUtc, DateOnly today)
    {
        var app = new RenovationApplication { UnitId = unitId, OwnerId = ownerId, FiledByOwner = byOwner, FiledBy = filedBy, FiledAt = atUtc };
        app.Apply(d, settings, today);
        app.Status = RenovationStatus.Submitted;
        return app;
    }

    /// <summary>The applicant corrects the form — only while the desk has not passed it on.</summary>
    public void Change(ApplicationDetails d, RenovationSettings settings, DateOnly today)
    {
        IllegalStepException.Require(What, Status, RenovationLabels.Label, RenovationStatus.Submitted, RenovationStatus.Returned);
        Apply(d, settings, today);
    }

    private void Apply(ApplicationDetails d, RenovationSettings settings, DateOnly today)
    {
        var e = Validate(d, settings, today, out var lines);
        e.ThrowIfAny();
        ContractorCompany = d.ContractorCompany.Trim();
        ContractorLicence = d.ContractorLicence.Trim().ToUpperInvariant();
        ContractorPerson = d.ContractorPerson.Trim();
        ContractorPhone = d.ContractorPhone.Trim();
        Scope = lines;
        PlannedStart = d.PlannedStart;
        PlannedEnd = d.PlannedEnd;
        ApprovedEnd = d.PlannedEnd;
        Notes = string.IsNullOrWhiteSpace(d.Notes) ? null : d.Notes.Trim();
    }

    /// <summary>Every problem of the form at once; prohibited works are refused with the project's reason.</summary>
    public static List<FieldError> Validate(ApplicationDetails d, RenovationSettings settings, DateOnly today, out List<ScopeLine> lines)
    {
        var e = new List<FieldError>();
        Required(e, nameof(d.ContractorCompany), d.ContractorCompany, TextLimits.OrganisationName, "施工单位", "Contractor");
        Required(e, nameof(d.ContractorLicence), d.ContractorLicence, 30, "营业执照/资质编号", "Licence number");
        Required(e, nameof(d.ContractorPerson), d.ContractorPerson, TextLimits.PersonName, "施工负责人", "Person in charge");
        if (string.IsNullOrWhiteSpace(d.ContractorPhone)) e.Add(new(nameof(d.ContractorPhone), new("请填写负责人电话", "The person in charge's phone is required")));
        else if (!ContactRules.IsValidPhone(d.ContractorPhone.Trim())) e.Add(new(nameof(d.ContractorPhone), new("负责人电话格式不正确", "The phone number is not valid")));
        TextLimits.Check(e, nameof(d.Notes), d.Notes, TextLimits.Description, "备注", "Notes");

        lines = [];
        var chosen = d.Scope.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
        if (chosen.Count == 0) e.Add(new(nameof(d.Scope), new("请选择装修项目", "Choose what the works include")));
        foreach (var name in chosen)
        {
            var item = settings.ScopeCatalog.FirstOrDefault(s => s.Name.Trim() == name);
            if (item == null) e.Add(new(nameof(d.Scope), new($"“{name}”不在本项目的装修项目清单中", $"'{name}' is not on this project's scope list")));
            else if (item.Prohibited) e.Add(new(nameof(d.Scope), new($"“{name}”为禁止项：{item.Reason}", $"'{name}' is prohibited: {item.Reason}")));
            else lines.Add(new ScopeLine { Name = item.Name.Trim(), NeedsReview = item.NeedsReview });
        }

        if (d.PlannedStart < today) e.Add(new(nameof(d.PlannedStart), new("计划开工日期不能早于今天", "The planned start is in the past")));
        if (d.PlannedEnd < d.PlannedStart) e.Add(new(nameof(d.PlannedEnd), new("计划完工日期不能早于开工日期", "The planned end is before the start")));
        else if (d.PlannedEnd.DayNumber - d.PlannedStart.DayNumber + 1 > settings.MaxDurationDays)
            e.Add(new(nameof(d.PlannedEnd), new($"装修期不能超过 {settings.MaxDurationDays} 天（需要更久请在施工中申请延期）",
                $"The period is at most {settings.MaxDurationDays} days (ask for an extension during the works)")));
        return e;
    }

    private static void Required(List<FieldError> e, string field, string? value, int max, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(new(field, new($"请填写{zh}", $"{en} is required")));
        else TextLimits.Check(e, field, value, max, zh, en);
    }

    public bool NeedsEngineeringReview => Scope.Any(s => s.NeedsReview);
}
