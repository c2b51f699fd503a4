using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Files;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Filters of the desk's application list: status, a building/room search, only overdue works.</summary>
public sealed record RenovationListQuery(RenovationStatus? Status = null, string? Search = null, bool OverdueOnly = false);

public sealed record RenovationRow(int Id, string Number, int UnitId, string Address, string OwnerName, string Contractor,
    RenovationStatus Status, DateOnly PlannedStart, DateOnly ApprovedEnd, bool Overdue, bool ExtensionWaiting, DateTime FiledAt);

/// <summary>A worker as screens and passes show them: ID number and phone masked.</summary>
public sealed record WorkerView(int Id, string Name, string MaskedIdNumber, string MaskedPhone, string? Trade, bool Revoked, int Version);

/// <summary>Everything the application's page shows. Money is derived from the ledger entries at reading time.</summary>
public sealed record RenovationDetail(
    int Id, string Number, int Version, RenovationStatus Status, int UnitId, string Address, decimal UnitArea, UnitState UnitState,
    int OwnerId, string OwnerName, string OwnerMaskedPhone, bool FiledByOwner, DateTime FiledAt,
    string ContractorCompany, string ContractorLicence, string ContractorPerson, string ContractorMaskedPhone,
    IReadOnlyList<ScopeLine> Scope, DateOnly PlannedStart, DateOnly PlannedEnd, DateOnly ApprovedEnd, string? Notes,
    string? ReturnReason, ReviewDecision? Decision, string? DecisionText, DateTime? ReviewedAt,
    decimal DepositDue, IReadOnlyList<RenovationFee> FeesDue, decimal DepositHeld, IReadOnlyCollection<string> FeesPaid,
    string? PermitNumber, DateTime? PermitIssuedAt, IReadOnlyList<ExtensionRequest> Extensions,
    string? StopReason, DateOnly? AcceptedOn, DateOnly? ObservationEndsOn, string? WithdrawReason, bool Overdue,
    IReadOnlyList<WorkerView> Workers, IReadOnlyList<AttachmentInfo> Documents)
{
    public bool PermitReady => Status == RenovationStatus.Approved && DepositHeld >= DepositDue
        && FeesDue.All(f => FeesPaid.Contains(f.Name)) && Workers.Any(w => !w.Revoked);
    public ExtensionRequest? PendingExtension => Extensions.FirstOrDefault(x => x.Status == ExtensionStatus.Requested);
}

/// <summary>A delivered unit the desk may file for, with its owners (the applicant is one of them).</summary>
public sealed record FilingUnit(int UnitId, string Address, UnitState State, decimal Area, bool HasOpenApplication, IReadOnlyList<(int Id, string Name)> Owners);

/// <summary>What the permit and the passes print.</summary>
public sealed record PermitPrint(string CompanyName, string ProjectName, string PermitNumber, string ApplicationNumber, string Address, string OwnerName,
    string ContractorCompany, string ContractorLicence, string ContractorPerson, string ContractorMaskedPhone, IReadOnlyList<ScopeLine> Scope,
    DateOnly Start, DateOnly End, string? Conditions, string HoursText, bool NoNoisyWorkOnRestDays, decimal DepositCollected,
    IReadOnlyList<(string Name, decimal Amount)> FeesCollected, DateTime IssuedAtLocal, IReadOnlyList<WorkerView> Workers);
