using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Files;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>A vacant unit as the list shows it: this cycle's task, the last inspection, the keys held.</summary>
public sealed record VacantUnitRow(int UnitId, string Address, string Type, decimal Area,
    int? TaskId, VacantTaskStatus? TaskStatus, string? AssigneeName, bool TaskOverdue,
    int? LastInspectionId, DateTime? LastInspectedAt, int LastFindings,
    int? CustodyId, CustodyStatus? CustodyStatus, bool KeyOverdue);

public sealed record VacantTaskRow(int Id, int UnitId, string Address, string CycleKey, string AssigneeId, string AssigneeName,
    DateTime DueAt, VacantTaskStatus Status, bool Overdue, int? InspectionId, bool Mine, int Version);

/// <summary>A desk staff member a task can be given to.</summary>
public sealed record DeskStaffOption(string UserId, string Name);

/// <summary>A vacant unit in the picker: its id and address.</summary>
public sealed record VacantUnitOption(int UnitId, string Address);

/// <summary>The current cycle and its coverage figure (巡查覆盖率).</summary>
public sealed record CycleCoverage(InspectionCycle Cycle, Coverage Coverage);

/// <summary>A finding with the repair order it became (number and status, for the link).</summary>
public sealed record FindingView(string Item, string Description, int? RepairOrderId, string? RepairNumber, RepairStatus? RepairStatus);

public sealed record VacantInspectionDetail(int Id, int UnitId, string Address, int? TaskId, string InspectorName, DateTime InspectedAt,
    IReadOnlyList<ChecklistItem> Items, IReadOnlyList<FindingView> Findings, MeterReadings Meters, IReadOnlyList<AttachmentInfo> Photos);

public sealed record VacantInspectionRow(int Id, int UnitId, string Address, DateTime InspectedAt, string InspectorName, int Findings);

/// <summary>What the inspection form needs about the unit: where it is, whether it is vacant, its open task.</summary>
public sealed record InspectTarget(int UnitId, string Address, bool IsVacant, int? OpenTaskId, string? OpenTaskAssignee, MeterReadings? LastMeters);

/// <summary>The outcome of a recorded inspection: its id and the repair orders its findings became.</summary>
public sealed record InspectionRecorded(int Id, IReadOnlyList<string> RepairNumbers);

public sealed record KeyCustodyRow(int Id, int UnitId, string Address, string OwnerName, string KeyDescription, CustodyStatus Status,
    string? Borrower, DateTime? ExpectedReturnAt, bool Overdue, int Version);

public sealed record KeyLoanView(string Borrower, string Purpose, string? LentBy, DateTime BorrowedAt, DateTime ExpectedReturnAt, DateTime? ReturnedAt, bool Overdue);

public sealed record KeyCustodyDetail(int Id, int UnitId, string Address, int OwnerId, string OwnerName, int AuthorisationFileId, DateOnly AuthorisedOn,
    string KeyDescription, CustodyStatus Status, IReadOnlyList<KeyLoanView> Loans, bool Overdue, int Version);

/// <summary>An owner of a unit, for the custody form (whose authorisation it is).</summary>
public sealed record UnitOwnerOption(int OwnerId, string Name);

public sealed record VacantSettingsView(InspectionFrequency Frequency, int Version);
