using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>The works page of one application (staff with RenovationRead): header, the next patrol due, patrols,
/// violations and acceptances with their photos, and whether "now" is inside the allowed working hours.</summary>
public sealed class RenovationWorksService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, CalendarService calendars)
{
    public const int MaxPatrols = 50;

    public async Task<WorksDetail> GetAsync(int applicationId, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RenovationRead);
        var clock = ProjectClock.For(time, tenant.Project!);
        var today = clock.Today;
        var calendar = await calendars.CurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await RenovationWorksQueries.ApplicationAsync(db, applicationId, ct);
        var settings = await RenovationWorksQueries.SettingsAsync(db, projectId, ct);
        var place = (await RepairQueries.AddressesAsync(db, [app.UnitId], ct)).GetValueOrDefault(app.UnitId, "");
        var owner = (await RenovationWorksQueries.OwnerNamesAsync(db, [app.OwnerId], ct)).GetValueOrDefault(app.OwnerId, "");
        var header = new WorksHeader(app.Id, app.Number, app.UnitId, place, app.OwnerId, owner, app.ContractorCompany, app.ContractorPerson, app.ContractorPhone,
            app.Status, RenovationWorksQueries.LocalDate(clock, app.PermitIssuedAt), app.ApprovedEnd, app.IsOverdue(today), app.StopReason,
            app.StoppedAt is { } s ? clock.ToLocal(s) : null, app.StopViolationId, app.AcceptedOn, app.ObservationEndsOn, app.Version);

        var patrols = await db.RenovationPatrols.AsNoTracking().Where(p => p.ApplicationId == app.Id)
            .OrderByDescending(p => p.PatrolledAt).ThenByDescending(p => p.Id).Take(MaxPatrols).ToListAsync(ct);
        var violations = await db.RenovationViolations.AsNoTracking().Where(v => v.ApplicationId == app.Id)
            .OrderBy(v => v.Status == ViolationStatus.Closed).ThenBy(v => v.RectifyBy).ThenBy(v => v.Id).ToListAsync(ct);
        var acceptances = await db.RenovationAcceptances.AsNoTracking().Where(a => a.ApplicationId == app.Id)
            .OrderByDescending(a => a.CheckedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        var pPhotos = await AttachmentService.ListAsync(db, AttachmentKind.RenovationPatrolPhoto, patrols.Select(p => p.Id).ToList(), ct);
        var vPhotos = await AttachmentService.ListAsync(db, AttachmentKind.RenovationViolationPhoto, violations.Select(v => v.Id).ToList(), ct);
        var aPhotos = await AttachmentService.ListAsync(db, AttachmentKind.RenovationAcceptancePhoto, acceptances.Select(a => a.Id).ToList(), ct);
        var repairIds = violations.Where(v => v.RepairOrderId != null).Select(v => v.RepairOrderId!.Value).ToList();
        var repairs = await db.RepairOrders.AsNoTracking().Where(o => repairIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, ct);

        var lastPatrol = patrols.Count == 0 ? (DateOnly?)null : DateOnly.FromDateTime(clock.ToLocal(patrols[0].PatrolledAt));
        var next = PatrolSchedule.NextDue(app.Status, header.PermitIssuedOn, lastPatrol, settings.PatrolEveryDays);
        var local = clock.LocalNow;
        return new WorksDetail(header, next, PatrolSchedule.IsDue(next, today),
            patrols.Select(p => new PatrolView(p.Id, clock.ToLocal(p.PatrolledAt), p.PatrolledByName, p.Checks, p.Notes, pPhotos.GetValueOrDefault(p.Id, []))).ToList(),
            violations.Select(v => new ViolationView(v.Id, v.PatrolId, v.Type, v.Description, clock.ToLocal(v.FoundAt), v.FoundBy, v.RectifyBy, v.Status,
                v.RectifiedAt is { } r ? clock.ToLocal(r) : null, v.RecheckedBy, v.RecheckNote, v.Rechecks, v.EscalatedAt, v.IsOverdue(today), v.RepairOrderId,
                v.RepairOrderId is { } o ? repairs.GetValueOrDefault(o) : null, vPhotos.GetValueOrDefault(v.Id, []), v.Version)).ToList(),
            acceptances.Select(a => new AcceptanceView(a.Id, clock.ToLocal(a.CheckedAt), a.CheckedByName, a.Passed, a.Checks, a.RectificationItems, a.Notes,
                aPhotos.GetValueOrDefault(a.Id, []))).ToList(),
            WorkingHoursRule.Check(local, true, settings, calendar), WorkingHoursRule.Check(local, false, settings, calendar), WorkingHoursRule.Describe(settings), today);
    }
}
