using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>装修巡查 at the desk: the worklist of active renovations by the date their next patrol is due, and recording a
/// patrol with its photos and the violations it found, in one transaction (refused whole on any bad answer or photo).</summary>
public sealed class RenovationPatrolService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    public const int MaxPageSize = 100;
    public const int MaxViolationsPerPatrol = 8;
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    /// <summary>Active works, overdue first (most overdue on top), then due today, then by due date. The list is the
    /// project's active renovations (tens, not thousands), so the order is worked out in memory.</summary>
    public async Task<Page<PatrolWorkRow>> WorklistAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RenovationRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        var clock = Clock;
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await RenovationWorksQueries.SettingsAsync(db, projectId, ct);
        var active = await RenovationWorksQueries.ActiveWithDueAsync(db, clock, settings.PatrolEveryDays, ct);
        var page = active.OrderBy(x => x.Due).ThenBy(x => x.App.Number).Skip((pageIndex - 1) * pageSize).Take(pageSize).ToList();
        var ids = page.Select(x => x.App.Id).ToList();
        var places = await RepairQueries.AddressesAsync(db, page.Select(x => x.App.UnitId).Distinct().ToList(), ct);
        var owners = await RenovationWorksQueries.OwnerNamesAsync(db, page.Select(x => x.App.OwnerId).Distinct().ToList(), ct);
        var open = await db.RenovationViolations.AsNoTracking().Where(v => ids.Contains(v.ApplicationId) && v.Status != ViolationStatus.Closed)
            .GroupBy(v => v.ApplicationId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var rows = page.Select(x => new PatrolWorkRow(x.App.Id, x.App.Number, places.GetValueOrDefault(x.App.UnitId, ""), owners.GetValueOrDefault(x.App.OwnerId, ""),
            x.App.Status, x.Last, x.Due, PatrolSchedule.DaysOverdue(x.Due, today), PatrolSchedule.IsDue(x.Due, today), open.GetValueOrDefault(x.App.Id))).ToList();
        return new Page<PatrolWorkRow>(rows, active.Count, pageIndex, pageSize);
    }

    /// <summary>Records the patrol, its photos, each violation with its photos, and tells the owner of what was found —
    /// all or nothing.</summary>
    public async Task<PatrolRecorded> RecordAsync(int applicationId, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers, string? notes,
        IReadOnlyCollection<PhotoUpload> photos, IReadOnlyList<ViolationInput> violations, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        var user = tenant.RequireUser();
        var clock = Clock;
        var now = clock.UtcNow;
        if (violations.Count > MaxViolationsPerPatrol)
            throw new DomainException(new($"一次巡查最多记录 {MaxViolationsPerPatrol} 项违章", $"At most {MaxViolationsPerPatrol} violations per patrol"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var app = await RenovationWorksQueries.ApplicationAsync(db, applicationId, ct);
        var patrol = RenovationPatrol.Record(app, answers, notes, user.UserId, user.DisplayName, now);
        // Every violation is checked before anything is written, so one bad line refuses the whole patrol.
        _ = violations.Select(v => RenovationViolation.Record(app, null, v.Type, v.Description, v.RectifyBy, clock.Today, user.DisplayName, now)).ToList();
        db.RenovationPatrols.Add(patrol);
        await db.SaveChangesAsync(ct);
        await AttachmentService.AddAsync(db, AttachmentKind.RenovationPatrolPhoto, patrol.Id, photos, user.DisplayName, now, ct);
        var linked = violations.Select(v => RenovationViolation.Record(app, patrol.Id, v.Type, v.Description, v.RectifyBy, clock.Today, user.DisplayName, now)).ToList();
        db.RenovationViolations.AddRange(linked);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < linked.Count; i++)
            await AttachmentService.AddAsync(db, AttachmentKind.RenovationViolationPhoto, linked[i].Id, violations[i].Photos, user.DisplayName, now, ct);
        if (linked.Count > 0)
        {
            var place = (await RepairQueries.AddressesAsync(db, [app.UnitId], ct)).GetValueOrDefault(app.UnitId, "");
            var text = $"您的房屋 {place} 装修巡查发现违章：{string.Join("；", linked.Select(v => $"{v.Type}（{v.Description}），请于 {v.RectifyBy:yyyy-MM-dd} 前整改"))}。";
            await RenovationWorksOwnerNotice.SendAsync(db, outbox, app, "装修违章整改通知", text, $"renovation-patrol-{patrol.Id}", ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(patrol.Id, linked.Select(v => v.Id).ToList());
    }
}
