using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Renovation;

/// <summary>The items of the final check (装修验收), in form order.</summary>
public static class AcceptanceChecklist
{
    public static readonly IReadOnlyList<string> Items = ["结构安全", "防水闭水", "电气线路", "给排水", "燃气设施", "消防设施", "外立面及门窗", "公共区域恢复", "垃圾清运"];
}

public partial class RenovationAcceptance
{
    /// <summary>Records an acceptance (or the re-check after a failed one: simply the next record). Refused while works are
    /// stopped or a violation is not closed. Every item answered; any failed item fails the whole, and then the items to
    /// put right are required. A pass accepts the application: the unit returns to its state before, the observation
    /// period starts on <paramref name="today"/>.</summary>
    public static RenovationAcceptance Record(RenovationApplication app, int openViolations, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers,
        IReadOnlyList<string>? rectificationItems, string? notes, RenovationSettings settings, Unit unit, DateOnly today, string by, string byName, DateTime atUtc)
    {
        if (app.Status == RenovationStatus.Stopped)
            throw new DomainException(new("停工期间不能验收，请先复工", "Works are stopped: resume them before acceptance"));
        IllegalStepException.Require(new("装修申请", "renovation application"), app.Status, RenovationLabels.Label, RenovationStatus.Working);
        if (openViolations > 0)
            throw new DomainException(new($"还有 {openViolations} 项违章未整改关闭，不能验收", $"{openViolations} violation(s) are not closed yet"));
        var e = new List<FieldError>();
        var checks = PatrolChecklist.Answer(AcceptanceChecklist.Items, answers, e);
        var items = (rectificationItems ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
        var passed = checks.Count == AcceptanceChecklist.Items.Count && checks.All(c => c.Result != CheckResult.Failed);
        if (!passed && e.Count == 0 && items.Count == 0)
            e.Add(new(nameof(RectificationItems), new("验收不合格，请列出整改项", "Acceptance failed: list what must be put right")));
        foreach (var i in items) TextLimits.Check(e, nameof(RectificationItems), i, TextLimits.Reason, "整改项", "Rectification item");
        TextLimits.Check(e, nameof(Notes), notes, TextLimits.Description, "验收意见", "Notes");
        e.ThrowIfAny();
        var record = new RenovationAcceptance
        {
            ProjectId = app.ProjectId, ApplicationId = app.Id, CheckedAt = atUtc, CheckedBy = by, CheckedByName = byName, Checks = checks,
            Passed = passed, RectificationItems = passed ? [] : items, Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        };
        if (passed) app.Accept(today, settings, unit);
        return record;
    }

    /// <summary>The passing record of works accepted already (carried over from the paper file, or demo data): every item
    /// passed, on the day the application says it was accepted.</summary>
    public static RenovationAcceptance OfEarlierPass(RenovationApplication app, string by, string byName, DateTime atUtc, DateOnly localDate)
    {
        if (app.AcceptedOn != localDate || app.Status is not (RenovationStatus.Accepted or RenovationStatus.Closed))
            throw new DomainException(new("验收记录须与申请的验收日期一致", "The record must match the application's acceptance date"));
        return new RenovationAcceptance
        {
            ProjectId = app.ProjectId, ApplicationId = app.Id, CheckedAt = atUtc, CheckedBy = by, CheckedByName = byName, Passed = true,
            Checks = AcceptanceChecklist.Items.Select(i => new PatrolCheck { Item = i, Result = CheckResult.Passed }).ToList(),
        };
    }

    public Text ResultText() => Passed ? new("验收合格", "Passed") : new("验收不合格", "Failed");
}
