using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.MoveIn;

namespace PropertyCare.Domain.Renovation;

/// <summary>The items every patrol looks at (装修巡查检查项), in the order the form shows them. A violation's type is one
/// of them, so the escalation and the stop-work notice speak the same words as the patrol.</summary>
public static class PatrolChecklist
{
    public static readonly IReadOnlyList<string> Items = ["结构安全", "消防安全", "防水", "电线敷设", "施工时间", "噪音", "垃圾清运", "公共区域保护"];

    public static Text Label(CheckResult r) => r switch
    {
        CheckResult.Passed => new("合格", "Passed"),
        CheckResult.Failed => new("不合格", "Failed"),
        CheckResult.NotApplicable => new("不适用", "Not applicable"),
        _ => new("未检查", "Not checked"),
    };

    /// <summary>Every item answered (合格/不合格/不适用), a failed one with what was seen; all problems at once.</summary>
    internal static List<PatrolCheck> Answer(IReadOnlyList<string> items, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers, List<FieldError> e)
    {
        var checks = new List<PatrolCheck>();
        foreach (var extra in answers.Keys.Where(k => !items.Contains(k)))
            e.Add(new(nameof(RenovationPatrol.Checks), new($"“{extra}”不是检查项", $"'{extra}' is not a checklist item")));
        foreach (var item in items)
        {
            if (!answers.TryGetValue(item, out var a) || a.Result == CheckResult.NotChecked)
            {
                e.Add(new(item, new($"请检查“{item}”", $"Check '{item}'")));
                continue;
            }
            if (a.Result == CheckResult.Failed && string.IsNullOrWhiteSpace(a.Note))
                e.Add(new(item, new($"“{item}”不合格，请写明问题", $"'{item}' failed: say what is wrong")));
            TextLimits.Check(e, item, a.Note, TextLimits.Reason, $"“{item}”说明", $"Note on '{item}'");
            checks.Add(new PatrolCheck { Item = item, Result = a.Result, Note = string.IsNullOrWhiteSpace(a.Note) ? null : a.Note.Trim() });
        }
        return checks;
    }
}

public partial class RenovationPatrol
{
    /// <summary>Records one patrol of works under way (施工中 or 停工 — a stopped site is patrolled too, to see it stays
    /// stopped). Refused whole when an item is unanswered or a failed one has no note.</summary>
    public static RenovationPatrol Record(RenovationApplication app, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers,
        string? notes, string by, string byName, DateTime atUtc)
    {
        if (!app.Status.IsActiveWorks())
            throw new IllegalStepException(new("装修申请", "renovation application"), app.Status.Label(), [RenovationStatus.Working.Label(), RenovationStatus.Stopped.Label()]);
        var e = new List<FieldError>();
        var checks = PatrolChecklist.Answer(PatrolChecklist.Items, answers, e);
        TextLimits.Check(e, nameof(Notes), notes, TextLimits.Description, "巡查备注", "Notes");
        e.ThrowIfAny();
        return new RenovationPatrol
        {
            ProjectId = app.ProjectId, ApplicationId = app.Id, PatrolledAt = atUtc, PatrolledBy = by, PatrolledByName = byName,
            Checks = checks, Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        };
    }

    /// <summary>A patrol written down after the fact (from the paper log, or demo data): the same checks, at a time between
    /// the permit and the acceptance — so also for works accepted since.</summary>
    public static RenovationPatrol RecordEarlier(RenovationApplication app, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers,
        string? notes, string by, string byName, DateTime atUtc, DateOnly localDate)
    {
        if (app.PermitIssuedAt is not { } permit || atUtc < permit || (app.AcceptedOn is { } acc && localDate > acc) || app.Status.IsBeforePermit())
            throw new DomainException(new("巡查时间须在发证之后、验收之前", "A patrol falls between the permit and the acceptance"));
        var e = new List<FieldError>();
        var checks = PatrolChecklist.Answer(PatrolChecklist.Items, answers, e);
        TextLimits.Check(e, nameof(Notes), notes, TextLimits.Description, "巡查备注", "Notes");
        e.ThrowIfAny();
        return new RenovationPatrol
        {
            ProjectId = app.ProjectId, ApplicationId = app.Id, PatrolledAt = atUtc, PatrolledBy = by, PatrolledByName = byName,
            Checks = checks, Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        };
    }

    // Methods, not properties: EF would take a read-only collection property for a navigation.
    public IEnumerable<PatrolCheck> FailedChecks() => Checks.Where(c => c.Result == CheckResult.Failed);

    /// <summary>正常 when nothing failed, else the number of failed items.</summary>
    public Text ResultText() => FailedChecks().Count() is var n && n == 0 ? new("正常", "All in order") : new($"{n} 项不合格", $"{n} item(s) failed");
}
