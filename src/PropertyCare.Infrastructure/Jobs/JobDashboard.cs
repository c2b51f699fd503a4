using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Jobs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>The jobs page of a project: what is scheduled or waiting (from Hangfire: the project's delayed and
/// recurring jobs), what ran, is being retried or failed (from the run log), with retry and delete through
/// Hangfire's API. A manager sees and touches only the current project's jobs: every job id handed in is
/// checked to be a job of this project first.</summary>
public sealed class JobDashboard(JobStorage storage, IBackgroundJobClient client, IRecurringJobManager recurring, JobScheduler scheduler,
    IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public Task<List<ScheduledJob>> ScheduledAsync(CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        using var connection = storage.GetConnection();
        var result = new List<ScheduledJob>();
        foreach (var (key, id) in scheduler.DelayedJobs(projectId))
        {
            var state = connection.GetStateData(id);
            if (state == null || state.Name == SucceededState.StateName || state.Name == DeletedState.StateName || state.Name == FailedState.StateName) continue;
            var job = connection.GetJobData(id);
            DateTime? next = state.Name == ScheduledState.StateName && state.Data.TryGetValue("EnqueueAt", out var at) ? JobHelper.DeserializeNullableDateTime(at) : null;
            result.Add(new ScheduledJob(key, job?.Job is { } j ? ProjectJobs.TypeOf(j) : "", next, null, state.Name));
        }
        var prefix = JobScheduler.RecurringId(projectId, "");
        foreach (var r in connection.GetRecurringJobs().Where(r => r.Id.StartsWith(prefix, StringComparison.Ordinal)))
            result.Add(new ScheduledJob(r.Id[prefix.Length..], r.Job is { } j ? ProjectJobs.TypeOf(j) : "", r.NextExecution, r.Cron, "Recurring"));
        return Task.FromResult(result.OrderBy(j => j.NextFireUtc ?? DateTime.MinValue).ToList());
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

    /// <summary>Runs a job (of this project) again now; a failed one starts again as a first attempt.</summary>
    public Task RetryAsync(string backgroundJobId, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        RequireOwn(projectId, backgroundJobId);
        using (var connection = storage.GetConnection())
        {
            connection.SetJobParameter(backgroundJobId, "RetryCount", SerializationHelper.Serialize(0));
        }
        if (!client.Requeue(backgroundJobId)) throw new RecordNotFoundException();
        return Task.CompletedTask;
    }

    /// <summary>立即执行: runs one of this project's recurring jobs now, besides its schedule (after a holiday-calendar
    /// correction, or to see an escalation at once). The jobs are idempotent, so an extra run never repeats a message.
    /// Another project's key (or an invented one) is "not found".</summary>
    public Task TriggerAsync(string key, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        var id = JobScheduler.RecurringId(projectId, key);
        using (var connection = storage.GetConnection())
        {
            if (connection.GetAllEntriesFromHash($"recurring-job:{id}") is not { Count: > 0 }) throw new RecordNotFoundException();
        }
        recurring.Trigger(id);
        return Task.CompletedTask;
    }

    /// <summary>Deletes a scheduled or recurring job by our key, or a failed job by its Hangfire id.</summary>
    public Task DeleteAsync(string keyOrJobId, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.StaffManage);
        if (scheduler.Cancel(projectId, keyOrJobId)) return Task.CompletedTask;
        RequireOwn(projectId, keyOrJobId);
        if (!client.Delete(keyOrJobId)) throw new RecordNotFoundException();
        // A failed delayed job deleted by its id leaves the project's key index too.
        using var connection = storage.GetConnection();
        if (connection.GetJobParameter(keyOrJobId, ProjectJobs.KeyParameter) is { } key)
            JobScheduler.RemoveKey(connection, projectId, SerializationHelper.Deserialize<string>(key), keyOrJobId);
        return Task.CompletedTask;
    }

    /// <summary>Another project's job id (or an invented one) is "not found", never acted on.</summary>
    private void RequireOwn(int projectId, string backgroundJobId)
    {
        using var connection = storage.GetConnection();
        JobData? data;
        try { data = connection.GetJobData(backgroundJobId); }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException) { data = null; }
        if (ProjectJobs.ProjectOf(data?.Job) != projectId) throw new RecordNotFoundException();
    }
}

public sealed record ScheduledJob(string Key, string Type, DateTime? NextFireUtc, string? Cron, string State);
