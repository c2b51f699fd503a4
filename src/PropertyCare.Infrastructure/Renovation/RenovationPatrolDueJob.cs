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

/// <summary>装修巡查提醒, daily: every active renovation whose patrol is due today or overdue gets one in-app message to each
/// of the project's desk staff, per due date — the dedup key names the due date, so a re-run the same day (or the next
/// day while the same patrol is still owed) tells nobody twice, and the next due date after a patrol tells again.</summary>
public sealed class RenovationPatrolDueJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "renovation-patrol-due";
    /// <summary>Daily at 08:00 project time, when the desk starts its round.</summary>
    public const string Cron = "0 8 * * *";

    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    /// <summary>Returns how many renovations were newly reported.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, tenant.Project!);
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await RenovationWorksQueries.SettingsAsync(db, projectId, ct);
        var due = (await RenovationWorksQueries.ActiveWithDueAsync(db, clock, settings.PatrolEveryDays, ct)).Where(x => PatrolSchedule.IsDue(x.Due, today)).ToList();
        if (due.Count == 0) return 0;
        var desk = await ProjectPeople.InRoleAsync(db, projectId, Roles.ServiceDesk, ct);
        var places = await RepairQueries.AddressesAsync(db, due.Select(x => x.App.UnitId).Distinct().ToList(), ct);
        var reported = 0;
        foreach (var (app, last, on) in due)
        {
            var late = PatrolSchedule.DaysOverdue(on, today);
            var text = $"{places.GetValueOrDefault(app.UnitId)} 的装修（{app.Number}，{app.Status.Label().Zh}）应于 {on:yyyy-MM-dd} 巡查"
                + (late > 0 ? $"，已逾期 {late} 天" : "") + (last is { } l ? $"；上次巡查 {l:yyyy-MM-dd}。" : "；尚未巡查过。");
            var any = false;
            foreach (var d in desk)
                any |= await outbox.EnqueueAsync(db, Channel.InApp, d.UserId, "装修巡查到期", text, $"renovation-patrol-due-{app.Id}-{on:yyyyMMdd}-{d.UserId}", ct);
            if (any) reported++;
        }
        await db.SaveChangesAsync(ct);
        return reported;
    }
}
