using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>What one run of the escalation job reported.</summary>
public sealed record VacantEscalationRun(int Tasks, int Loans);

/// <summary>超时升级 for vacant units: open inspection tasks past their due time and key loans past their expected return are
/// reported to each of the project's managers in-app, once (the record remembers it escalated; the message has a dedup key).</summary>
public sealed class VacantEscalationJob(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const string JobKey = "vacant-escalation";
    /// <summary>Hourly at minute 5, project time: a loan due at 18:00 is reported by 19:05.</summary>
    public const string Cron = "5 * * * *";

    public Task<VacantEscalationRun> RunForProjectAsync(int projectId, CancellationToken ct) =>
        tenant.ProjectId == projectId ? RunAsync(ct) : throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));

    public async Task<VacantEscalationRun> RunAsync(CancellationToken ct = default)
    {
        var projectId = tenant.ProjectId ?? throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        var clock = ProjectClock.For(time, tenant.Project!);
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = await db.VacantInspectionTasks.Where(t => t.Status == VacantTaskStatus.Open && t.DueAt < now && t.EscalatedAt == null)
            .OrderBy(t => t.DueAt).Take(500).ToListAsync(ct);
        // Loans live in a JSON column: the database narrows to keys out and not yet escalated, the rule decides overdue.
        var loans = (await db.KeyCustodies.Where(k => k.Status == CustodyStatus.OnLoan && k.EscalatedAt == null).ToListAsync(ct))
            .Where(k => k.IsOverdue(now)).ToList();
        if (tasks.Count == 0 && loans.Count == 0) return new(0, 0);

        var managers = await ProjectPeople.InRoleAsync(db, projectId, Roles.ProjectManager, ct);
        var places = await RepairQueries.AddressesAsync(db, tasks.Select(t => t.UnitId).Concat(loans.Select(k => k.UnitId)).Distinct().ToList(), ct);
        var names = await VacantQueries.NamesAsync(db, tasks.Select(t => t.AssigneeId), ct);
        var escalatedTasks = 0;
        foreach (var t in tasks.Where(t => t.Escalate(now)))
        {
            escalatedTasks++;
            var text = $"空置房 {places.GetValueOrDefault(t.UnitId)} 的巡查任务（{t.CycleKey}，巡查人 {names.Name(t.AssigneeId)}）已超过截止时间 {clock.ToLocal(t.DueAt):MM-dd HH:mm}，请督办。";
            foreach (var m in managers)
                await outbox.EnqueueAsync(db, Channel.InApp, m.UserId, "空置房巡查超时", text, $"vacant-task-escalate-{t.Id}-{m.UserId}", ct);
        }
        var escalatedLoans = 0;
        foreach (var k in loans)
        {
            var loan = k.CurrentLoan!;
            if (!k.Escalate(now)) continue;
            escalatedLoans++;
            var text = $"{places.GetValueOrDefault(k.UnitId)} 的托管钥匙由 {loan.Borrower} 借出（{loan.Purpose}），应于 {clock.ToLocal(loan.ExpectedReturnAt):MM-dd HH:mm} 归还，至今未还，请督办。";
            foreach (var m in managers)
                await outbox.EnqueueAsync(db, Channel.InApp, m.UserId, "钥匙借出逾期", text, $"key-escalate-{k.Id}-{loan.BorrowedAt.Ticks}-{m.UserId}", ct);
        }
        await db.SaveChangesAsync(ct);
        return new(escalatedTasks, escalatedLoans);
    }
}
