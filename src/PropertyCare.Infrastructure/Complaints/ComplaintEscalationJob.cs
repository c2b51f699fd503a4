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

/// <summary>投诉超时升级, hourly: an open complaint past its deadline at the first dispatch becomes a 二次派单 to the
/// department's head (in-app + SMS; the project's managers when the department has no head) with the handler told in-app;
/// still not handled by the head's deadline → 三次派单 to the project's managers and the HQ auditors of the project's
/// company. Once per level: the level is stored on the complaint (the domain refuses a level that is not due) and every
/// message has a dedup key, so a second run or a run after a restart sends nothing more. Each complaint is saved on its
/// own with its messages; a desk edit saved in between wins (Version) and the next run looks again.</summary>
public sealed class ComplaintEscalationJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "complaint-escalation";
    public const string Cron = "25 * * * *";

    /// <summary>Test seam: runs after a complaint is escalated in memory and before it is saved (to race a desk edit).</summary>
    internal Func<Complaint, Task>? BeforeSave { get; set; }

    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    /// <summary>Returns how many complaints were escalated (to either level).</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var project = tenant.Project!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, project, ct);
        var settings = await ComplaintSettingsService.LoadAsync(db, projectId, ct);
        var now = clock.UtcNow;
        var ids = await db.Complaints.AsNoTracking()
            .Where(c => (c.Status == ComplaintStatus.Registered || c.Status == ComplaintStatus.Dispatched || c.Status == ComplaintStatus.Planned) && c.DispatchLevel < 3)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(2000).ToListAsync(ct);
        var managers = await ProjectPeople.InRoleAsync(db, projectId, Roles.ProjectManager, ct);
        List<(string UserId, string Name, string? Phone)>? hq = null;
        var n = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var c = await db.Complaints.SingleAsync(x => x.Id == id, ct);
            if (c.EscalationDue(now) is not { } level) continue;
            // Not yet dispatched: no category or department to name (and never the complainant).
            var what = c.Department == null ? $"{c.Kind.Label().Zh} {c.Number}（待分派）" : $"{c.Kind.Label().Zh} {c.Number}（{c.Category}，{c.Department} {c.HandlerName}）";
            var key = $"complaint-escalate-{c.Id}-L{level}";
            if (level == 2)
            {
                var head = c.DepartmentHeadId is { } h ? await ComplaintJobPeople.UserAsync(db, h, ct) : null;
                var to = head is { } hd ? $"{c.Department}负责人 {hd.Name}" : "项目经理 " + string.Join("、", managers.Select(m => m.Name));
                c.Escalate(2, to, now, settings, ctime);
                var due = ctime.LocalDate(c.SecondDispatchDueAt!.Value);
                var text = $"{what}已超时（{c.Dispatches[^1].Reason}），二次派单给您，请于 {due:yyyy-MM-dd} 前督促处理完毕。";
                if (head is { } hh)
                {
                    await outbox.EnqueueAsync(db, Channel.InApp, c.DepartmentHeadId!, $"投诉二次派单 {c.Number}", text, $"{key}-{c.DepartmentHeadId}", ct);
                    if (!string.IsNullOrWhiteSpace(hh.Phone))
                        await outbox.EnqueueAsync(db, Channel.Sms, hh.Phone, $"投诉二次派单 {c.Number}", text, $"{key}-{c.DepartmentHeadId}-sms", ct);
                }
                else
                    foreach (var m in managers)
                    {
                        await outbox.EnqueueAsync(db, Channel.InApp, m.UserId, $"投诉二次派单 {c.Number}", text, $"{key}-{m.UserId}", ct);
                        if (!string.IsNullOrWhiteSpace(m.Phone))
                            await outbox.EnqueueAsync(db, Channel.Sms, m.Phone, $"投诉二次派单 {c.Number}", text, $"{key}-{m.UserId}-sms", ct);
                    }
                if (c.HandlerId is { } handler && handler != c.DepartmentHeadId)
                    await outbox.EnqueueAsync(db, Channel.InApp, handler, $"投诉已升级 {c.Number}",
                        $"{what}已超时，已二次派单至{to}，请尽快处理。", $"{key}-{handler}", ct);
            }
            else
            {
                hq ??= await ComplaintJobPeople.HqAuditorsAsync(db, project.CompanyId, ct);
                var to = string.Join("、", managers.Select(m => "项目经理 " + m.Name).Concat(hq.Select(h => "总部 " + h.Name)));
                c.Escalate(3, to, now, settings, ctime);
                var text = $"{project.Name} {what}二次派单后仍未处理完毕（{c.Dispatches[^1].Reason}），已三次派单，请督办。";
                foreach (var p in managers.Concat(hq))
                    await outbox.EnqueueAsync(db, Channel.InApp, p.UserId, $"投诉三次派单 {c.Number}", text, $"{key}-{p.UserId}", ct);
            }
            if (BeforeSave != null) await BeforeSave(c);
            try
            {
                await db.SaveChangesAsync(ct);
                n++;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone at the desk saved this complaint meanwhile: their step stands; the next run decides again.
            }
        }
        return n;
    }
}
