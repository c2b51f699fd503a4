using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>总部抽访 weekly draw, per project, Monday 06:00 project-local: last week's answered repair and complaint
/// callbacks are the population; every unsatisfied, reworked and escalated one is in, the company's share (at least its
/// minimum) is drawn at random from the rest with a seed derived from project and week and recorded, and the project's
/// answer of each is copied into its 抽访记录. Once per project and week: a sample that exists is left alone, and two runs at
/// once meet the unique index — the second saves nothing. The company's HQ auditors are told once per week (dedup key
/// checked across the company's projects).</summary>
public sealed class CallbackSampleJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "quality-callback-sample";
    public const string Cron = "0 6 * * 1";

    /// <summary>Test seam: runs after the draw is computed and before it is saved (to race a second run).</summary>
    internal Func<Task>? BeforeSave { get; set; }

    public Task<int> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    /// <summary>Draws last week's sample (relative to the project's today). Returns how many were drawn; 0 when the week was
    /// drawn already (or had nothing to draw).</summary>
    public Task<int> RunAsync(CancellationToken ct = default)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, project);
        return DrawAsync(SampleWeek.LastWeekOf(clock.Today), ct);
    }

    public async Task<int> DrawAsync(DateOnly weekStart, CancellationToken ct = default)
    {
        var project = tenant.Project ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        if (SampleWeek.MondayOf(weekStart) != weekStart) throw new DomainException(new("抽访周须从周一开始", "A sampled week starts on a Monday"));
        var clock = ProjectClock.For(time, project);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CallbackSamples.AnyAsync(s => s.WeekStart == weekStart, ct)) return 0;
        var (from, to) = SampleWeek.RangeUtc(clock, weekStart);
        if (clock.UtcNow < to) throw new DomainException(new("该周尚未结束，不能抽访", "The week has not ended yet"));
        var rule = (await QualitySettingsService.LoadAsync(db, project.CompanyId, ct)).Rule;
        var candidates = await SampleCandidates.ForWeekAsync(db, from, to, ct);
        var seed = SampleWeek.NewSeed();
        var drawn = SampleDraw.Draw(candidates.Select(c => c.Candidate), rule, seed);
        var byKey = candidates.GroupBy(c => (c.Candidate.Source, c.Candidate.SourceId, c.Candidate.Round)).ToDictionary(g => g.Key, g => g.First());
        var population = byKey.Count;
        if (BeforeSave != null) await BeforeSave();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sample = CallbackSample.Record(project.Id, project.CompanyId, weekStart, rule, seed, population, drawn.Count, clock.UtcNow, "system");
        db.CallbackSamples.Add(sample);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Another run drew this week meanwhile (the unique index per project and week): its draw stands.
            return 0;
        }
        foreach (var item in drawn)
        {
            var c = byKey[(item.Candidate.Source, item.Candidate.SourceId, item.Candidate.Round)];
            db.CallbackAudits.Add(CallbackAudit.Drawn(sample, item, c.Number, c.CalledAt, c.CalledBy, c.Satisfaction, c.Remarks));
        }
        if (drawn.Count > 0) await TellHqAsync(db, project.CompanyId, weekStart, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return drawn.Count;
    }

    /// <summary>One message per company, week and auditor, whichever project's draw comes first.</summary>
    private async Task TellHqAsync(AppDbContext db, int companyId, DateOnly weekStart, CancellationToken ct)
    {
        var projectIds = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId).Select(p => p.Id).ToListAsync(ct);
        foreach (var hq in await ComplaintJobPeople.HqAuditorsAsync(db, companyId, ct))
        {
            var key = $"quality-sample-c{companyId}-{weekStart:yyyyMMdd}-{hq.UserId}";
            // Cross-project on purpose: the outbox dedups per project, the message is per company.
            if (await db.OutboxMessages.IgnoreQueryFilters().AnyAsync(m => projectIds.Contains(m.ProjectId) && m.DedupKey == key, ct)) continue;
            await outbox.EnqueueAsync(db, Channel.InApp, hq.UserId, $"抽访样本已生成（{weekStart:yyyy-MM-dd} 当周）",
                $"{weekStart:yyyy-MM-dd} 当周的回访抽访样本已生成，请到“抽访工作台”（/hq/audits）逐条回访。", key, ct);
        }
    }
}
