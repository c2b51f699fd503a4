using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Files;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>A unit the owner may file for (their own).</summary>
public sealed record MyComplaintUnit(int UnitId, string Address);

/// <summary>One of the owner's complaints in the portal list.</summary>
public sealed record MyComplaintRow(int Id, string Number, ComplaintKind Kind, ComplaintStatus Status, string? Address, string Facts, DateTime ReceivedAt);

/// <summary>A follow-up as the owner sees it: what was said to them, by whom and when.</summary>
public sealed record MyFollowUp(DateTime At, string By, FollowUpChannel Channel, string Said);

/// <summary>A callback round as the owner sees it.</summary>
public sealed record MyCallback(int Round, DateTime At, Satisfaction Satisfaction, bool AcceptsExplanation, string? Opinion, bool Closed);

/// <summary>The owner's complaint in the portal: status, the deadline in plain words, plan, result, follow-ups and
/// callbacks. The internal dispatch level is not shown: only that it was escalated (已升级处理).</summary>
public sealed record MyComplaintDetail(
    int Id, int Version, string Number, ComplaintKind Kind, ComplaintStatus Status, string? Address, string Facts, string? Demand,
    DateTime ReceivedAt, Text? Deadline, bool Escalated, string? Plan, DateTime? PlannedAt, string? Result, DateTime? HandledAt,
    DateTime? ClosedAt, IReadOnlyList<MyFollowUp> FollowUps, IReadOnlyList<MyCallback> Callbacks, IReadOnlyList<AttachmentInfo> Photos,
    bool CanAnswerCallback, bool CanReopen, DateOnly? ReopenUntil);
