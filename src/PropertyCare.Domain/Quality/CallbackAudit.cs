using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Quality;

/// <summary>What the HQ auditor writes down on the call (总部抽访).</summary>
public sealed record AuditAnswer(Authenticity Authenticity, Satisfaction SatisfactionNow, string? Notes)
{
    public List<FieldError> Validate()
    {
        var e = new List<FieldError>();
        if (!Enum.IsDefined(Authenticity)) e.Add(new(nameof(Authenticity), new("请选择回访是否真实", "Choose genuine or untrue")));
        if (!Enum.IsDefined(SatisfactionNow)) e.Add(new(nameof(SatisfactionNow), new("请选择业主现在的满意度", "Choose the owner's satisfaction now")));
        TextLimits.Check(e, nameof(Notes), Notes, TextLimits.Remark, "抽访记录", "Notes");
        // A finding that raises a rectification notice must say what the owner said: the manager answers to it.
        if (Authenticity == Authenticity.Untrue && string.IsNullOrWhiteSpace(Notes))
            e.Add(new(nameof(Notes), new("不实时请写明业主的说法", "Write what the owner said when the callback is untrue")));
        return e;
    }
}

/// <summary>抽访记录: one sampled callback and HQ's re-call of it. The project's answer is copied in when the sample is
/// drawn, so what HQ compares against cannot change afterwards.</summary>
public class CallbackAudit : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int SampleId { get; private set; }
    public SampleSource Source { get; private set; }
    /// <summary>The repair order's or the complaint's id.</summary>
    public int SourceId { get; private set; }
    public int Round { get; private set; }
    /// <summary>BX-… or TS-… as it was when drawn.</summary>
    public string SourceNumber { get; private set; } = "";
    public SampleReason Reason { get; private set; }

    // The project's callback as it was recorded (snapshot).
    public DateTime ProjectCalledAt { get; private set; }
    public string ProjectCalledBy { get; private set; } = "";
    public Satisfaction? ProjectSatisfaction { get; private set; }
    public string? ProjectRemarks { get; private set; }

    public AuditStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public Authenticity? Authenticity { get; private set; }
    public Satisfaction? SatisfactionNow { get; private set; }
    public string? Notes { get; private set; }
    public string? AuditorId { get; private set; }
    public string? AuditorName { get; private set; }
    public DateTime? AuditedAt { get; private set; }
    /// <summary>The 整改通知 this finding raised, if any.</summary>
    public int? NoticeId { get; set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => null;

    public static CallbackAudit Drawn(CallbackSample sample, SampledItem item, string sourceNumber, DateTime projectCalledAt, string projectCalledBy,
        Satisfaction? projectSatisfaction, string? projectRemarks) => new()
    {
        ProjectId = sample.ProjectId, SampleId = sample.Id, Source = item.Candidate.Source, SourceId = item.Candidate.SourceId,
        Round = item.Candidate.Round, SourceNumber = sourceNumber, Reason = item.Reason, ProjectCalledAt = projectCalledAt,
        ProjectCalledBy = projectCalledBy, ProjectSatisfaction = projectSatisfaction, ProjectRemarks = projectRemarks, Status = AuditStatus.Pending,
    };

    /// <summary>Records the re-call. Returns whether it needs a 整改通知: the callback was untrue, or the owner is less
    /// satisfied now than the project recorded.</summary>
    public bool Record(AuditAnswer answer, string userId, string userName, DateTime atUtc)
    {
        if (Status != AuditStatus.Pending) throw new DomainException(new("该抽访已记录，不能重复登记", "This re-call is already recorded"));
        answer.Validate().ThrowIfAny();
        Attempts++;
        Status = AuditStatus.Done;
        Authenticity = answer.Authenticity;
        SatisfactionNow = answer.SatisfactionNow;
        Notes = string.IsNullOrWhiteSpace(answer.Notes) ? null : answer.Notes.Trim();
        AuditorId = userId;
        AuditorName = userName;
        AuditedAt = atUtc;
        return NeedsRectification;
    }

    /// <summary>The owner could not be reached (empty number, repeated no answer): recorded, counted, no finding.</summary>
    public void RecordUnreachable(string? notes, string userId, string userName, DateTime atUtc)
    {
        if (Status != AuditStatus.Pending) throw new DomainException(new("该抽访已记录，不能重复登记", "This re-call is already recorded"));
        var e = new List<FieldError>();
        TextLimits.Check(e, nameof(Notes), notes, TextLimits.Remark, "抽访记录", "Notes");
        e.ThrowIfAny();
        Attempts++;
        Status = AuditStatus.Unreachable;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        AuditorId = userId;
        AuditorName = userName;
        AuditedAt = atUtc;
    }

    public bool NeedsRectification => Status == AuditStatus.Done
        && (Authenticity == Quality.Authenticity.Untrue || (ProjectSatisfaction is { } recorded && SatisfactionNow < recorded));
}
