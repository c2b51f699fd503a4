using PropertyCare.Domain.Common;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>整改通知 numbers, deadlines, texts and the manager's message — shared by the audit step and a notice HQ writes by hand.</summary>
internal static class NoticeIssuing
{
    public static string Number(DateOnly day, int n) => $"ZG-{day:yyyyMMdd}-{n:0000}";

    public static async Task<string> NextNumberAsync(AppDbContext db, DateOnly day, CancellationToken ct)
    {
        var prefix = Number(day, 1)[..^4];
        var last = await db.RectificationNotices.Where(a => a.Number.StartsWith(prefix)).OrderByDescending(a => a.Number).Select(a => a.Number).FirstOrDefaultAsync(ct);
        return Number(day, last == null ? 1 : int.Parse(last[^4..]) + 1);
    }

    /// <summary>The end (23:59:59) of the project's local day <paramref name="day"/>, in UTC.</summary>
    public static DateTime EndOfDayUtc(ProjectClock clock, DateOnly day)
    {
        // A deadline is days or weeks away; a date years ahead is a typing slip (and the calendar's last day would overflow).
        if (day > clock.Today.AddDays(MaxDueDays))
            throw new ValidationException([new("DueAt", new($"整改期限不能超过 {MaxDueDays} 天后", $"The deadline can be at most {MaxDueDays} days ahead"))]);
        return clock.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddSeconds(-1);
    }

    public const int MaxDueDays = 90;

    /// <summary>发现的问题, written from the audit so the manager reads what HQ heard, against what the project recorded.</summary>
    public static string Finding(CallbackAudit a)
    {
        var what = $"总部抽访{a.Source.Label().Zh} {a.SourceNumber}（第 {a.Round} 次回访，项目回访人 {a.ProjectCalledBy}）：";
        var parts = new List<string>();
        if (a.Authenticity == Authenticity.Untrue) parts.Add("业主反映回访或维修处理情况不属实");
        if (a.ProjectSatisfaction is { } before && a.SatisfactionNow is { } now && now < before)
            parts.Add($"业主现在的满意度“{now.Label().Zh}”低于项目回访记录的“{before.Label().Zh}”");
        var said = string.IsNullOrWhiteSpace(a.Notes) ? "" : $"。业主说：{a.Notes}";
        return what + string.Join("；", parts) + said + "。";
    }

    public const string DefaultRequirement = "请核实该回访记录，与业主沟通并处理到位，对相关人员进行考核，回复整改措施与结果。";

    public static async Task TellManagersAsync(HqProjectScope s, RectificationNotice n, string subject, string body, string keySuffix, CancellationToken ct)
    {
        foreach (var m in await ProjectPeople.InRoleAsync(s.Db, n.ProjectId, Roles.ProjectManager, ct))
            await s.Outbox.EnqueueAsync(s.Db, Channel.InApp, m.UserId, subject, body, $"quality-notice-{n.Id}-{keySuffix}-{m.UserId}", ct);
    }
}
