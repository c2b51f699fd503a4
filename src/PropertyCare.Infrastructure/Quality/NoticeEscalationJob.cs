using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>整改通知超期升级, hourly per project: a notice still owed an answer past its deadline is escalated once per
/// deadline (the notice stores when; a return with a new deadline re-arms it) to the project's managers and the HQ auditors
/// of the project's company, each message with a dedup key of notice and deadline. A manager's answer saved in between wins
/// (Version) and the next run looks again.</summary>
public sealed class NoticeEscalationJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "quality-notice-escalation";
    public const string Cron = "40 * * * *";

    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, project);
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.RectificationNotices.AsNoTracking()
            .Where(n => (n.Status == RectificationStatus.Issued || n.Status == RectificationStatus.Returned) && n.DueAt < now && n.EscalatedAt == null)
            .OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var people = (await ProjectPeople.InRoleAsync(db, project.Id, Roles.ProjectManager, ct))
            .Concat(await ComplaintJobPeople.HqAuditorsAsync(db, project.CompanyId, ct)).DistinctBy(p => p.UserId).ToList();
        var n = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var notice = await db.RectificationNotices.SingleAsync(x => x.Id == id, ct);
            if (!notice.EscalationDue(now)) continue;
            notice.Escalate(now);
            var text = $"{project.Name} 整改通知 {notice.Number} 已超过整改期限（{clock.ToLocal(notice.DueAt):yyyy-MM-dd}）仍未回复，请督办。";
            foreach (var p in people)
                await outbox.EnqueueAsync(db, Channel.InApp, p.UserId, $"整改通知超期 {notice.Number}", text,
                    $"quality-notice-overdue-{notice.Id}-{notice.DueAt:yyyyMMddHHmmss}-{p.UserId}", ct);
            try
            {
                await db.SaveChangesAsync(ct);
                n++;
            }
            catch (ConcurrencyConflictException)
            {
                // The manager answered meanwhile: their answer stands; the next run decides again.
            }
        }
        return n;
    }
}
