using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>装修验收: the record and its photos; a pass accepts the application (the unit back to its state before, the
/// observation period started), tells the owner, and schedules the refund reminder for the day the observation ends.
/// A fail lists what to put right; the re-check is the next record.</summary>
public sealed class RenovationAcceptanceService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    NotificationOutbox outbox, JobScheduler scheduler, ILogger<RenovationAcceptanceService> log)
{
    public async Task<int> RecordAsync(int applicationId, int expectedVersion, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers,
        IReadOnlyList<string>? rectificationItems, string? notes, IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RenovationWrite);
        var user = tenant.RequireUser();
        var clock = ProjectClock.For(time, tenant.Project!);
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var app = await RenovationWorksQueries.ApplicationAsync(db, applicationId, ct, track: true);
        if (app.Version != expectedVersion) throw new ConcurrencyConflictException();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == app.UnitId, ct) ?? throw new RecordNotFoundException();
        var settings = await RenovationWorksQueries.SettingsAsync(db, projectId, ct);
        var open = await db.RenovationViolations.CountAsync(v => v.ApplicationId == app.Id && v.Status != ViolationStatus.Closed, ct);
        var record = RenovationAcceptance.Record(app, open, answers, rectificationItems, notes, settings, unit, clock.Today, user.UserId, user.DisplayName, now);
        db.RenovationAcceptances.Add(record);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
        await AttachmentService.AddAsync(db, AttachmentKind.RenovationAcceptancePhoto, record.Id, photos, user.DisplayName, now, ct);
        var text = record.Passed
            ? $"您的装修（{app.Number}）已于 {clock.Today:yyyy-MM-dd} 验收合格。观察期至 {app.ObservationEndsOn:yyyy-MM-dd}，期满且无遗留问题后可申请清退装修保证金。"
            : $"您的装修（{app.Number}）验收未通过，请整改：{string.Join("；", record.RectificationItems)}。整改后请联系客服中心复验。";
        await RenovationWorksOwnerNotice.SendAsync(db, outbox, app, record.Passed ? "装修验收合格" : "装修验收未通过", text, $"renovation-acceptance-{record.Id}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (record.Passed) RenovationAcceptanceRefundReminder.Schedule(scheduler, clock, app, log);
        return record.Id;
    }
}

/// <summary>保证金待清退提醒: a delayed Hangfire job at 09:00 on the day the observation period ends tells the desk and the
/// manager that the deposit may be refunded. Idempotent: every message has a dedup key per application and person, so a
/// second run (or a re-schedule after another acceptance) tells nobody twice. The deposits report reads the dates itself,
/// so a reminder lost with the job store loses no refund.</summary>
public sealed class RenovationAcceptanceRefundReminder(IDbContextFactory<AppDbContext> dbFactory, NotificationOutbox outbox, TenantContext tenant)
{
    public static string KeyFor(int applicationId) => $"renovation-refund-{applicationId}";

    internal static void Schedule(JobScheduler scheduler, ProjectClock clock, RenovationApplication app, ILogger log)
    {
        if (app.ObservationEndsOn is not { } end) return;
        var at = clock.ToUtc(end.ToDateTime(new TimeOnly(9, 0)));
        try
        {
            int projectId = app.ProjectId, id = app.Id;
            scheduler.ScheduleAt<RenovationAcceptanceRefundReminder>(projectId, KeyFor(id), new DateTimeOffset(at, TimeSpan.Zero), j => j.RemindAsync(projectId, id, CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not schedule the refund reminder of renovation {Application}; the deposits report shows it regardless", app.Id);
        }
    }

    /// <summary>The job: only while the application is still accepted and not settled.</summary>
    public async Task<int> RemindAsync(int projectId, int applicationId, CancellationToken ct)
    {
        if (tenant.ProjectId != projectId) throw new AccessDeniedException(new("任务未进入其项目", "The job has not entered its project"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app == null || app.Status != RenovationStatus.Accepted) return 0;
        var place = (await RepairQueries.AddressesAsync(db, [app.UnitId], ct)).GetValueOrDefault(app.UnitId, "");
        var people = (await ProjectPeople.InRoleAsync(db, projectId, Roles.ServiceDesk, ct))
            .Concat(await ProjectPeople.InRoleAsync(db, projectId, Roles.ProjectManager, ct)).Select(p => p.UserId).Distinct().ToList();
        var sent = 0;
        foreach (var person in people)
            if (await outbox.EnqueueAsync(db, Domain.Notifications.Channel.InApp, person, $"装修保证金待清退 {app.Number}",
                    $"{place} 的装修（{app.Number}）观察期已于 {app.ObservationEndsOn:yyyy-MM-dd} 届满，如无违章、报修遗留，可办理保证金清退。",
                    $"renovation-refund-due-{app.Id}-{person}", ct))
                sent++;
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
