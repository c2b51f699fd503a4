using System.Collections.Concurrent;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Jobs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>The one server filter of project jobs. Before the job runs it opens the job's service scope,
/// enters the project (a system user of the project's company, through <see cref="TenantAccessor"/>), so the
/// isolation guard applies to the job exactly as to a page, and records the run; after it, it records the
/// outcome and leaves (disposes the scope). <see cref="ProjectJobActivator"/> resolves the job's service from
/// that same scope. Jobs must be idempotent: a retry, or a recovery after a crash, may run them again.</summary>
public sealed class ProjectJobFilter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProjectJobFilter> log) : IServerFilter
{
    private sealed record Entered(IServiceScope Scope, long RunId);
    private readonly ConcurrentDictionary<string, Entered> _entered = new();

    public IServiceScope? ScopeOf(string backgroundJobId) => _entered.TryGetValue(backgroundJobId, out var e) ? e.Scope : null;

    public void OnPerforming(PerformingContext context)
    {
        if (ProjectJobs.ProjectOf(context.BackgroundJob.Job) is not { } projectId) return;
        var scope = scopes.CreateScope();
        try
        {
            var sp = scope.ServiceProvider;
            var options = sp.GetRequiredService<DbContextOptions<AppDbContext>>();
            var tenant = sp.GetRequiredService<TenantContext>();
            using (var lookup = new AppDbContext(options, null))
            {
                var project = lookup.Projects.AsNoTracking().FirstOrDefault(p => p.Id == projectId)
                    ?? throw new InvalidOperationException($"Project {projectId} does not exist.");
                tenant.SetUser(new UserIdentity("system", "系统任务", project.CompanyId, new HashSet<string>(), null));
                sp.GetRequiredService<TenantAccessor>().EnterTrusted(project);
            }
            var key = context.GetJobParameter<string>(ProjectJobs.KeyParameter)
                ?? RecurringKey(context.GetJobParameter<string>("RecurringJobId"), projectId) ?? context.BackgroundJob.Id;
            var attempt = context.GetJobParameter<int>("RetryCount") + 1;
            using var db = new AppDbContext(options, tenant);
            var run = JobRun.Start(key, ProjectJobs.TypeOf(context.BackgroundJob.Job), attempt, clock.GetUtcNow().UtcDateTime);
            run.BackgroundJobId = context.BackgroundJob.Id;
            db.JobRuns.Add(run);
            db.SaveChanges();
            _entered[context.BackgroundJob.Id] = new Entered(scope, run.Id);
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!_entered.TryRemove(context.BackgroundJob.Id, out var entered)) return;
        using (entered.Scope)
        {
            var sp = entered.Scope.ServiceProvider;
            using var db = new AppDbContext(sp.GetRequiredService<DbContextOptions<AppDbContext>>(), sp.GetRequiredService<TenantContext>());
            var run = db.JobRuns.Single(r => r.Id == entered.RunId);
            var now = clock.GetUtcNow().UtcDateTime;
            if (context.Exception == null)
            {
                run.Succeed(now);
                // A delayed job that ran is no longer pending: its key leaves the project's index.
                if (context.GetJobParameter<string>(ProjectJobs.KeyParameter) is { } key)
                    JobScheduler.RemoveKey(context.Connection, run.ProjectId, key, context.BackgroundJob.Id);
            }
            else
            {
                var error = context.Exception is Hangfire.Server.JobPerformanceException { InnerException: { } inner } ? inner : context.Exception;
                log.LogWarning(error, "Job {Job} of project {Project} failed (attempt {Attempt})", run.JobKey, run.ProjectId, run.Attempt);
                run.Fail(now, error is OperationCanceledException ? "应用停止时中断，将重新执行 / interrupted by shutdown, will run again" : error.Message);
            }
            db.SaveChanges();
        }
    }

    /// <summary>"p12:repair-escalation" → "repair-escalation".</summary>
    private static string? RecurringKey(string? recurringId, int projectId) =>
        recurringId == null ? null : recurringId.StartsWith($"p{projectId}:", StringComparison.Ordinal) ? recurringId[$"p{projectId}:".Length..] : recurringId;
}
