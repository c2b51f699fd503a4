using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Jobs;

/// <summary>What the app registers at start: each project's escalation in the project's time zone, and the
/// outbox dispatcher as a recurring Hangfire job (no polling service of its own any more). On the storage that
/// follows the provider; OnPostgreSql.cs runs the same test with PostgreSQL for both the app and Hangfire.
/// Real time, on purpose: the outbox job is shown to run by Hangfire's own recurring scheduler, which reads the system
/// clock (no TimeProvider), so the test waits — polling, with a deadline — for its next slot.</summary>
public class RecurringJobsTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Start_registers_each_projects_escalation_in_its_zone_and_the_outbox_job_which_sends_queued_messages()
    {
        await using var app = new AppServices(settings: new Dictionary<string, string?> { ["PropertyCare:Jobs:PollMs"] = "200" }, provider: Provider);
        var (a, b) = await app.TwoCompaniesAsync();
        await using (var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            (await db.Projects.SingleAsync(p => p.Id == b.Id)).TimeZone = "Asia/Urumqi";
            await db.SaveChangesAsync();
        }
        var hosted = app.Provider.GetServices<IHostedService>().ToList();
        Assert.DoesNotContain(hosted, h => h is OutboxDispatcher || h.GetType().Name.Contains("Outbox", StringComparison.Ordinal));
        await hosted.OfType<RepairJobsBootstrap>().Single().StartAsync(default);

        using (var connection = app.Provider.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
            Assert.Equal("Asia/Shanghai", recurring[JobScheduler.RecurringId(a.Id, RepairEscalation.JobKey)].TimeZoneId);
            Assert.Equal("Asia/Urumqi", recurring[JobScheduler.RecurringId(b.Id, RepairEscalation.JobKey)].TimeZoneId);
            Assert.Equal(RepairEscalation.Cron, recurring[JobScheduler.RecurringId(a.Id, RepairEscalation.JobKey)].Cron);
            Assert.True(recurring.ContainsKey(OutboxDispatcher.RecurringId));
        }

        using (var scope = app.As(Roles.ProjectManager, a))
        {
            await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), scope.ServiceProvider.GetRequiredService<TenantContext>());
            await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().EnqueueAsync(db, Channel.Sms, "13800138000", "验证码", "您的验证码 123456", "code-1", confidential: true);
            await db.SaveChangesAsync();
        }
        var server = hosted.OfType<BackgroundJobServerHostedService>().Single();
        await server.StartAsync(default);
        OutboxMessage Message()
        {
            using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
            return db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().Single();
        }
        await SchedulerTests.WaitUntil(() => Message().Status == OutboxStatus.Sent, 60, "the recurring outbox job did not send the message");
        await server.StopAsync(default);
        // Behaviour kept: a confidential body is erased once sent.
        Assert.DoesNotContain("123456", Message().Body ?? "");
    }
}
