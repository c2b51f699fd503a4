using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>空置房管理 at the desk: the vacant units (derived from the unit's state), the cycle's inspection tasks, recording
/// an inspection (findings become repair orders, the owner is told) and the coverage figure. Reading needs MoveInRead,
/// inspecting MoveInWrite; the data layer keeps everything inside the current project.</summary>
public sealed class VacantUnitService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    CalendarService calendars, NotificationOutbox outbox)
{
    public const int MaxPageSize = 100;
    /// <summary>A picker shows a short list; the words narrow it.</summary>
    public const int MaxSearchResults = 20;

    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<InspectionCycle> CurrentCycleAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await VacantSettingsService.CurrentCycleAsync(db, Clock, ct);
    }

    /// <summary>The units whose state is 空置 now, by address, with this cycle's task, the last inspection and the keys.</summary>
    public async Task<Page<VacantUnitRow>> ListAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Clock.UtcNow;
        var cycle = await VacantSettingsService.CurrentCycleAsync(db, Clock, ct);
        var q = db.Units.AsNoTracking().Where(u => u.State == UnitState.Vacant);
        var total = await q.CountAsync(ct);
        var units = await q.OrderBy(u => u.Building!.Name).ThenBy(u => u.Entrance).ThenBy(u => u.Floor).ThenBy(u => u.Room).ThenBy(u => u.Id)
            .Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, Building = u.Building!.Name, u.Entrance, u.Room, u.Type, u.Area }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var tasks = await db.VacantInspectionTasks.AsNoTracking().Where(t => ids.Contains(t.UnitId) && t.CycleKey == cycle.Key).ToListAsync(ct);
        var names = await VacantQueries.NamesAsync(db, tasks.Select(t => t.AssigneeId), ct);
        var last = (await db.VacantUnitInspections.AsNoTracking().Where(i => ids.Contains(i.UnitId))
                .Select(i => new { i.Id, i.UnitId, i.InspectedAt, i.Findings }).ToListAsync(ct))
            .GroupBy(i => i.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(i => (i.InspectedAt, i.Id))!);
        var keys = await db.KeyCustodies.AsNoTracking().Where(k => ids.Contains(k.UnitId) && k.Status != CustodyStatus.Returned).ToListAsync(ct);
        var rows = units.Select(u =>
        {
            var t = tasks.FirstOrDefault(x => x.UnitId == u.Id);
            var i = last.GetValueOrDefault(u.Id);
            var k = keys.FirstOrDefault(x => x.UnitId == u.Id);
            return new VacantUnitRow(u.Id, new UnitAddress(u.Id, u.Building, u.Entrance, u.Room).ToString(), u.Type, u.Area,
                t?.Id, t?.Status, t == null ? null : names.Name(t.AssigneeId), t?.IsOverdue(now) ?? false,
                i?.Id, i?.InspectedAt, i?.Findings.Count ?? 0, k?.Id, k?.Status, k?.IsOverdue(now) ?? false);
        }).ToList();
        return new Page<VacantUnitRow>(rows, total, pageIndex, pageSize);
    }

    /// <summary>The tasks of the current cycle, plus older ones still open (overdue work does not vanish when a cycle
    /// turns). Mine first, then overdue, then by due time and address.</summary>
    public async Task<Page<VacantTaskRow>> TasksAsync(bool mineOnly, VacantTaskStatus? status, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        var me = tenant.RequireUser().UserId;
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Clock.UtcNow;
        var cycle = await VacantSettingsService.CurrentCycleAsync(db, Clock, ct);
        var q = db.VacantInspectionTasks.AsNoTracking().Where(t => t.CycleKey == cycle.Key || t.Status == VacantTaskStatus.Open);
        if (mineOnly) q = q.Where(t => t.AssigneeId == me);
        if (status is { } s) q = q.Where(t => t.Status == s);
        var total = await q.CountAsync(ct);
        var page = await q.OrderByDescending(t => t.AssigneeId == me).ThenBy(t => t.Status).ThenBy(t => t.DueAt).ThenBy(t => t.UnitId)
            .Skip((pageIndex - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var places = await RepairQueries.AddressesAsync(db, page.Select(t => t.UnitId).Distinct().ToList(), ct);
        var names = await VacantQueries.NamesAsync(db, page.Select(t => t.AssigneeId), ct);
        var rows = page.Select(t => new VacantTaskRow(t.Id, t.UnitId, places.GetValueOrDefault(t.UnitId, ""), t.CycleKey, t.AssigneeId, names.Name(t.AssigneeId),
            t.DueAt, t.Status, t.IsOverdue(now), t.InspectionId, t.AssigneeId == me, t.Version)).ToList();
        return new Page<VacantTaskRow>(rows, total, pageIndex, pageSize);
    }

    /// <summary>The project's active service-desk staff: who a task may be given to (改派), as the cycle job spreads them.</summary>
    public async Task<List<DeskStaffOption>> DeskStaffAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ProjectPeople.InRoleAsync(db, tenant.ProjectId!.Value, Roles.ServiceDesk, ct)).Select(p => new DeskStaffOption(p.UserId, p.Name)).ToList();
    }

    /// <summary>改派: an open task goes to another active desk member of this project. The page's version guards against
    /// two desks reassigning (or one inspecting) at once; the change lands in the task's history by itself.</summary>
    public async Task ReassignAsync(int taskId, int expectedVersion, string staffId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.VacantInspectionTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new RecordNotFoundException();
        if (task.Version != expectedVersion) throw new ConcurrencyConflictException();
        // Only the project's own desk staff: a technician, someone of another project or a deactivated account would
        // hold a task nobody at this desk sees as theirs.
        var desk = await ProjectPeople.InRoleAsync(db, task.ProjectId, Roles.ServiceDesk, ct);
        if (!string.IsNullOrWhiteSpace(staffId) && desk.All(p => p.UserId != staffId))
            throw new ValidationException([new(nameof(VacantInspectionTask.AssigneeId),
                new("只能改派给本项目在岗的客服人员", "A task can only go to an active service-desk member of this project"))]);
        task.Reassign(staffId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
    }

    /// <summary>Vacant units whose building, entrance (“2单元”) or room contains every word of the text (spaces or “-”
    /// between words, so a pasted address works), in address order — the unit picker of the custody form. Empty text
    /// gives the first units.</summary>
    public async Task<Page<VacantUnitOption>> SearchAsync(string? text, int pageIndex = 1, int pageSize = MaxSearchResults, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        pageSize = Math.Clamp(pageSize, 1, MaxSearchResults);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Units.AsNoTracking().Where(u => u.State == UnitState.Vacant);
        foreach (var word in (text ?? "").Split([' ', '-', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4))
            q = q.Where(u => u.Room.Contains(word) || u.Building!.Name.Contains(word) || (u.Entrance + "单元").Contains(word));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.Building!.Name).ThenBy(u => u.Entrance).ThenBy(u => u.Floor).ThenBy(u => u.Room).ThenBy(u => u.Id)
            .Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, Building = u.Building!.Name, u.Entrance, u.Room }).ToListAsync(ct);
        return new Page<VacantUnitOption>(rows.Select(u => new VacantUnitOption(u.Id, new UnitAddress(u.Id, u.Building, u.Entrance, u.Room).ToString())).ToList(), total, pageIndex, pageSize);
    }

    /// <summary>The coverage figure of the current cycle (the desk home page and the vacant-unit page).</summary>
    public async Task<CycleCoverage> CoverageAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cycle = await VacantSettingsService.CurrentCycleAsync(db, Clock, ct);
        return new(cycle, await VacantQueries.CoverageAsync(db.Units.AsNoTracking(), db.VacantUnitInspections.AsNoTracking(), db.RepairOrders.AsNoTracking(), cycle, ct));
    }

    /// <summary>What the inspection form shows before it is filled in.</summary>
    public async Task<InspectTarget> TargetAsync(int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.State }).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        var places = await RepairQueries.AddressesAsync(db, [unitId], ct);
        var task = await db.VacantInspectionTasks.AsNoTracking().Where(t => t.UnitId == unitId && t.Status == VacantTaskStatus.Open)
            .OrderBy(t => t.DueAt).FirstOrDefaultAsync(ct);
        var names = task == null ? [] : await VacantQueries.NamesAsync(db, [task.AssigneeId], ct);
        var lastMeters = await db.VacantUnitInspections.AsNoTracking().Where(i => i.UnitId == unitId)
            .OrderByDescending(i => i.InspectedAt).ThenByDescending(i => i.Id).Select(i => i.Meters).FirstOrDefaultAsync(ct);
        return new(unitId, places.GetValueOrDefault(unitId, ""), VacantUnitRules.IsVacant(unit.State), task?.Id, task == null ? null : names.Name(task.AssigneeId), lastMeters);
    }

    /// <summary>Records a completed inspection, all in one transaction: the record, its photos, one repair order per finding
    /// (linked back), the task done, and the owners told (in-app to their portal accounts, SMS to their phones). Without a
    /// task, the unit's open task (if any) is the one done. Refused whole on any bad answer or photo.</summary>
    public async Task<InspectionRecorded> InspectAsync(int unitId, int? taskId, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers,
        MeterReadings meters, IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        var clock = Clock;
        var calendar = await calendars.CurrentAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await InspectCoreAsync(db, user, clock, calendar, unitId, taskId, answers, meters, photos, ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two repair orders numbered at the same moment, or the task done by someone else meanwhile: start again
                // from fresh rows (the second case then ends in a clear refusal).
                await tx.RollbackAsync(ct);
            }
        }
    }

    private async Task<InspectionRecorded> InspectCoreAsync(AppDbContext db, UserIdentity user, ProjectClock clock, Domain.Calendar.WorkingCalendar calendar,
        int unitId, int? taskId, IReadOnlyDictionary<string, (CheckResult Result, string? Note)> answers, MeterReadings meters,
        IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new RecordNotFoundException();
        VacantInspectionTask? task;
        if (taskId is { } tid)
        {
            task = await db.VacantInspectionTasks.FirstOrDefaultAsync(t => t.Id == tid, ct) ?? throw new RecordNotFoundException();
            if (task.UnitId != unitId) throw new RecordNotFoundException();
        }
        else task = await db.VacantInspectionTasks.Where(t => t.UnitId == unitId && t.Status == VacantTaskStatus.Open).OrderBy(t => t.DueAt).FirstOrDefaultAsync(ct);
        if (!VacantUnitRules.IsVacant(unit.State))
            throw new DomainException(new($"该房屋当前为“{unit.State.Label().Zh}”，不是空置房", $"The unit is {unit.State.Label().En}, not vacant"));
        if (task != null && task.Status != VacantTaskStatus.Open)
            throw new DomainException(new($"该巡查任务{task.Status.Label().Zh}", $"This task is {task.Status.Label().En.ToLowerInvariant()} already"));

        var now = clock.UtcNow;
        var inspection = VacantUnitInspection.Record(unitId, task?.Id, user.UserId, user.DisplayName, now, answers, meters);
        db.VacantUnitInspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        await AttachmentService.AddAsync(db, AttachmentKind.VacantInspectionPhoto, inspection.Id, photos, user.DisplayName, now, ct);

        var orders = new List<(VacantFinding Finding, RepairOrder Order)>();
        foreach (var f in inspection.Findings)
            orders.Add((f, await RepairRegistrar.AddAsync(db, VacantUnitInspection.FindingRepair(unitId, f), clock, calendar, user, ct, categoryByRule: true)));
        await db.SaveChangesAsync(ct);
        foreach (var (f, o) in orders) inspection.LinkRepair(f, o.Id);
        task?.Done(inspection.Id);

        var address = (await RepairQueries.AddressesAsync(db, [unitId], ct)).GetValueOrDefault(unitId, "");
        await TellOwnersAsync(db, inspection, address, orders.Select(o => o.Order.Number).ToList(), clock, ct);
        await db.SaveChangesAsync(ct);
        return new(inspection.Id, orders.Select(o => o.Order.Number).ToList());
    }

    /// <summary>Each owner of the unit: an in-app message to every portal account of theirs and an SMS to their phone.</summary>
    private async Task TellOwnersAsync(AppDbContext db, VacantUnitInspection i, string address, List<string> repairNumbers, ProjectClock clock, CancellationToken ct)
    {
        var found = i.Findings.Count == 0
            ? "各项正常"
            : $"发现 {i.Findings.Count} 项问题（{string.Join("、", i.Findings.Select(f => f.Item))}），已生成报修单 {string.Join("、", repairNumbers)}";
        var text = $"您的房屋 {address} 已于 {clock.ToLocal(i.InspectedAt):yyyy-MM-dd HH:mm} 完成空置房巡查：{found}。详情请在业主端“巡查记录”查看。";
        const string subject = "空置房巡查结果";
        var owners = await db.UnitOwnerships.AsNoTracking().Where(o => o.UnitId == i.UnitId)
            .Select(o => new { o.OwnerId, o.Owner!.Phone }).ToListAsync(ct);
        foreach (var o in owners)
        {
            foreach (var account in await VacantQueries.PortalUsersOf(db, o.OwnerId).Select(u => u.Id).ToListAsync(ct))
                await outbox.EnqueueAsync(db, Channel.InApp, account, subject, text, $"vacant-inspection-{i.Id}-{account}-inapp", ct);
            if (!string.IsNullOrWhiteSpace(o.Phone))
                await outbox.EnqueueAsync(db, Channel.Sms, o.Phone, subject, text, $"vacant-inspection-{i.Id}-owner{o.OwnerId}-sms", ct);
        }
    }

    public async Task<VacantInspectionDetail> InspectionAsync(int inspectionId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.VacantUnitInspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        return await DetailAsync(db, i, ct);
    }

    /// <summary>The unit's inspections, newest first (the history under an inspection).</summary>
    public async Task<List<VacantInspectionRow>> InspectionsOfUnitAsync(int unitId, int max = 24, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RowsAsync(db, db.VacantUnitInspections.AsNoTracking().Where(i => i.UnitId == unitId), 1, Math.Clamp(max, 1, MaxPageSize), ct);
    }

    internal static async Task<List<VacantInspectionRow>> RowsAsync(AppDbContext db, IQueryable<VacantUnitInspection> q, int pageIndex, int pageSize, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(i => i.InspectedAt).ThenByDescending(i => i.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(i => new { i.Id, i.UnitId, i.InspectedAt, i.InspectorName, i.Findings }).ToListAsync(ct);
        var places = await RepairQueries.AddressesAsync(db, rows.Select(r => r.UnitId).Distinct().ToList(), ct);
        return rows.Select(r => new VacantInspectionRow(r.Id, r.UnitId, places.GetValueOrDefault(r.UnitId, ""), r.InspectedAt, r.InspectorName, r.Findings.Count)).ToList();
    }

    internal static async Task<VacantInspectionDetail> DetailAsync(AppDbContext db, VacantUnitInspection i, CancellationToken ct)
    {
        var places = await RepairQueries.AddressesAsync(db, [i.UnitId], ct);
        var repairIds = i.Findings.Where(f => f.RepairOrderId != null).Select(f => f.RepairOrderId!.Value).ToList();
        var orders = await db.RepairOrders.AsNoTracking().Where(o => repairIds.Contains(o.Id)).Select(o => new { o.Id, o.Number, o.Status }).ToDictionaryAsync(o => o.Id, ct);
        var findings = i.Findings.Select(f => f.RepairOrderId is { } id && orders.TryGetValue(id, out var o)
            ? new FindingView(f.Item, f.Description, id, o.Number, o.Status)
            : new FindingView(f.Item, f.Description, f.RepairOrderId, null, null)).ToList();
        var photos = await AttachmentService.ListAsync(db, AttachmentKind.VacantInspectionPhoto, i.Id, ct);
        return new(i.Id, i.UnitId, places.GetValueOrDefault(i.UnitId, ""), i.TaskId, i.InspectorName, i.InspectedAt, i.Items, findings, i.Meters, photos);
    }
}
