using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>违章逾期升级, hourly: an open violation past its rectification deadline is reported to each manager once (the
/// violation remembers <c>EscalatedAt</c>, the message has a dedup key), proposing a stop-work order and a deduction.</summary>
public sealed class RenovationViolationEscalationJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "renovation-violation-escalation";
    public const string Cron = "15 * * * *";

    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, tenant.Project!);
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var late = await db.RenovationViolations.Where(v => v.Status == ViolationStatus.Open && v.EscalatedAt == null && v.RectifyBy < today)
            .OrderBy(v => v.RectifyBy).Take(500).ToListAsync(ct);
        if (late.Count == 0) return 0;
        var appIds = late.Select(v => v.ApplicationId).Distinct().ToList();
        var apps = await db.RenovationApplications.AsNoTracking().Where(a => appIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var places = await RepairQueries.AddressesAsync(db, apps.Values.Select(a => a.UnitId).Distinct().ToList(), ct);
        var managers = await ProjectPeople.InRoleAsync(db, projectId, Roles.ProjectManager, ct);
        var n = 0;
        foreach (var v in late.Where(v => v.Escalate(today, clock.UtcNow)))
        {
            n++;
            var app = apps[v.ApplicationId];
            var text = $"{places.GetValueOrDefault(app.UnitId)} 的装修（{app.Number}）违章“{v.Type}”：{v.Description}，整改期限 {v.RectifyBy:yyyy-MM-dd} 已过仍未整改。"
                + "建议：下达停工通知，并提出保证金扣款。";
            foreach (var m in managers)
                await outbox.EnqueueAsync(db, Channel.InApp, m.UserId, "装修违章逾期未整改", text, $"renovation-violation-escalate-{v.Id}-{v.Rechecks}-{m.UserId}", ct);
        }
        await db.SaveChangesAsync(ct);
        return n;
    }
}
