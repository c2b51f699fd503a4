using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Files;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>The desk's list filters (a department user's list is further limited to what is assigned to them).</summary>
public sealed record ComplaintListQuery(
    ComplaintStatus? Status = null,
    ComplaintKind? Kind = null,
    string? Category = null,
    string? Department = null,
    bool OverdueOnly = false,
    bool RepeatOnly = false,
    int? Level = null,
    string? Search = null);

/// <summary>One row of the list. <see cref="CustomerName"/> is "***" for a department user.</summary>
public sealed record ComplaintRow(int Id, string Number, ComplaintKind Kind, ComplaintStatus Status, string? Category, string? Department,
    string? HandlerName, string? UnitAddress, string CustomerName, DateTime ReceivedAt, DateTime? DueAt, bool IsOverdue, int DispatchLevel, bool IsRepeat);

/// <summary>Someone on the project's staff a complaint can be dispatched to.</summary>
public sealed record ComplaintStaffMember(string UserId, string Name, string Role);

/// <summary>A unit for the desk's form, with its owners (the primary first).</summary>
public sealed record ComplaintUnitOption(int Id, string Address, IReadOnlyList<(int Id, string Name)> Owners);

/// <summary>Everything the complaint page shows. For a department user <see cref="CustomerName"/> is "***",
/// <see cref="CustomerPhoneMasked"/> and <see cref="OwnerName"/> are null (首问 privacy: they see the facts, not who complained).</summary>
public sealed record ComplaintDetail(
    int Id, string Number, int Version, ComplaintKind Kind, ComplaintChannel Channel, ComplaintStatus Status,
    int? UnitId, string? UnitAddress, int? OwnerId, string? OwnerName, bool FiledByOwner,
    string CustomerName, string? CustomerPhoneMasked, bool CustomerHidden,
    string Facts, string? Demand, DateTime ReceivedAt, string ReceivedByName,
    string? Category, SameDayReason SameDay, ComplaintClass? Class, string? ClassReason,
    string? Department, string? HandlerId, string? HandlerName, string? DepartmentHeadId, string? DepartmentHeadName,
    string? ClassifiedBy, DateTime? ClassifiedAt, int DispatchLevel,
    DateTime? PlanDueAt, string? Plan, DateTime? PlannedAt, DateTime? HandleDueAt, DateTime? HandleLimitAt, string? DelayReason,
    DateTime? SecondDispatchDueAt, string? Result, string? HandledBy, DateTime? HandledAt, bool? HandledOnTime,
    string? ReceiverOpinion, string? ManagerOpinion, string? ManagerOpinionBy, DateOnly? CallbackDueOn,
    Satisfaction? LastSatisfaction, string? CustomerOpinion, DateTime? ClosedAt, string? ClosedBy,
    DateTime? LastFollowUpAt, DateTime? FollowUpDueAt, bool IsRepeat, int? RepeatOfId, string? RepeatOfNumber, int ReopenCount, string? ReopenReason,
    DateTime? CurrentDueAt, bool IsOverdue,
    IReadOnlyList<ComplaintFollowUp> FollowUps, IReadOnlyList<ComplaintDispatch> Dispatches, IReadOnlyList<ComplaintCallback> Callbacks,
    IReadOnlyList<AttachmentInfo> Photos,
    string? ContactSharedWithId = null, string? ContactSharedBy = null, DateTime? ContactSharedAt = null)
{
    /// <summary>The complainant's full phone, only in the view of the handler the desk shared the contact with.</summary>
    public string? SharedPhone { get; init; }
}
