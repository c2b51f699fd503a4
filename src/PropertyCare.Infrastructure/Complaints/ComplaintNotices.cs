using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>Tells the owner behind a complaint (in-app to every portal account of theirs in the company, and by SMS) when
/// it is accepted and dispatched, when the plan is made, when it is handled and when it is closed; tells the handler
/// in-app when it is dispatched to them. Queued in the step's unit of work, so a step that fails tells nobody. Complaints
/// without an owner (a passer-by, an anonymous caller) are told by the desk in person.</summary>
internal static class ComplaintNotices
{
    public const string PortalLink = "/my/complaints/";

    public static async Task TellOwnerAsync(AppDbContext db, NotificationOutbox outbox, int companyId, string projectName, Complaint c,
        string subject, string what, string key, CancellationToken ct)
    {
        if (c.OwnerId is not { } ownerId) return;
        var phone = await db.Owners.AsNoTracking().Where(o => o.Id == ownerId).Select(o => o.Phone).FirstOrDefaultAsync(ct);
        var body = $"{projectName}：您的{c.Kind.Label().Zh}（{c.Number}）{what}详情请在业主服务“投诉建议”中查看。";
        // The round (dispatches so far) keeps a second plan or handling after a callback sent it back from being deduplicated away.
        var dedup = $"complaint-{key}-{c.Id}-{c.Dispatches.Count}";
        if (!string.IsNullOrWhiteSpace(phone)) await outbox.EnqueueAsync(db, Channel.Sms, phone, subject, body, $"{dedup}-sms", ct);
        foreach (var account in await db.Users.AsNoTracking().Where(u => u.OwnerId == ownerId && u.CompanyId == companyId && u.IsActive).Select(u => u.Id).ToListAsync(ct))
            await outbox.EnqueueAsync(db, Channel.InApp, account, subject, body, $"{dedup}-inapp-{account}", ct);
    }

    /// <summary>The handler's in-app message; it names the facts' subject, never the complainant.</summary>
    public static Task TellHandlerAsync(AppDbContext db, NotificationOutbox outbox, string projectName, Complaint c, Repairs.ProjectClock clock, CancellationToken ct) =>
        outbox.EnqueueAsync(db, Channel.InApp, c.HandlerId!, $"新派单：{c.Number}",
            $"{projectName}：{c.Kind.Label().Zh}（{c.Number}，{c.Category}）已派给您（{c.Department}），请在 {(c.PlanDueAt is { } due ? clock.ToLocal(due).ToString("yyyy-MM-dd HH:mm") : "")} 前出处理方案。",
            $"complaint-dispatch-{c.Id}-{c.Dispatches.Count}-{c.HandlerId}", ct);

    /// <summary>The desk's in-app message when the owner acts in the portal (files, answers the callback, reopens): without
    /// it an owner's filing would wait unseen in the list. Every active desk member of the project; never the owner's phone.</summary>
    public static async Task TellDeskAsync(AppDbContext db, NotificationOutbox outbox, int projectId, string projectName, Complaint c,
        string subject, string what, string key, CancellationToken ct)
    {
        var desk = (await ProjectStaff.ListAsync(db, projectId, ct)).Where(s => s.Role == Domain.Access.Roles.ServiceDesk).Select(s => s.UserId).Distinct();
        foreach (var user in desk)
            await outbox.EnqueueAsync(db, Channel.InApp, user, subject, $"{projectName}：{c.Kind.Label().Zh} {c.Number} {what}",
                $"complaint-desk-{key}-{c.Id}-{c.Dispatches.Count}-{c.Callbacks.Count}-{user}", ct);
    }
}
