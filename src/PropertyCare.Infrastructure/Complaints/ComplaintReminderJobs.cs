using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>跟进提醒, daily 09:00: an open complaint whose follow-up with the customer is due (every N days, 3.6) reminds
/// its 首问责任人 — the receiver, or for an owner's portal filing the handler — once per due date (the key carries the date,
/// so a follow-up moves the date and the next one reminds again).</summary>
public sealed class ComplaintFollowUpReminderJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "complaint-follow-up";
    public const string Cron = "0 9 * * *";

    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    /// <summary>Returns how many reminders were newly queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, tenant.Project!, ct);
        var settings = await ComplaintSettingsService.LoadAsync(db, projectId, ct);
        var open = await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Dispatched || c.Status == ComplaintStatus.Planned).OrderBy(c => c.Id).ToListAsync(ct);
        var n = 0;
        foreach (var c in open)
        {
            if (c.FollowUpDueAt(settings) is not { } due || due > clock.UtcNow) continue;
            var to = c.FiledByOwner ? c.HandlerId : c.ReceivedById;
            if (string.IsNullOrWhiteSpace(to)) continue;
            var dueOn = ctime.LocalDate(due);
            var last = c.LastFollowUpAt is { } l ? $"上次跟进 {ctime.ToLocal(l):yyyy-MM-dd HH:mm}" : "受理后尚未跟进";
            if (await outbox.EnqueueAsync(db, Channel.InApp, to, $"投诉跟进提醒 {c.Number}",
                    $"投诉 {c.Number}（{c.Category}，{c.Status.Label().Zh}）应于 {dueOn:yyyy-MM-dd} 与客户跟进（{last}），请联系客户并记录跟进情况。",
                    $"complaint-follow-up-{c.Id}-{dueOn:yyyyMMdd}-{to}", ct))
                n++;
        }
        await db.SaveChangesAsync(ct);
        return n;
    }
}

/// <summary>回访到期提醒, daily 09:00: a handled complaint whose callback is due today or overdue reminds the desk (the
/// project's ServiceDesk users) once per complaint per day until it is called back.</summary>
public sealed class ComplaintCallbackDueJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "complaint-callback-due";
    public const string Cron = "5 9 * * *";

    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    /// <summary>Returns how many complaints were newly reminded about.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, tenant.Project!);
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Handled && c.CallbackDueOn != null && c.CallbackDueOn <= today).OrderBy(c => c.CallbackDueOn).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var desk = await ProjectPeople.InRoleAsync(db, projectId, Roles.ServiceDesk, ct);
        var n = 0;
        foreach (var c in due)
        {
            var late = today.DayNumber - c.CallbackDueOn!.Value.DayNumber;
            var text = $"投诉 {c.Number}（{c.Category}，{c.Department}）已处理完毕，应于 {c.CallbackDueOn:yyyy-MM-dd} 前回访客户"
                + (late > 0 ? $"，已逾期 {late} 天。" : "，今天到期。");
            var any = false;
            foreach (var d in desk)
                any |= await outbox.EnqueueAsync(db, Channel.InApp, d.UserId, $"投诉回访到期 {c.Number}", text, $"complaint-callback-due-{c.Id}-{today:yyyyMMdd}-{d.UserId}", ct);
            if (any) n++;
        }
        await db.SaveChangesAsync(ct);
        return n;
    }
}
