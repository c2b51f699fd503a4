using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Quality;

/// <summary>One round of a notice: the manager's answer and HQ's review of it (kept, never overwritten).</summary>
public sealed class RectificationRound
{
    public int Round { get; set; }
    public string Answer { get; set; } = "";
    public string AnsweredBy { get; set; } = "";
    public DateTime AnsweredAt { get; set; }
    public bool? Accepted { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
}

/// <summary>整改通知: HQ tells a project's manager what its audit found (a 不实 callback, an owner less satisfied than the
/// project recorded, or anything HQ writes), by when it must be put right. The manager answers with the rectification;
/// HQ accepts it (closed) or returns it with a reason (the manager answers again). Past the deadline it escalates once.</summary>
public class RectificationNotice : ITenantOwned, IHasHistory, IVersioned
{
    public const int MinDays = 1, MaxDays = 30, DefaultDays = 3;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int CompanyId { get; private set; }
    /// <summary>ZG-yyyyMMdd-NNNN, unique in the project (assigned by the service).</summary>
    public string Number { get; set; } = "";
    /// <summary>The 抽访记录 that raised it (null when HQ wrote one by hand).</summary>
    public int? AuditId { get; private set; }
    public string Finding { get; private set; } = "";
    public string Requirement { get; private set; } = "";
    public string IssuedById { get; private set; } = "";
    public string IssuedByName { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
    /// <summary>The end of the deadline's local day, stored UTC.</summary>
    public DateTime DueAt { get; private set; }
    public RectificationStatus Status { get; private set; }
    public List<RectificationRound> Rounds { get; private set; } = [];
    public DateTime? ClosedAt { get; private set; }
    /// <summary>When the overdue escalation went out (once per deadline; a return with a new deadline re-arms it).</summary>
    public DateTime? EscalatedAt { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    public static RectificationNotice Issue(int projectId, int companyId, int? auditId, string finding, string requirement, DateTime dueAtUtc,
        string userId, string userName, DateTime nowUtc)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(finding)) e.Add(new(nameof(Finding), new("请写明抽访发现的问题", "Describe what the audit found")));
        else TextLimits.Check(e, nameof(Finding), finding, TextLimits.Description, "发现的问题", "Finding");
        if (string.IsNullOrWhiteSpace(requirement)) e.Add(new(nameof(Requirement), new("请写明整改要求", "Say what must be rectified")));
        else TextLimits.Check(e, nameof(Requirement), requirement, TextLimits.Remark, "整改要求", "Requirement");
        if (dueAtUtc <= nowUtc) e.Add(new(nameof(DueAt), new("整改期限须晚于现在", "The deadline must be in the future")));
        e.ThrowIfAny();
        return new RectificationNotice
        {
            ProjectId = projectId, CompanyId = companyId, AuditId = auditId, Finding = finding.Trim(), Requirement = requirement.Trim(),
            IssuedById = userId, IssuedByName = userName, IssuedAt = nowUtc, DueAt = dueAtUtc, Status = RectificationStatus.Issued,
        };
    }

    public bool AwaitsManager => Status is RectificationStatus.Issued or RectificationStatus.Returned;

    /// <summary>Overdue while the manager still owes an answer. HQ's own review time is not the project's fault.</summary>
    public bool IsOverdue(DateTime nowUtc) => AwaitsManager && nowUtc > DueAt;

    public bool EscalationDue(DateTime nowUtc) => IsOverdue(nowUtc) && EscalatedAt == null;

    public void Escalate(DateTime nowUtc)
    {
        if (!EscalationDue(nowUtc)) throw new DomainException(new("该整改通知无需升级", "This notice does not need escalating"));
        EscalatedAt = nowUtc;
    }

    public void Answer(string answer, string userName, DateTime nowUtc)
    {
        if (!AwaitsManager) throw new DomainException(new("该整改通知当前不需要回复", "This notice is not waiting for an answer"));
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(answer)) e.Add(new(nameof(Answer), new("请填写整改措施与结果", "Describe the rectification")));
        else TextLimits.Check(e, nameof(Answer), answer, TextLimits.Description, "整改措施", "Rectification");
        e.ThrowIfAny();
        Rounds.Add(new RectificationRound { Round = Rounds.Count + 1, Answer = answer.Trim(), AnsweredBy = userName, AnsweredAt = nowUtc });
        Status = RectificationStatus.Answered;
    }

    public void Accept(string? note, string userName, DateTime nowUtc)
    {
        RequireAnswered();
        var e = new List<FieldError>();
        TextLimits.Check(e, "ReviewNote", note, TextLimits.Remark, "验收意见", "Review note");
        e.ThrowIfAny();
        Review(true, note, userName, nowUtc);
        Status = RectificationStatus.Accepted;
        ClosedAt = nowUtc;
    }

    /// <summary>Not good enough: back to the manager with the reason and, optionally, a new deadline (which re-arms the
    /// escalation).</summary>
    public void Return(string reason, DateTime? newDueAtUtc, string userName, DateTime nowUtc)
    {
        RequireAnswered();
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reason)) e.Add(new("ReviewNote", new("退回时请写明原因", "Say why it is returned")));
        else TextLimits.Check(e, "ReviewNote", reason, TextLimits.Remark, "退回原因", "Reason");
        if (newDueAtUtc is { } d && d <= nowUtc) e.Add(new(nameof(DueAt), new("新的整改期限须晚于现在", "The new deadline must be in the future")));
        e.ThrowIfAny();
        Review(false, reason, userName, nowUtc);
        Status = RectificationStatus.Returned;
        if (newDueAtUtc is { } due)
        {
            DueAt = due;
            EscalatedAt = null;
        }
    }

    private void Review(bool accepted, string? note, string userName, DateTime nowUtc)
    {
        var last = Rounds[^1];
        last.Accepted = accepted;
        last.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        last.ReviewedBy = userName;
        last.ReviewedAt = nowUtc;
    }

    private void RequireAnswered()
    {
        if (Status != RectificationStatus.Answered) throw new DomainException(new("整改通知尚未回复，不能验收", "The notice has not been answered yet"));
    }
}
