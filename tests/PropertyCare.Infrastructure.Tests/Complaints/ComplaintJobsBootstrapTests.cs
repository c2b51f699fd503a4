using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>At start every active project gets the three complaint jobs in its own time zone; a second start replaces them.</summary>
public class ComplaintJobsBootstrapTests
{
    [Fact]
    public async Task Start_registers_the_escalation_and_both_reminders_per_project_in_its_zone()
    {
        await using var app = new AppServices();
        var (a, b) = await app.TwoCompaniesAsync();
        await using (var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            (await db.Projects.SingleAsync(p => p.Id == b.Id)).TimeZone = "Asia/Urumqi";
            await db.SaveChangesAsync();
        }
        var bootstrap = app.Provider.GetServices<IHostedService>().OfType<ComplaintJobsBootstrap>().Single();
        await bootstrap.StartAsync(default);
        await bootstrap.StartAsync(default);

        using var connection = app.Provider.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
        foreach (var (key, cron) in new[] { (ComplaintEscalationJob.JobKey, "25 * * * *"), (ComplaintFollowUpReminderJob.JobKey, "0 9 * * *"), (ComplaintCallbackDueJob.JobKey, "5 9 * * *") })
        {
            Assert.Equal(cron, recurring[JobScheduler.RecurringId(a.Id, key)].Cron);
            Assert.Equal("Asia/Shanghai", recurring[JobScheduler.RecurringId(a.Id, key)].TimeZoneId);
            Assert.Equal("Asia/Urumqi", recurring[JobScheduler.RecurringId(b.Id, key)].TimeZoneId);
        }
        Assert.Equal(6, recurring.Keys.Count(k => k.Contains("complaint", StringComparison.Ordinal)));
    }
}
