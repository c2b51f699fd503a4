using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

using PropertyCare.Infrastructure.Notifications;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>The owner's complaints in the portal (on a phone), part B: file a complaint, suggestion, consultation or
/// praise for a unit they own (channel 网站/业主端, with photos), follow their own, answer the callback when it is due and
/// reopen a closed one within the window. Another owner's complaint — of this project or any other — is "not found";
/// staff are refused (the desk works complaints in its own pages).</summary>
public sealed class PortalComplaintService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    /// <summary>The kinds an owner files in the portal (举报 goes to the desk in person or by phone: the reporter's identity
    /// is handled there).</summary>
    public static readonly ComplaintKind[] PortalKinds = [ComplaintKind.Complaint, ComplaintKind.Suggestion, ComplaintKind.Consultation, ComplaintKind.Praise];

    /// <summary>The receiver of a portal filing until the desk classifies it.</summary>
    public const string PortalReceiver = "业主端";

    private int Me()
    {
        tenant.RequireProject(Permissions.OwnerPortal);
        return tenant.RequireUser().OwnerId ?? throw new AccessDeniedException();
    }

    public async Task<List<MyComplaintUnit>> MyUnitsAsync(CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.UnitOwnerships.AsNoTracking().Where(o => o.OwnerId == me).Select(o => o.UnitId).ToListAsync(ct);
        var names = await MoveInQueries.UnitsAsync(db, ids, ct);
        return names.Values.OrderBy(u => u.Address).Select(u => new MyComplaintUnit(u.Id, u.Address)).ToList();
    }

    public async Task<(int Id, string Number)> FileAsync(ComplaintKind kind, int unitId, string facts, string? demand,
        IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        var me = Me();
        var user = tenant.RequireUser();
        var e = new List<FieldError>();
        if (!PortalKinds.Contains(kind)) e.Add(new("Kind", new("请选择类型", "Choose the kind")));
        if (unitId <= 0) e.Add(new("UnitId", new("请选择房屋", "Choose the unit")));
        e.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Another owner's unit is "not found", like any unit the owner cannot see.
        if (!await db.UnitOwnerships.AnyAsync(o => o.UnitId == unitId && o.OwnerId == me, ct)) throw new RecordNotFoundException();
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == me).Select(o => new { o.Name, o.Phone }).FirstAsync(ct);
        var settings = await ComplaintSettingsService.LoadAsync(db, tenant.ProjectId!.Value, ct);
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, tenant.Project!, ct);
        var phone = ContactRules.IsValidPhone(owner.Phone) ? owner.Phone : null;
        var intake = new ComplaintIntake(kind, ComplaintChannel.Portal, unitId, owner.Name, phone, facts ?? "", demand, null, SameDayReason.None);
        var project = tenant.Project!;
        return await ComplaintFiling.RegisterAsync(db, clock, ctime, settings, intake, me, byOwner: true, user.UserId, PortalReceiver, photos, ct,
            c => c.Kind == ComplaintKind.Praise
                ? ComplaintNotices.TellDeskAsync(db, outbox, project.Id, project.Name, c, $"业主表扬：{c.Number}", "业主在线表扬，已记录。", "praise", ct)
                : ComplaintNotices.TellDeskAsync(db, outbox, project.Id, project.Name, c, $"业主提交：{c.Number}", "业主在线提交，请受理分派。", "filed", ct));
    }

    public async Task<Page<MyComplaintRow>> MineAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var me = Me();
        pageIndex = Math.Max(1, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Complaints.AsNoTracking().Where(c => c.OwnerId == me);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(c => new { c.Id, c.Number, c.Kind, c.Status, c.UnitId, c.Facts, c.ReceivedAt }).ToListAsync(ct);
        var units = await MoveInQueries.UnitsAsync(db, rows.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value).Distinct().ToList(), ct);
        return new Page<MyComplaintRow>(rows.Select(r => new MyComplaintRow(r.Id, r.Number, r.Kind, r.Status,
            r.UnitId is { } u && units.TryGetValue(u, out var n) ? n.Address : null, r.Facts, r.ReceivedAt)).ToList(), total, pageIndex, pageSize);
    }

    public async Task<MyComplaintDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OwnerId == me, ct) ?? throw new RecordNotFoundException();
        var settings = await ComplaintSettingsService.LoadAsync(db, c.ProjectId, ct);
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, tenant.Project!, ct);
        var address = c.UnitId is { } u ? (await MoveInQueries.UnitsAsync(db, [u], ct)).GetValueOrDefault(u)?.Address : null;
        var photos = await AttachmentService.ListAsync(db, AttachmentKind.ComplaintPhoto, c.Id, ct);
        var reopenUntil = c.ClosedAt is { } closed ? ctime.LocalDate(closed.AddDays(settings.ReopenDays)) : (DateOnly?)null;
        var canReopen = c.Status == ComplaintStatus.Closed && c.Kind.IsHandled() && c.Department != null && c.ClosedAt is { } at
            && clock.UtcNow <= at.AddDays(settings.ReopenDays);
        return new MyComplaintDetail(c.Id, c.Version, c.Number, c.Kind, c.Status, address, c.Facts, c.Demand, c.ReceivedAt,
            Deadline(c, ctime), c.DispatchLevel > 1, c.Plan, c.PlannedAt, c.Result, c.HandledAt, c.ClosedAt,
            c.FollowUps.OrderBy(f => f.At).Select(f => new MyFollowUp(f.At, f.By, f.Channel, f.Said)).ToList(),
            c.Callbacks.OrderBy(x => x.Round).Select(x => new MyCallback(x.Round, x.At, x.Satisfaction, x.AcceptsExplanation, x.CustomerOpinion, x.Closed)).ToList(),
            photos, c.Status == ComplaintStatus.Handled, canReopen, canReopen ? reopenUntil : null);
    }

    /// <summary>The deadline the owner is waiting on, in plain words (the end of a local day).</summary>
    private static Text? Deadline(Complaint c, ComplaintTime time)
    {
        string D(DateTime utc) => time.LocalDate(utc).ToString("yyyy-MM-dd");
        return c.Status switch
        {
            ComplaintStatus.Registered when c.Kind == ComplaintKind.Consultation && c.PlanDueAt is { } due =>
                new($"物业将于 {D(due)} 当天内答复您", $"We will answer you by the end of {D(due)}"),
            ComplaintStatus.Registered or ComplaintStatus.Dispatched when c.PlanDueAt is { } due =>
                new($"物业将于 {D(due)} 前给出处理方案", $"We will tell you the plan by {D(due)}"),
            ComplaintStatus.Planned when c.HandleDueAt is { } due =>
                new($"预计于 {D(due)} 前处理完成", $"To be handled by {D(due)}"),
            ComplaintStatus.Handled when c.CallbackDueOn is { } on =>
                new($"已处理完成，请在 {on:yyyy-MM-dd} 前评价处理结果", $"Handled: please tell us how it went by {on:yyyy-MM-dd}"),
            _ => null,
        };
    }

    /// <summary>The owner answers the callback in the portal (回访, by themselves): it closes the complaint by the closure
    /// rules or sends it back to handling (二次派单).</summary>
    public Task AnswerCallbackAsync(int id, int expectedVersion, Satisfaction satisfaction, bool acceptsExplanation, string? opinion, CancellationToken ct = default) =>
        MineStepAsync(id, expectedVersion, (c, s, now, t, by) => c.RecordCallback(new ComplaintCallbackAnswer(satisfaction, acceptsExplanation, opinion), by, now, s, t),
            c => c.Status == ComplaintStatus.Closed ? ("已回访关闭", "业主在线回访，已关闭。", "callback-closed") : ("回访不满意", "业主在线回访不满意，已二次派单重新处理。", "callback-back"), ct);

    /// <summary>重新打开 within the project's window: counts as a repeat and goes back to the department (二次派单).</summary>
    public Task ReopenAsync(int id, int expectedVersion, string reason, CancellationToken ct = default) =>
        MineStepAsync(id, expectedVersion, (c, s, now, t, by) => c.Reopen(reason, by, now, s, t),
            _ => ("业主重新打开", "业主重新打开，已二次派单重新处理。", "reopened"), ct);

    /// <summary>An owner's step on their own complaint; the desk is told what happened (<paramref name="told"/>: subject,
    /// text, key), and the handler too when it went back to the department — in the step's unit of work.</summary>
    private async Task MineStepAsync(int id, int expectedVersion, Action<Complaint, ComplaintSettings, DateTime, ComplaintTime, string> step,
        Func<Complaint, (string Subject, string What, string Key)> told, CancellationToken ct)
    {
        var me = Me();
        var by = tenant.RequireUser().DisplayName;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.FirstOrDefaultAsync(x => x.Id == id && x.OwnerId == me, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(c, expectedVersion);
        var settings = await ComplaintSettingsService.LoadAsync(db, c.ProjectId, ct);
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, tenant.Project!, ct);
        step(c, settings, clock.UtcNow, ctime, by);
        var (subject, what, key) = told(c);
        var project = tenant.Project!;
        await ComplaintNotices.TellDeskAsync(db, outbox, project.Id, project.Name, c, $"{subject}：{c.Number}", what, key, ct);
        if (c.Status == ComplaintStatus.Dispatched && c.HandlerId != null) await ComplaintNotices.TellHandlerAsync(db, outbox, project.Name, c, clock, ct);
        await db.SaveChangesAsync(ct);
    }
}
