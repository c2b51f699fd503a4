using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Surveys;

/// <summary>满意度调查 daily job, per project at 08:30 in its zone (shown on 后台任务, with 立即执行): starts the campaigns
/// covering the project whose opening day has come, invites this project's target units of every open campaign (a
/// company-wide campaign started by HQ or by another project's run gets its invitations here too), reminds the
/// non-responders every N days and closes the campaigns whose closing day has passed. Idempotent: run it twice, nothing
/// is sent twice.</summary>
public sealed class SurveyDailyJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, SurveyInviter inviter)
{
    public const string JobKey = "survey-daily";
    public const string Cron = "30 8 * * *";

    public Task<SurveyJobRun> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    public async Task<SurveyJobRun> RunAsync(CancellationToken ct = default)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, project);
        var today = clock.Today;
        int started = 0, invited = 0, reminded = 0, closed = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await SurveyCampaigns.Covering(db, project.Id, project.CompanyId).Where(c => c.Status != CampaignStatus.Closed)
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var c = await db.SurveyCampaigns.FirstAsync(x => x.Id == id, ct);
                var wasDraft = c.Status == CampaignStatus.Draft;
                if (c.StartDue(today, DateOnly.FromDateTime(clock.ToLocal(c.CreatedAt)))) c.Start(clock.UtcNow);
                if (c.Status != CampaignStatus.Open) break;
                var n = await inviter.InviteAsync(db, c, ct);
                var r = await inviter.RemindAsync(db, c, ct);
                var closing = c.CloseDue(today);
                if (closing) c.Close(clock.UtcNow);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another project's run started or closed the company-wide campaign at the same moment: read it again.
                    continue;
                }
                if (wasDraft) started++;
                invited += n;
                reminded += r;
                if (closing) closed++;
                break;
            }
        }
        return new SurveyJobRun(started, invited, reminded, closed);
    }
}

public sealed record SurveyJobRun(int Started, int Invited, int Reminded, int Closed);

/// <summary>At start, gives every active project its daily survey job in its time zone (same id replaces: every start is safe).</summary>
public sealed class SurveyJobsBootstrap(DbContextOptions<AppDbContext> options, JobScheduler scheduler, ILogger<SurveyJobsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, null);
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct))
            Ensure(scheduler, p.Id, p.TimeZone);
        log.LogInformation("Survey jobs registered");
    }

    public static void Ensure(JobScheduler scheduler, int projectId, string timeZone) =>
        scheduler.ScheduleCron<SurveyDailyJob>(projectId, SurveyDailyJob.JobKey, SurveyDailyJob.Cron, timeZone, j => j.RunForProjectAsync(projectId, CancellationToken.None));

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
