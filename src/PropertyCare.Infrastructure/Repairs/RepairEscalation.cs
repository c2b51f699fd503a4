using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>超时升级: open orders past their deadline are flagged once and reported to the project's managers
/// (in-app and SMS). Idempotent: an order is escalated once, and each message has a dedup key.</summary>
public sealed class RepairEscalation(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "repair-escalation";
    /// <summary>Every 10 minutes (Hangfire's 5-field cron), in the project's time zone.</summary>
    public const string Cron = "*/10 * * * *";

    /// <summary>The recurring project job (the server filter has entered the project).</summary>
    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, tenant.Project!);
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = await db.RepairOrders.OpenAndOverdue(now).Where(o => o.EscalatedAt == null)
            .OrderBy(o => o.DueAt).Take(200).ToListAsync(ct);
        if (overdue.Count == 0) return 0;
        var managers = await ProjectPeople.InRoleAsync(db, projectId, Roles.ProjectManager, ct);
        foreach (var o in overdue.Where(o => o.Escalate(now)))
            foreach (var m in managers)
            {
                var text = $"{o.Number}（{o.Category}，{o.Status.Label().Zh}，处理人 {o.TechnicianName ?? "未派工"}）已超过处理时限 {clock.ToLocal(o.DueAt):MM-dd HH:mm}，请督办。";
                await outbox.EnqueueAsync(db, Channel.InApp, m.UserId, $"报修超时 {o.Number}", text, $"escalate-{o.Id}-{m.UserId}-inapp", ct);
                if (!string.IsNullOrWhiteSpace(m.Phone))
                    await outbox.EnqueueAsync(db, Channel.Sms, m.Phone, $"报修超时 {o.Number}", text, $"escalate-{o.Id}-{m.UserId}-sms", ct);
            }
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }
}
