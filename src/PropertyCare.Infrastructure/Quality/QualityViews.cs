using PropertyCare.Domain.Common;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Infrastructure.Quality;

public sealed record AuditFilter(int? ProjectId = null, DateOnly? WeekStart = null, AuditStatus? Status = null, SampleReason? Reason = null);

/// <summary>One line of HQ's worklist (抽访工作台) or of the project's audit results.</summary>
public sealed record AuditRow(int Id, int ProjectId, string ProjectName, DateOnly WeekStart, SampleSource Source, string SourceNumber, int Round,
    SampleReason Reason, AuditStatus Status, Satisfaction? ProjectSatisfaction, Authenticity? Authenticity, Satisfaction? SatisfactionNow,
    string? AuditorName, DateTime? AuditedAt, int? NoticeId);

/// <summary>抽访单: what the auditor needs on the call. The owner's phone is masked; revealing it is logged.</summary>
public sealed record CallSheet(
    AuditRow Audit, int Version, string? Notes,
    string? Unit, string? Category, string Description, string? Handler, DateTime? CompletedAt, string? WorkDone,
    string? ContactName, string PhoneMasked, bool HasPhone,
    DateTime ProjectCalledAt, string ProjectCalledBy, string? ProjectRemarks,
    IReadOnlyList<Text> Script, string? NoticeNumber, int NoticeDays);

public sealed record NoticeFilter(int? ProjectId = null, RectificationStatus? Status = null, bool OverdueOnly = false);

public sealed record NoticeRow(int Id, int ProjectId, string ProjectName, string Number, RectificationStatus Status, DateTime IssuedAt, DateTime DueAt,
    bool Overdue, bool Escalated, int Rounds, string? SourceNumber);

/// <summary>整改通知 with what the pages show around it.</summary>
public sealed record NoticeDetail(RectificationNotice Notice, string ProjectName, string? SourceNumber, SampleSource? Source, bool Overdue);

/// <summary>What the record step did: whether a 整改通知 was issued with it.</summary>
public sealed record AuditOutcome(bool NoticeIssued, int? NoticeId, string? NoticeNumber);
