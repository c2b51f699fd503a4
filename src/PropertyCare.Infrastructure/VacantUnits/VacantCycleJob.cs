using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>What one run of the cycle job did.</summary>
public sealed record VacantCycleRun(string CycleKey, int Created, int Cancelled);

/// <summary>巡查周期任务: once a day (in the project's time zone) makes sure every vacant unit has its task in the current
/// cycle, spread over the project's active service-desk staff, and cancels the open tasks of units that stopped being
/// vacant. Idempotent: a second run finds the tasks by (unit, cycle key) and plans nothing; two runs at once are
/// settled by the unique index — the loser reads again and finds the winner's tasks.</summary>
public sealed class VacantCycleJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public const string JobKey = "vacant-cycle";
    /// <summary>Daily at 00:10 project time: the first run of a new cycle falls on its first morning.</summary>
    public const string Cron = "10 0 * * *";

    public Task<VacantCycleRun> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    /// <summary>立即生成: the manager runs the job by hand (units that became vacant this morning get their task now).</summary>
    public Task<VacantCycleRun> RunNowAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.VacantManage);
        return RunAsync(ct);
    }

    public async Task<VacantCycleRun> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, tenant.Project!);
        for (var attempt = 1; ; attempt++)
        {
            try { return await RunOnceAsync(projectId, clock, ct); }
            catch (DbUpdateException) when (attempt < 3) { /* a concurrent run made some of the tasks first: plan again */ }
        }
    }

    private async Task<VacantCycleRun> RunOnceAsync(int projectId, ProjectClock clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cycle = await VacantSettingsService.CurrentCycleAsync(db, clock, ct);
        var vacant = await db.Units.Where(u => u.State == UnitState.Vacant).Select(u => u.Id).ToListAsync(ct);
        var tasks = await db.VacantInspectionTasks.Where(t => t.CycleKey == cycle.Key).ToListAsync(ct);

        var cancelled = 0;
        foreach (var t in tasks.Where(t => t.Status == VacantTaskStatus.Open && !vacant.Contains(t.UnitId)))
        {
            t.Cancel();
            cancelled++;
        }
        // Cancellations are saved first: they stand even when nobody is left to give new tasks to.
        if (cancelled > 0) await db.SaveChangesAsync(ct);

        var staff = (await ProjectPeople.InRoleAsync(db, projectId, Roles.ServiceDesk, ct)).Select(p => p.UserId).ToList();
        // Every task of the cycle blocks a second one for its unit (the unique index); only the live ones weigh on the load.
        var plan = TaskDistribution.Plan(vacant.Where(u => tasks.All(t => t.UnitId != u)), staff,
            tasks.Where(t => t.Status != VacantTaskStatus.Cancelled).Select(t => new TaskAssignment(t.UnitId, t.AssigneeId)));
        foreach (var a in plan) db.VacantInspectionTasks.Add(VacantInspectionTask.Create(a, cycle));
        if (plan.Count > 0) await db.SaveChangesAsync(ct);
        return new(cycle.Key, plan.Count, cancelled);
    }
}
