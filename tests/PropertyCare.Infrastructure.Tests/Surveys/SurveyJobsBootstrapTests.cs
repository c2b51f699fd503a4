using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Surveys;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Surveys;

/// <summary>At start every active project gets the daily survey job in its own zone (on 后台任务, with 立即执行); the job
/// refuses to run for a project it has not entered.</summary>
public class SurveyJobsBootstrapTests
{
    [Fact]
    public async Task Start_registers_the_daily_job_per_project_in_its_zone()
    {
        await using var app = new AppServices();
        var (a, b) = await app.TwoCompaniesAsync();
        await using (var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            (await db.Projects.SingleAsync(p => p.Id == b.Id)).TimeZone = "Asia/Urumqi";
            await db.SaveChangesAsync();
        }
        var bootstrap = app.Provider.GetServices<IHostedService>().OfType<SurveyJobsBootstrap>().Single();
        await bootstrap.StartAsync(default);
        await bootstrap.StartAsync(default);

        using var connection = app.Provider.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
        Assert.Equal("30 8 * * *", recurring[JobScheduler.RecurringId(a.Id, SurveyDailyJob.JobKey)].Cron);
        Assert.Equal("Asia/Shanghai", recurring[JobScheduler.RecurringId(a.Id, SurveyDailyJob.JobKey)].TimeZoneId);
        Assert.Equal("Asia/Urumqi", recurring[JobScheduler.RecurringId(b.Id, SurveyDailyJob.JobKey)].TimeZoneId);
        Assert.Equal(2, recurring.Keys.Count(k => k.EndsWith(SurveyDailyJob.JobKey, StringComparison.Ordinal)));

        using var scope = app.As(Roles.ProjectManager, a);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<SurveyDailyJob>().RunForProjectAsync(b.Id, default));
    }
}
