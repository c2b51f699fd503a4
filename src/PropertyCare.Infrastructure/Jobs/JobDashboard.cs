using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Jobs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;
using Quartz;
using Quartz.Impl.Matchers;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>The jobs page of a project: what is scheduled (from Quartz), what ran, is being retried or
/// failed (from the run log), with retry and delete. A manager sees only the current project's jobs.</summary>
public sealed class JobDashboard(SchedulerHost host, IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<List<ScheduledJob>> ScheduledAsync(CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        var scheduler = await host.SchedulerAsync(ct);
        var result = new List<ScheduledJob>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals($"p{projectId}"), ct))
        {
            var trigger = await scheduler.GetTrigger(key, ct);
            if (trigger == null) continue;
            var job = await scheduler.GetJobDetail(trigger.JobKey, ct);
            result.Add(new ScheduledJob(trigger.JobKey.Name, job?.JobType.Name ?? "", trigger.GetNextFireTimeUtc()?.UtcDateTime,
                trigger is ICronTrigger cron ? cron.CronExpressionString : null));
        }
        return result.OrderBy(j => j.NextFireUtc).ToList();
    }

    public async Task<Page<JobRun>> RunsAsync(JobRunStatus? status, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.StaffManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.JobRuns.AsNoTracking();
        if (status is { } s) q = q.Where(r => r.Status == s);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(r => r.Id).Skip((Math.Max(1, pageIndex) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<JobRun>(items, total, pageIndex, pageSize);
    }

    /// <summary>Runs the job again now, as a first attempt.</summary>
    public async Task RetryAsync(string jobKey, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        var scheduler = await host.SchedulerAsync(ct);
        var key = JobScheduler.Key(projectId, jobKey);
        if (!await scheduler.CheckExists(key, ct)) throw new RecordNotFoundException();
        await scheduler.TriggerJob(key, new JobDataMap { [ProjectJob.AttemptKey] = "1" }, ct);
    }

    public async Task DeleteAsync(string jobKey, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        if (!await (await host.SchedulerAsync(ct)).DeleteJob(JobScheduler.Key(projectId, jobKey), ct)) throw new RecordNotFoundException();
    }
}

public sealed record ScheduledJob(string Key, string Type, DateTime? NextFireUtc, string? Cron);
