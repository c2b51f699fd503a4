using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>What the planner fills in for a new batch (the units are chosen separately, see
/// <see cref="DeliveryBatchService.PickUnitsAsync"/>).</summary>
public sealed record BatchDraft(string Name, string Developer, string DeveloperContact, string DeveloperPhone, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A unit as the batch screens name it: "1栋-1单元-1201".</summary>
public sealed record UnitOption(int Id, int BuildingId, string Address, UnitState State);

public sealed record BatchRow(int Id, string Name, string Developer, DateOnly StartsOn, DateOnly EndsOn, BatchStatus Status, int Units, int Version);

public sealed record BatchDetail(int Id, string Name, string Developer, string DeveloperContact, string DeveloperPhoneMasked,
    DateOnly StartsOn, DateOnly EndsOn, BatchStatus Status, int Version, BatchProgress Progress, List<BuildingOption> Buildings);

public sealed record BuildingOption(int Id, string Name);

/// <summary>Which units of the batch the status table shows.</summary>
public enum BatchUnitFilter
{
    All = 0,
    NotAppointed = 1, // 未预约 (and not delivered)
    Appointed = 2,    // 已预约, not yet delivered
    Delivered = 3,    // 已交付 (move-in procedure completed)
}

/// <summary>One line of the batch's per-unit table: who owns it, when they come, how far the inspection and the
/// procedure are.</summary>
public sealed record BatchUnitRow(int UnitId, string Address, string? OwnerName, int? AppointmentId, AppointmentStatus? AppointmentStatus,
    DateOnly? SlotDay, TimeOnly? SlotStartsAt, TimeOnly? SlotEndsAt, InspectionStatus? InspectionStatus, ProcedureStatus? ProcedureStatus);

public sealed record SlotRow(int Id, int BatchId, DateOnly Day, TimeOnly StartsAt, TimeOnly EndsAt, int Capacity, int Booked, int Version)
{
    public int Remaining => Math.Max(0, Capacity - Booked);
    public bool IsFull => Booked >= Capacity;
}

/// <summary>The desk's day list: one appointment with the owner (phone masked) and the unit.</summary>
public sealed record AppointmentRow(int Id, int BatchId, string BatchName, int UnitId, string Address, int OwnerId, string OwnerName, string OwnerPhoneMasked,
    int SlotId, DateOnly Day, TimeOnly StartsAt, TimeOnly EndsAt, AppointmentStatus Status, int Moves, string? CancelReason, int Version);

/// <summary>入伙通知书: everything the printed notice and the owner's message say. Fees are explained at the desk:
/// the model keeps no fee schedule, so the notice lists none rather than invent figures.</summary>
public sealed record MoveInNotice(int AppointmentId, string CompanyName, string ProjectName, string BatchName, string Developer, string UnitAddress, string OwnerName,
    DateOnly Day, TimeOnly StartsAt, TimeOnly EndsAt, AppointmentStatus Status, List<(string Name, bool Required)> Documents, DateOnly IssuedOn);

/// <summary>The owner's view of one of their units in an open batch: the booking (if any) and the slots to pick from.</summary>
public sealed record MyDelivery(int BatchId, string BatchName, DateOnly StartsOn, DateOnly EndsOn, int UnitId, string Address,
    AppointmentRow? Appointment, List<SlotRow> Slots);

public sealed record TakeOverRow(int Id, int BatchId, int? BuildingId, string Target, DateOnly InspectedOn, TakeOverStatus Status,
    int Items, int Failed, int DefectsOpen, int Version);

public sealed record TakeOverDetail(int Id, int BatchId, string BatchName, int? BuildingId, string Target, DateOnly InspectedOn, TakeOverStatus Status,
    List<ChecklistItem> Items, List<DefectRow> Defects, int Version);

public sealed record DefectRow(int Id, int InspectionId, int BatchId, string Target, string Item, string Description, string? Location, DefectStatus Status,
    DateOnly? PromisedOn, DateTime? RectifiedAt, DateTime? ClosedAt, string? CheckedBy, string? ReturnReason, int Returns, bool IsLate,
    List<Files.AttachmentInfo> Photos, int Version);
