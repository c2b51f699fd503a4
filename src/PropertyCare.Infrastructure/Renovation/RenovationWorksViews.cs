using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Files;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>One violation written on the patrol form: a checklist item, what was seen, the deadline and its photos.</summary>
public sealed record ViolationInput(string Type, string Description, DateOnly RectifyBy, IReadOnlyCollection<PhotoUpload> Photos);

public sealed record PatrolRecorded(int PatrolId, IReadOnlyList<int> ViolationIds);

/// <summary>The application as the works page heads it.</summary>
public sealed record WorksHeader(int ApplicationId, string Number, int UnitId, string Unit, int OwnerId, string Owner, string ContractorCompany,
    string ContractorPerson, string ContractorPhone, RenovationStatus Status, DateOnly? PermitIssuedOn, DateOnly ApprovedEnd, bool WorksOverdue,
    string? StopReason, DateTime? StoppedAt, int? StopViolationId, DateOnly? AcceptedOn, DateOnly? ObservationEndsOn, int Version);

public sealed record PatrolView(int Id, DateTime PatrolledAt, string PatrolledByName, IReadOnlyList<PatrolCheck> Checks, string? Notes,
    IReadOnlyList<AttachmentInfo> Photos)
{
    public int FailedCount => Checks.Count(c => c.Result == CheckResult.Failed);
}

public sealed record ViolationView(int Id, int? PatrolId, string Type, string Description, DateTime FoundAt, string FoundBy, DateOnly RectifyBy,
    ViolationStatus Status, DateTime? RectifiedAt, string? RecheckedBy, string? RecheckNote, int Rechecks, DateTime? EscalatedAt, bool IsOverdue,
    int? RepairOrderId, string? RepairOrderNumber, IReadOnlyList<AttachmentInfo> Photos, int Version);

public sealed record AcceptanceView(int Id, DateTime CheckedAt, string CheckedByName, bool Passed, IReadOnlyList<PatrolCheck> Checks,
    IReadOnlyList<string> RectificationItems, string? Notes, IReadOnlyList<AttachmentInfo> Photos);

/// <summary>Everything the works page shows for one application.</summary>
public sealed record WorksDetail(WorksHeader Header, DateOnly? NextPatrolDue, bool PatrolDue, IReadOnlyList<PatrolView> Patrols,
    IReadOnlyList<ViolationView> Violations, IReadOnlyList<AcceptanceView> Acceptances, WorkingHoursRule.Verdict NowNoisy,
    WorkingHoursRule.Verdict NowQuiet, Text AllowedHours, DateOnly Today)
{
    public int OpenViolations => Violations.Count(v => v.Status != ViolationStatus.Closed);
}

/// <summary>A line of the desk's patrol worklist.</summary>
public sealed record PatrolWorkRow(int ApplicationId, string Number, string Unit, string Owner, RenovationStatus Status, DateOnly? LastPatrolOn,
    DateOnly NextDue, int DaysOverdue, bool Due, int OpenViolations);

/// <summary>What the stop-work notice (停工通知) prints.</summary>
public sealed record StopNotice(string ProjectName, string Number, string Unit, string Owner, string ContractorCompany, string ContractorPerson,
    string ContractorPhone, string? PermitNumber, DateTime StoppedAt, string Reason, string? ViolationType, string? ViolationDescription,
    DateOnly? RectifyBy, int PhotoCount, Text AllowedHours);

/// <summary>The owner's view of the works of their application (portal).</summary>
public sealed record MyWorksView(int ApplicationId, RenovationStatus Status, IReadOnlyList<(DateTime At, Text Result)> Patrols,
    IReadOnlyList<MyViolation> Violations, bool? AcceptancePassed, DateTime? AcceptedAt, IReadOnlyList<string> RectificationItems,
    DateOnly? ObservationEndsOn);

public sealed record MyViolation(int Id, string Type, string Description, DateOnly RectifyBy, ViolationStatus Status, bool IsOverdue, IReadOnlyList<AttachmentInfo> Photos);
