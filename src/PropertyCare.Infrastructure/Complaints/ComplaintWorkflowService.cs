using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>The complaint's steps after registration. Who may do what:
/// the desk (ComplaintsWrite) classifies and dispatches, reassigns, answers a consultation, follows up, calls back, reopens;
/// the handler or the department's head (ComplaintsWork) — or the desk recording it for them — makes the plan, puts it off
/// and records the handling; the manager (ComplaintsManage) writes the manager's opinion. Every step checks its permission
/// first, loads the complaint at the version the user saw (a stale version is a conflict), lets the domain refuse before
/// anything changes, and saves the step with the notices it queued in one unit of work.</summary>
public sealed class ComplaintWorkflowService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    private static readonly Text NotStaff = new("所选责任人不是本项目员工", "The person chosen is not on this project's staff");

    /// <summary>分类派单: classification, category, urgency, department and handler (one of the project's staff); the repeat
    /// check runs again now the category is known; the owner hears it was accepted, the handler that it is theirs.</summary>
    public Task ClassifyAsync(int id, int expectedVersion, ComplaintClassification classification, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsWrite, async (db, c, s, ctime, clock, by) =>
        {
            var handlerName = await HandlerNameAsync(db, classification.HandlerId, ct);
            if (!string.IsNullOrWhiteSpace(classification.HandlerId) && handlerName == null)
                throw new ValidationException([new(nameof(Complaint.HandlerId), NotStaff)]);
            c.Classify(classification with { HandlerName = handlerName ?? "" }, s, by, clock.UtcNow, ctime);
            await ComplaintFiling.MarkRepeatAsync(db, c, s, ct);
            await TellOwnerAsync(db, c, "投诉已受理", $"已受理，由{c.Department}负责处理，我们将在 {Local(clock, c.PlanDueAt)} 前给出处理方案。", "accepted", ct);
            await ComplaintNotices.TellHandlerAsync(db, outbox, tenant.Project!.Name, c, clock, ct);
        }, ct);

    /// <summary>改派 to another department or person of the project's staff; deadlines and level stay.</summary>
    public Task ReassignAsync(int id, int expectedVersion, string department, string handlerId, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsWrite, async (db, c, s, ctime, clock, by) =>
        {
            var handlerName = await HandlerNameAsync(db, handlerId, ct) ?? throw new ValidationException([new(nameof(Complaint.HandlerId), NotStaff)]);
            c.Reassign(department, handlerId, handlerName, s);
            await ComplaintNotices.TellHandlerAsync(db, outbox, tenant.Project!.Name, c, clock, ct);
        }, ct);

    /// <summary>咨询答复: the consultation is answered and closed.</summary>
    public Task AnswerAsync(int id, int expectedVersion, string answer, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsWrite, async (db, c, s, ctime, clock, by) =>
        {
            c.Answer(answer, by, clock.UtcNow);
            await TellOwnerAsync(db, c, "咨询已答复", $"已答复：{c.Result}", "closed", ct);
        }, ct);

    public Task PlanAsync(int id, int expectedVersion, string plan, CancellationToken ct = default) =>
        WorkStepAsync(id, expectedVersion, async (db, c, s, ctime, clock, by) =>
        {
            c.RecordPlan(plan, by, clock.UtcNow, s, ctime);
            await TellOwnerAsync(db, c, "投诉处理方案", $"处理方案：{c.Plan}；预计 {Local(clock, c.HandleDueAt)} 前处理完毕。", "plan", ct);
        }, ct);

    public Task DelayAsync(int id, int expectedVersion, DateOnly newDueLocalDate, string reason, CancellationToken ct = default) =>
        WorkStepAsync(id, expectedVersion, (db, c, s, ctime, clock, by) => { c.Delay(newDueLocalDate, reason, clock.UtcNow, ctime); return Task.CompletedTask; }, ct);

    public Task HandleAsync(int id, int expectedVersion, string result, string? receiverOpinion, CancellationToken ct = default) =>
        WorkStepAsync(id, expectedVersion, async (db, c, s, ctime, clock, by) =>
        {
            c.Handle(result, receiverOpinion, by, clock.UtcNow, s, ctime);
            await TellOwnerAsync(db, c, "投诉已处理", $"已处理完毕：{c.Result}。我们将在 {c.CallbackDueOn:yyyy-MM-dd} 前回访。", "handled", ct);
        }, ct);

    public Task ManagerOpinionAsync(int id, int expectedVersion, string opinion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsManage, (db, c, s, ctime, clock, by) => { c.RecordManagerOpinion(opinion, by); return Task.CompletedTask; }, ct);

    /// <summary>提供客户联系方式: the desk gives the handler the complainant's name and phone (to call or visit), logged in
    /// 保密日志 like a reveal — the handler sees them from then on, until the complaint is reassigned.</summary>
    public Task ShareContactAsync(int id, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsWrite, (db, c, s, ctime, clock, by) =>
        {
            c.ShareContactWithHandler(by, clock.UtcNow);
            var user = tenant.RequireUser();
            db.SensitiveAccesses.Add(new Domain.Auditing.SensitiveAccess
            {
                ProjectId = c.ProjectId, Kind = Domain.Auditing.SensitiveAccessKind.Reveal, EntityType = nameof(Complaint), EntityId = c.Id,
                Field = "ComplainantContactShared", Detail = $"提供给 {c.HandlerName}", At = clock.UtcNow,
                UserId = user.UserId, UserName = user.DisplayName, ClientIp = tenant.ClientIp,
            });
            return Task.CompletedTask;
        }, ct);

    public Task FollowUpAsync(int id, int expectedVersion, FollowUpChannel channel, string said, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsWrite, (db, c, s, ctime, clock, by) => { c.FollowUp(channel, said, by, clock.UtcNow); return Task.CompletedTask; }, ct);

    /// <summary>回访: closes it by the closure rules (the owner is told), or sends it back to handling as a 二次派单.</summary>
    public Task CallbackAsync(int id, int expectedVersion, ComplaintCallbackAnswer answer, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsWrite, async (db, c, s, ctime, clock, by) =>
        {
            c.RecordCallback(answer, by, clock.UtcNow, s, ctime);
            if (c.Status == ComplaintStatus.Closed) await TellOwnerAsync(db, c, "投诉已关闭", "已回访并关闭，感谢您的监督。", "closed", ct);
            else await ComplaintNotices.TellHandlerAsync(db, outbox, tenant.Project!.Name, c, clock, ct);
        }, ct);

    public Task ReopenAsync(int id, int expectedVersion, string reason, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.ComplaintsWrite, async (db, c, s, ctime, clock, by) =>
        {
            c.Reopen(reason, by, clock.UtcNow, s, ctime);
            await ComplaintNotices.TellHandlerAsync(db, outbox, tenant.Project!.Name, c, clock, ct);
        }, ct);

    private static string Local(ProjectClock clock, DateTime? utc) => utc is { } u ? clock.ToLocal(u).ToString("yyyy-MM-dd HH:mm") : "";

    private async Task<string?> HandlerNameAsync(AppDbContext db, string? handlerId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(handlerId)) return null;
        return (await ProjectStaff.NamesAsync(db, tenant.ProjectId!.Value, [handlerId], ct)).GetValueOrDefault(handlerId);
    }

    private Task TellOwnerAsync(AppDbContext db, Complaint c, string subject, string what, string key, CancellationToken ct) =>
        ComplaintNotices.TellOwnerAsync(db, outbox, tenant.Project!.CompanyId, tenant.Project.Name, c, subject, what, key, ct);

    private delegate Task Step(AppDbContext db, Complaint c, ComplaintSettings settings, ComplaintTime ctime, ProjectClock clock, string by);

    /// <summary>Plan, delay, handle: the desk (ComplaintsWrite) for anyone; otherwise only the handler or the department's
    /// head — for anyone else the complaint is "not found".</summary>
    private Task WorkStepAsync(int id, int expectedVersion, Step step, CancellationToken ct)
    {
        tenant.RequireProjectAny(Permissions.ComplaintsWrite, Permissions.ComplaintsWork);
        var user = tenant.RequireUser();
        return RunAsync(id, expectedVersion, step, assignedOnly: !user.Has(Permissions.ComplaintsWrite), ct);
    }

    private Task StepAsync(int id, int expectedVersion, string permission, Step step, CancellationToken ct)
    {
        tenant.RequireProject(permission);
        return RunAsync(id, expectedVersion, step, assignedOnly: false, ct);
    }

    private async Task RunAsync(int id, int expectedVersion, Step step, bool assignedOnly, CancellationToken ct)
    {
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (assignedOnly && c.HandlerId != user.UserId && c.DepartmentHeadId != user.UserId) throw new RecordNotFoundException();
        MoveIn.MoveInQueries.Expect(c, expectedVersion);
        var settings = await ComplaintSettingsService.LoadAsync(db, tenant.ProjectId!.Value, ct);
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, tenant.Project!, ct);
        await step(db, c, settings, ctime, clock, user.DisplayName);
        await db.SaveChangesAsync(ct);
    }
}
