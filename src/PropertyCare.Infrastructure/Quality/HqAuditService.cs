using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>总部抽访 for the HQ auditor (HqAudit), over the projects of the auditor's own company only: the worklist, the
/// call sheet (the owner's phone masked, a reveal logged), recording the re-call — a finding that needs it issues the
/// 整改通知 in the same save and tells the project's managers — and the notices: list, issue by hand, accept or return.
/// Reads are named cross-project queries (tenant filter ignored, the company's project ids put back); writes enter the
/// record's project (<see cref="HqProjectScope"/>) and touch only HQ's own records — never a repair, complaint or owner.</summary>
public sealed class HqAuditService(IDbContextFactory<AppDbContext> dbFactory, DbContextOptions<AppDbContext> options, TenantContext tenant, TimeProvider time)
{
    // ---- reads ----

    public async Task<Page<AuditRow>> WorklistAsync(AuditFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, ids) = await HqCompany.ProjectsAsync(db, tenant, ct);
        return await QualityQueries.AuditsAsync(db, db.CallbackAudits.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.ProjectId)),
            db.CallbackSamples.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.ProjectId)), filter, pageIndex, pageSize, ct);
    }

    /// <summary>The company's projects and the weeks drawn, for the worklist's filters.</summary>
    public async Task<(List<(int Id, string Name)> Projects, List<DateOnly> Weeks)> FilterOptionsAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (companyId, ids) = await HqCompany.ProjectsAsync(db, tenant, ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var weeks = await db.CallbackSamples.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.ProjectId))
            .Select(s => s.WeekStart).Distinct().OrderByDescending(w => w).Take(26).ToListAsync(ct);
        return (projects.Select(p => (p.Id, p.Name)).ToList(), weeks);
    }

    public async Task<CallSheet> CallSheetAsync(int auditId, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (companyId, ids) = await HqCompany.ProjectsAsync(db, tenant, ct);
        var a = await db.CallbackAudits.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == auditId && ids.Contains(x.ProjectId), ct)
            ?? throw new RecordNotFoundException();
        var week = await db.CallbackSamples.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == a.SampleId).Select(s => s.WeekStart).FirstAsync(ct);
        var project = await db.Projects.AsNoTracking().Include(p => p.Company).FirstAsync(p => p.Id == a.ProjectId, ct);
        var source = await SourceAsync(db, a, ct);
        var noticeNumber = a.NoticeId is { } nid
            ? await db.RectificationNotices.IgnoreQueryFilters().Where(n => n.Id == nid && n.ProjectId == a.ProjectId).Select(n => n.Number).FirstOrDefaultAsync(ct)
            : null;
        var settings = await QualitySettingsService.LoadAsync(db, companyId, ct);
        return new CallSheet(QualityQueries.Row(a, project.Name, week), a.Version, a.Notes, source.Unit, source.Category, source.Description, source.Handler,
            source.CompletedAt, source.WorkDone, source.ContactName, ContactRules.MaskPhone(source.Phone), !string.IsNullOrWhiteSpace(source.Phone),
            a.ProjectCalledAt, a.ProjectCalledBy, a.ProjectRemarks,
            AuditScript.For(a.Source, a.SourceNumber, source.ContactName, project.Company?.Name ?? ""), noticeNumber, settings.NoticeDays);
    }

    /// <summary>The owner's full phone for the call — an explicit act, logged in the project's 保密日志 with who, when, which
    /// audit and from where (like the owner and complaint reveals).</summary>
    public async Task<string> RevealPhoneAsync(int auditId, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        var user = tenant.RequireUser();
        var projectId = await ProjectOfAuditAsync(auditId, ct);
        await using var s = await HqProjectScope.EnterAsync(options, tenant, time, projectId, ct);
        var a = await s.Db.CallbackAudits.AsNoTracking().FirstAsync(x => x.Id == auditId, ct);
        var phone = (await SourceAsync(s.Db, a, ct)).Phone;
        if (string.IsNullOrWhiteSpace(phone)) throw new DomainException(new("未留联系电话", "No phone number was left"));
        s.Db.SensitiveAccesses.Add(new SensitiveAccess
        {
            ProjectId = projectId, Kind = SensitiveAccessKind.Reveal, EntityType = nameof(CallbackAudit), EntityId = auditId, Field = "OwnerPhone",
            At = time.GetUtcNow().UtcDateTime, UserId = user.UserId, UserName = user.DisplayName, ClientIp = tenant.ClientIp,
        });
        await s.Db.SaveChangesAsync(ct);
        return phone;
    }

    // ---- the re-call ----

    /// <summary>Records 真实/不实 and the satisfaction now. When the finding needs it, the 整改通知 is issued in the same save
    /// (finding written from the audit, <paramref name="requirement"/> or the standard one, due at the end of the local day
    /// the company's notice days from today) and the project's managers are told.</summary>
    public async Task<AuditOutcome> RecordAsync(int auditId, AuditAnswer answer, string? requirement, int expectedVersion, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        var user = tenant.RequireUser();
        answer.Validate().ThrowIfAny();
        var projectId = await ProjectOfAuditAsync(auditId, ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var s = await HqProjectScope.EnterAsync(options, tenant, time, projectId, ct);
            var clock = ProjectClock.For(time, s.Project);
            var a = await s.Db.CallbackAudits.FirstAsync(x => x.Id == auditId, ct);
            if (a.Version != expectedVersion) throw new ConcurrencyConflictException();
            if (!a.Record(answer, user.UserId, user.DisplayName, clock.UtcNow))
            {
                await s.Db.SaveChangesAsync(ct);
                return new AuditOutcome(false, null, null);
            }
            var days = (await QualitySettingsService.LoadAsync(s.Db, s.Project.CompanyId, ct)).NoticeDays;
            await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
            try
            {
                await s.Db.SaveChangesAsync(ct);
                var n = RectificationNotice.Issue(projectId, s.Project.CompanyId, a.Id, NoticeIssuing.Finding(a),
                    string.IsNullOrWhiteSpace(requirement) ? NoticeIssuing.DefaultRequirement : requirement, NoticeIssuing.EndOfDayUtc(clock, clock.Today.AddDays(days)),
                    user.UserId, user.DisplayName, clock.UtcNow);
                n.Number = await NoticeIssuing.NextNumberAsync(s.Db, clock.Today, ct);
                s.Db.RectificationNotices.Add(n);
                await s.Db.SaveChangesAsync(ct);
                a.NoticeId = n.Id;
                await NoticeIssuing.TellManagersAsync(s, n, $"整改通知 {n.Number}",
                    $"总部抽访发现问题，已下发整改通知 {n.Number}，请于 {clock.ToLocal(n.DueAt):yyyy-MM-dd} 前回复整改措施。{n.Finding}", "issued", ct);
                await s.Db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new AuditOutcome(true, n.Id, n.Number);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two notices of the project numbered at once: the unique number index refused one; number it again.
                await tx.RollbackAsync(ct);
            }
        }
    }

    /// <summary>无法联系 (empty number, no answer after tries): recorded and counted, no finding.</summary>
    public async Task RecordUnreachableAsync(int auditId, string? notes, int expectedVersion, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        var user = tenant.RequireUser();
        var projectId = await ProjectOfAuditAsync(auditId, ct);
        await using var s = await HqProjectScope.EnterAsync(options, tenant, time, projectId, ct);
        var a = await s.Db.CallbackAudits.FirstAsync(x => x.Id == auditId, ct);
        if (a.Version != expectedVersion) throw new ConcurrencyConflictException();
        a.RecordUnreachable(notes, user.UserId, user.DisplayName, time.GetUtcNow().UtcDateTime);
        await s.Db.SaveChangesAsync(ct);
    }

    // ---- notices ----

    public async Task<Page<NoticeRow>> NoticesAsync(NoticeFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, ids) = await HqCompany.ProjectsAsync(db, tenant, ct);
        return await QualityQueries.NoticesAsync(db, db.RectificationNotices.IgnoreQueryFilters().AsNoTracking().Where(n => ids.Contains(n.ProjectId)),
            db.CallbackAudits.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.ProjectId)), filter, time.GetUtcNow().UtcDateTime, pageIndex, pageSize, ct);
    }

    public async Task<NoticeDetail> NoticeAsync(int id, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, ids) = await HqCompany.ProjectsAsync(db, tenant, ct);
        return await QualityQueries.NoticeAsync(db, db.RectificationNotices.IgnoreQueryFilters().Where(n => ids.Contains(n.ProjectId)),
            db.CallbackAudits.IgnoreQueryFilters().Where(a => ids.Contains(a.ProjectId)), id, time.GetUtcNow().UtcDateTime, ct) ?? throw new RecordNotFoundException();
    }

    /// <summary>A notice HQ writes by hand for a project of its company (e.g. from a complaint it heard of); due at the end of
    /// <paramref name="dueLocal"/> (project-local), or the company's notice days from today.</summary>
    public async Task<(int Id, string Number)> IssueAsync(int projectId, string finding, string requirement, DateOnly? dueLocal, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        var user = tenant.RequireUser();
        for (var attempt = 1; ; attempt++)
        {
            await using var s = await HqProjectScope.EnterAsync(options, tenant, time, projectId, ct);
            var clock = ProjectClock.For(time, s.Project);
            var days = (await QualitySettingsService.LoadAsync(s.Db, s.Project.CompanyId, ct)).NoticeDays;
            var n = RectificationNotice.Issue(projectId, s.Project.CompanyId, null, finding ?? "", requirement ?? "",
                NoticeIssuing.EndOfDayUtc(clock, dueLocal ?? clock.Today.AddDays(days)), user.UserId, user.DisplayName, clock.UtcNow);
            n.Number = await NoticeIssuing.NextNumberAsync(s.Db, clock.Today, ct);
            await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
            try
            {
                s.Db.RectificationNotices.Add(n);
                await s.Db.SaveChangesAsync(ct);
                await NoticeIssuing.TellManagersAsync(s, n, $"整改通知 {n.Number}",
                    $"总部下发整改通知 {n.Number}，请于 {clock.ToLocal(n.DueAt):yyyy-MM-dd} 前回复整改措施。{n.Finding}", "issued", ct);
                await s.Db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (n.Id, n.Number);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await tx.RollbackAsync(ct);
            }
        }
    }

    /// <summary>验收: the rectification is good enough; the notice closes and the managers are told.</summary>
    public Task AcceptAsync(int id, string? note, int expectedVersion, CancellationToken ct = default) =>
        ReviewAsync(id, expectedVersion, (n, s, clock, user) =>
        {
            n.Accept(note, user.DisplayName, clock.UtcNow);
            return ($"整改通知 {n.Number} 已验收", $"总部已验收整改通知 {n.Number}，该通知已关闭。{note}", $"accepted-{n.Rounds.Count}");
        }, ct);

    /// <summary>退回: back to the managers with the reason and, optionally, a new deadline (end of that local day).</summary>
    public Task ReturnAsync(int id, string reason, DateOnly? newDueLocal, int expectedVersion, CancellationToken ct = default) =>
        ReviewAsync(id, expectedVersion, (n, s, clock, user) =>
        {
            n.Return(reason ?? "", newDueLocal is { } d ? NoticeIssuing.EndOfDayUtc(clock, d) : null, user.DisplayName, clock.UtcNow);
            return ($"整改通知 {n.Number} 被退回", $"总部退回了整改通知 {n.Number} 的整改回复：{reason}。请于 {clock.ToLocal(n.DueAt):yyyy-MM-dd} 前重新回复。",
                $"returned-{n.Rounds.Count}");
        }, ct);

    private async Task ReviewAsync(int id, int expectedVersion, Func<RectificationNotice, HqProjectScope, ProjectClock, UserIdentity, (string Subject, string Body, string Key)> step,
        CancellationToken ct)
    {
        tenant.Require(Permissions.HqAudit);
        var user = tenant.RequireUser();
        int projectId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var (_, ids) = await HqCompany.ProjectsAsync(db, tenant, ct);
            projectId = await db.RectificationNotices.IgnoreQueryFilters().Where(n => n.Id == id && ids.Contains(n.ProjectId)).Select(n => (int?)n.ProjectId)
                .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        }
        await using var s = await HqProjectScope.EnterAsync(options, tenant, time, projectId, ct);
        var n = await s.Db.RectificationNotices.FirstAsync(x => x.Id == id, ct);
        if (n.Version != expectedVersion) throw new ConcurrencyConflictException();
        var (subject, body, key) = step(n, s, ProjectClock.For(time, s.Project), user);
        await NoticeIssuing.TellManagersAsync(s, n, subject, body, key, ct);
        await s.Db.SaveChangesAsync(ct);
    }

    // ---- helpers ----

    private async Task<int> ProjectOfAuditAsync(int auditId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, ids) = await HqCompany.ProjectsAsync(db, tenant, ct);
        return await db.CallbackAudits.IgnoreQueryFilters().Where(a => a.Id == auditId && ids.Contains(a.ProjectId)).Select(a => (int?)a.ProjectId)
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
    }

    private sealed record Source(string? Unit, string? Category, string Description, string? Handler, DateTime? CompletedAt, string? WorkDone, string? ContactName, string? Phone);

    /// <summary>The order's or complaint's summary as it is now (read-only; the project's answer is the audit's snapshot).</summary>
    private static async Task<Source> SourceAsync(AppDbContext db, CallbackAudit a, CancellationToken ct)
    {
        if (a.Source == SampleSource.Repair)
        {
            var o = await db.RepairOrders.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == a.SourceId && x.ProjectId == a.ProjectId, ct);
            if (o == null) return new Source(null, null, "（工单已不存在）", null, null, null, null, null);
            return new Source(await UnitAsync(db, a.ProjectId, o.UnitId, ct) ?? o.CommonArea, o.Category, o.Description, o.TechnicianName, o.CompletedAt, o.WorkDone,
                o.ContactName, o.ContactPhone);
        }
        var c = await db.Complaints.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == a.SourceId && x.ProjectId == a.ProjectId, ct);
        if (c == null) return new Source(null, null, "（投诉已不存在）", null, null, null, null, null);
        return new Source(await UnitAsync(db, a.ProjectId, c.UnitId, ct), c.Category, c.Facts, c.HandlerName == null ? c.Department : $"{c.Department} {c.HandlerName}",
            c.HandledAt, c.Result, c.CustomerName, c.CustomerPhone);
    }

    private static async Task<string?> UnitAsync(AppDbContext db, int projectId, int? unitId, CancellationToken ct)
    {
        if (unitId is not { } id) return null;
        var u = await (from x in db.Units.IgnoreQueryFilters() join b in db.Buildings.IgnoreQueryFilters() on x.BuildingId equals b.Id
                       where x.Id == id && x.ProjectId == projectId select new { x, b.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        return u?.x.Address(u.Name);
    }
}
