using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>违章 after the patrol: rectified, re-checked; the manager's stop-work order (停工通知, the owner told by in-app and
/// SMS) and the resume once the stop's violation is closed; a proposed deduction (approved in the deposit ledger);
/// a repair order for damage to shared parts. Every change checks the version the page loaded.</summary>
public sealed class RenovationViolationService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    NotificationOutbox outbox, CalendarService calendars, DepositService deposits)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    /// <summary>The owner or contractor reports it put right (the desk records it).</summary>
    public Task MarkRectifiedAsync(int violationId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(violationId, expectedVersion, (v, _) => v.MarkRectified(Clock.UtcNow), ct);

    /// <summary>复查: pass closes it; fail opens it again with a new deadline, and the owner is told the new deadline.</summary>
    public Task RecheckAsync(int violationId, int expectedVersion, bool passed, string? note, DateOnly? newDeadline, CancellationToken ct = default) =>
        ChangeAsync(violationId, expectedVersion, async (v, db) =>
        {
            var clock = Clock;
            v.Recheck(passed, note, newDeadline, clock.Today, tenant.User!.DisplayName, clock.UtcNow);
            if (!passed)
            {
                var app = await RenovationWorksQueries.ApplicationAsync(db, v.ApplicationId, ct);
                await RenovationWorksOwnerNotice.SendAsync(db, outbox, app, "装修违章复查未通过",
                    $"违章“{v.Type}”复查未通过：{v.RecheckNote}。请于 {v.RectifyBy:yyyy-MM-dd} 前整改。", $"renovation-violation-{v.Id}-recheck{v.Rechecks}", ct);
            }
        }, ct);

    private async Task ChangeAsync(int violationId, int expectedVersion, Func<RenovationViolation, AppDbContext, Task> change, CancellationToken ct)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await db.RenovationViolations.FirstOrDefaultAsync(x => x.Id == violationId, ct) ?? throw new RecordNotFoundException();
        if (v.Version != expectedVersion) throw new ConcurrencyConflictException();
        await change(v, db);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
    }

    private Task ChangeAsync(int violationId, int expectedVersion, Action<RenovationViolation, AppDbContext> change, CancellationToken ct) =>
        ChangeAsync(violationId, expectedVersion, (v, db) => { change(v, db); return Task.CompletedTask; }, ct);

    /// <summary>停工通知: the manager stops the works for an open violation of this application; the owner is told.</summary>
    public async Task StopAsync(int applicationId, int expectedVersion, int violationId, string reason, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationApprove);
        tenant.RequireUser();
        var clock = Clock;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await RenovationWorksQueries.ApplicationAsync(db, applicationId, ct, track: true);
        if (app.Version != expectedVersion) throw new ConcurrencyConflictException();
        var v = await db.RenovationViolations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == violationId && x.ApplicationId == applicationId, ct)
            ?? throw new RecordNotFoundException();
        if (!v.IsOpen) throw new DomainException(new("该违章已整改关闭，不能据此停工", "That violation is closed: it cannot be the cause of a stop"));
        app.Stop(reason, v.Id, clock.UtcNow);
        var place = (await RepairQueries.AddressesAsync(db, [app.UnitId], ct)).GetValueOrDefault(app.UnitId, "");
        await RenovationWorksOwnerNotice.SendAsync(db, outbox, app, "停工通知",
            $"您的房屋 {place} 装修（{app.Number}）因违章“{v.Type}”未整改，自 {clock.ToLocal(app.StoppedAt!.Value):yyyy-MM-dd HH:mm} 起停工：{app.StopReason}。整改复查合格后方可复工。",
            $"renovation-stop-{app.Id}-{app.StoppedAt!.Value.Ticks}", ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
    }

    /// <summary>复工: only once the violation that caused the stop is closed; the owner is told.</summary>
    public async Task ResumeAsync(int applicationId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationApprove);
        tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await RenovationWorksQueries.ApplicationAsync(db, applicationId, ct, track: true);
        if (app.Version != expectedVersion) throw new ConcurrencyConflictException();
        if (app.StopViolationId is { } vid
            && await db.RenovationViolations.AnyAsync(v => v.Id == vid && v.Status != ViolationStatus.Closed, ct))
            throw new DomainException(new("停工原因的违章尚未复查合格，不能复工", "The violation that caused the stop is not closed yet"));
        var stoppedAt = app.StoppedAt;
        app.Resume();
        await RenovationWorksOwnerNotice.SendAsync(db, outbox, app, "复工通知", $"您的装修（{app.Number}）整改已复查合格，可以复工。请在允许施工时间内施工。",
            $"renovation-resume-{app.Id}-{stoppedAt?.Ticks}", ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
    }

    /// <summary>Proposes a deduction from the deposit for this violation; it moves no money — the manager decides it on the
    /// deposit page. One live proposal per violation.</summary>
    public async Task<int> ProposeDeductionAsync(int violationId, decimal amount, string reason, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        int applicationId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            applicationId = await db.RenovationViolations.Where(x => x.Id == violationId).Select(x => (int?)x.ApplicationId).FirstOrDefaultAsync(ct)
                ?? throw new RecordNotFoundException();
        // One way into the deposit: the money part's proposal (its checks: the application's status, one live proposal
        // per violation, photos for damage).
        return await deposits.ProposeDeductionAsync(applicationId, violationId, reason, amount, [], ct);
    }

    /// <summary>Raises a repair order for damage the works did to a shared part (公共区域, e.g. 电梯轿厢), linked to the violation.</summary>
    public async Task<string> RaiseRepairAsync(int violationId, int expectedVersion, string commonArea, string description, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        var user = tenant.RequireUser();
        var clock = Clock;
        var calendar = await calendars.CurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var v = await db.RenovationViolations.FirstOrDefaultAsync(x => x.Id == violationId, ct) ?? throw new RecordNotFoundException();
        if (v.Version != expectedVersion) throw new ConcurrencyConflictException();
        if (v.RepairOrderId != null) throw new DomainException(new("该违章已生成报修单", "A repair order was raised for this violation already"));
        var text = $"【装修损坏】{description?.Trim()}";
        if (text.Length > RepairIntake.MaxDescription) text = text[..RepairIntake.MaxDescription];
        // The callback goes to the owner whose works did the damage: they answer for it (and the deposit may pay).
        var app = await RenovationWorksQueries.ApplicationAsync(db, v.ApplicationId, ct);
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == app.OwnerId).Select(o => new { o.Name, o.Phone }).FirstOrDefaultAsync(ct);
        var order = await RepairRegistrar.AddAsync(db, new RepairIntake(null, commonArea, "装修损坏", string.IsNullOrWhiteSpace(description) ? "" : text,
            RepairUrgency.Normal, RepairChannel.Visit, ContactName: owner?.Name, ContactPhone: owner?.Phone), clock, calendar, user, ct, categoryByRule: true);
        await db.SaveChangesAsync(ct);
        v.LinkRepair(order.Id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
        await tx.CommitAsync(ct);
        return order.Number;
    }

    /// <summary>What the stop-work notice prints (the application must be stopped now).</summary>
    public async Task<StopNotice> StopNoticeAsync(int applicationId, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await RenovationWorksQueries.ApplicationAsync(db, applicationId, ct);
        if (app.Status != RenovationStatus.Stopped || app.StoppedAt == null)
            throw new DomainException(new("该装修当前未停工", "These works are not stopped"));
        var settings = await RenovationWorksQueries.SettingsAsync(db, projectId, ct);
        var place = (await RepairQueries.AddressesAsync(db, [app.UnitId], ct)).GetValueOrDefault(app.UnitId, "");
        var owner = (await RenovationWorksQueries.OwnerNamesAsync(db, [app.OwnerId], ct)).GetValueOrDefault(app.OwnerId, "");
        var v = app.StopViolationId is { } vid ? await db.RenovationViolations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == vid, ct) : null;
        var photos = v == null ? 0 : await db.Attachments.CountAsync(a => a.Kind == AttachmentKind.RenovationViolationPhoto && a.RecordId == v.Id, ct);
        return new(tenant.Project!.Name, app.Number, place, owner, app.ContractorCompany, app.ContractorPerson, app.ContractorPhone, app.PermitNumber,
            Clock.ToLocal(app.StoppedAt.Value), app.StopReason ?? "", v?.Type, v?.Description, v?.RectifyBy, photos, WorkingHoursRule.Describe(settings));
    }
}
