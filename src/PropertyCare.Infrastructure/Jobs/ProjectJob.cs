using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Jobs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;
using Quartz;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>Base of every job that works on a project's data. It enters the project named in its job data
/// before doing anything (so the isolation guard applies to jobs exactly as to people), records the run,
/// and on failure schedules a retry with back-off until <see cref="JobRun.MaxAttempts"/>, then leaves the
/// run visibly failed. Jobs must be idempotent: a retry or a recovery after a crash may run them again.</summary>
public abstract class ProjectJob(IServiceProvider services) : IJob
{
    public const string ProjectIdKey = "projectId";
    public const string AttemptKey = "attempt";

    public async Task Execute(IJobExecutionContext context)
    {
        var projectId = context.MergedJobDataMap.GetIntValueFromString(ProjectIdKey);
        var attempt = context.MergedJobDataMap.ContainsKey(AttemptKey) ? context.MergedJobDataMap.GetIntValueFromString(AttemptKey) : 1;
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var tenant = services.GetRequiredService<TenantContext>();
        await using (var lookup = new AppDbContext(options, null))
        {
            var project = await lookup.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, context.CancellationToken)
                ?? throw new JobExecutionException($"Project {projectId} does not exist.");
            tenant.SetUser(new UserIdentity("system", "系统任务", project.CompanyId, new HashSet<string>(), null));
            services.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        }

        await using var db = new AppDbContext(options, tenant);
        var run = JobRun.Start(context.JobDetail.Key.Name, GetType().Name, attempt, clock.GetUtcNow().UtcDateTime);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(context.CancellationToken);
        try
        {
            await ExecuteInProjectAsync(context, projectId, context.CancellationToken);
            run.Succeed(clock.GetUtcNow().UtcDateTime);
            // Jobs are stored durably so a failed one can be retried by hand; a one-off that succeeded and has
            // nothing more scheduled is removed.
            // (A trigger re-scheduled under the same key while this ran has a next fire time, so it is kept.)
            var triggers = await context.Scheduler.GetTriggersOfJob(context.JobDetail.Key);
            if (context.NextFireTimeUtc == null && triggers.All(t => t.GetNextFireTimeUtc() == null))
                await context.Scheduler.DeleteJob(context.JobDetail.Key);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.GetRequiredService<ILogger<ProjectJob>>().LogWarning(e, "Job {Job} of project {Project} failed (attempt {Attempt})", context.JobDetail.Key, projectId, attempt);
            // Failed for good (no retry time): the durable job stays, to be retried from the jobs page.
            if (run.Fail(clock.GetUtcNow().UtcDateTime, e.Message) is { } retryAt)
                await context.Scheduler.ScheduleJob(TriggerBuilder.Create()
                    .WithIdentity($"{context.JobDetail.Key.Name}-retry{attempt + 1}", context.JobDetail.Key.Group)
                    .ForJob(context.JobDetail).StartAt(retryAt).UsingJobData(AttemptKey, (attempt + 1).ToString())
                    .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow()).Build(), context.CancellationToken);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    protected abstract Task ExecuteInProjectAsync(IJobExecutionContext context, int projectId, CancellationToken ct);
}
