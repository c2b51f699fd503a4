using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Notifications;

/// <summary>Sends due outbox messages, project by project, each inside that project's tenant context so
/// the isolation guard applies to the status updates too. A recurring Hangfire job (every 10 seconds); a
/// failed message is retried by the message's own back-off (MarkAttemptFailed), not by Hangfire, and two
/// passes never overlap (one instance or several).</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public const string RecurringId = "outbox-dispatch";
    public const int BatchSize = 50;

    public static void Register(IRecurringJobManager recurring) =>
        recurring.AddOrUpdate<OutboxDispatcher>(RecurringId, d => d.DispatchJobAsync(CancellationToken.None), "*/10 * * * * *");

    /// <summary>The recurring job: the next pass comes in seconds anyway, so Hangfire does not retry it, and
    /// its finished runs are kept only briefly (one every 10 seconds would fill the job store).</summary>
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [DisableConcurrentExecution(60)]
    [ShortLivedJob]
    public Task DispatchJobAsync(CancellationToken ct) => DispatchDueAsync(ct);

    /// <summary>One pass: returns how many messages were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> projects;
        using (var scope = scopes.CreateScope())
        await using (var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
            projects = await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.Status == Domain.Notifications.OutboxStatus.Pending && m.NextAttemptAt <= now)
                .Select(m => m.ProjectId).Distinct().ToListAsync(ct);

        var attempted = 0;
        foreach (var projectId in projects)
        {
            using var scope = scopes.CreateScope();
            var sp = scope.ServiceProvider;
            var options = sp.GetRequiredService<DbContextOptions<AppDbContext>>();
            var tenant = sp.GetRequiredService<TenantContext>();
            await using (var lookup = new AppDbContext(options, null))
            {
                var project = await lookup.Projects.AsNoTracking().FirstAsync(p => p.Id == projectId, ct);
                tenant.SetUser(new UserIdentity("system", "系统发件", project.CompanyId, new HashSet<string>(), null));
                sp.GetRequiredService<TenantAccessor>().EnterTrusted(project);
            }
            var senders = sp.GetServices<INotificationSender>().ToList();
            await using var db = new AppDbContext(options, tenant);
            // One-time codes first: an owner waits at the sign-in page for one, while a bulk send (a survey inviting every
            // household, a batch of reminders) can take several passes; in arrival order otherwise.
            var due = await db.OutboxMessages.Where(m => m.Status == Domain.Notifications.OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderByDescending(m => m.Confidential).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var m in due)
            {
                attempted++;
                var sender = senders.FirstOrDefault(s => s.Handles(m.Channel));
                try
                {
                    if (sender == null) throw new InvalidOperationException($"No sender handles {m.Channel}.");
                    await sender.SendAsync(m, ct);
                    m.MarkSent(now, sender.Name); // erases a confidential body (a one-time code), saved just below
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    m.MarkAttemptFailed(now, e.Message);
                    log.LogWarning("Outbox message {Id} failed (attempt {Attempt}): {Error}", m.Id, m.Attempts, e.Message);
                }
                // Saved one by one: a crash after a send leaves at most that one message to be sent again.
                await db.SaveChangesAsync(ct);
            }
        }
        return attempted;
    }
}

/// <summary>Keeps a finished job's record for ten minutes instead of Hangfire's day.</summary>
public sealed class ShortLivedJobAttribute : JobFilterAttribute, IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) => context.JobExpirationTimeout = TimeSpan.FromMinutes(10);
    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction) { }
}
