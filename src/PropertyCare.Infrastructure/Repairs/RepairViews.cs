using PropertyCare.Domain.Repairs;

namespace PropertyCare.Infrastructure.Repairs;

public enum RepairFilter { All, ToDispatch, InProgress, AwaitingCallback, Finished }

public sealed record RepairListQuery(RepairFilter Filter = RepairFilter.All, bool OverdueOnly = false, string? Text = null,
    RepairSort Sort = RepairSort.Newest);

/// <summary>The repair list's order, done by the database: newest first (the desk's default), oldest first, or by
/// deadline — the most urgent first, as the manager reads the list before the morning meeting.</summary>
public enum RepairSort { Newest, Oldest, DueFirst, DueLast }

public sealed record RepairListRow(int Id, string Number, string Location, string Category, RepairStatus Status, RepairUrgency Urgency,
    DateTime ReceivedAt, DateTime DueAt, bool Overdue, string? TechnicianName, string? ContactName, int Round, int Version);

/// <summary>One step in an order's timeline, from its change history: received, a status entered (with the technician
/// for 派工), or a reassignment — when and by whom.</summary>
public sealed record RepairStep(DateTime At, RepairStepKind Kind, RepairStatus? Status, string Who, string? Technician);

public enum RepairStepKind { Received, StatusChanged, Reassigned }

public sealed record PhotoRef(int Id, PhotoStage Stage, string FileName);

public sealed record CallbackRow(int Id, int Round, DateOnly DueOn, CallbackStatus Status, int Attempts, CallOutcome? LastOutcome,
    string? CalledByName, DateTime? DoneAt, string? Respondent, ServiceAttitude? Attitude, bool? SiteCleaned, bool? FeeCorrect,
    Satisfaction? Satisfaction, string? Remarks, CallbackChannel? Channel);

public sealed record LinkedOrder(int Id, string Number, RepairStatus Status);

/// <summary>One order as the detail page, the work order and the portal show it.</summary>
public sealed record RepairDetail(RepairOrder Order, string Location, string? ContactPhone, bool PhoneMasked, string ProjectName, string CompanyName,
    IReadOnlyList<PhotoRef> Photos, IReadOnlyList<CallbackRow> Callbacks, LinkedOrder? ReworkOf, IReadOnlyList<LinkedOrder> Reworks, string TimeZone)
{
    public bool Overdue(DateTime nowUtc) => Order.IsOverdue(nowUtc);
}

public sealed record TechnicianOption(string UserId, string Name);
