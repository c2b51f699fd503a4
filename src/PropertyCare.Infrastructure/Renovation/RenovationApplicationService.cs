using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>装修申请 at the service desk: file for a unit and one of its owners, change, check completeness, resubmit,
/// review (the manager), withdraw, workers and their passes, the permit, extensions; the list and the detail. Every
/// method checks its permission first; the data layer keeps it inside the current project (HQ reads, writes nothing).</summary>
public sealed class RenovationApplicationService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<Page<RenovationRow>> ListAsync(RenovationListQuery query, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Clock.Today;
        return await RenovationQueries.PageAsync(db, db.RenovationApplications.AsNoTracking().Apply(db, query, today), today, pageIndex, pageSize, ct);
    }

    public async Task<RenovationDetail> GetAsync(int id, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        return await RenovationQueries.DetailAsync(db, a, Clock.Today, ct);
    }

    /// <summary>Delivered units matching a building/room search, with their owners, for the desk's form.</summary>
    public async Task<List<FilingUnit>> UnitsAsync(string? search, int max = 20, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = search?.Trim() ?? "";
        var units = await (from u in db.Units.AsNoTracking()
                           join b in db.Buildings.AsNoTracking() on u.BuildingId equals b.Id
                           where u.State != UnitState.NotDelivered && (term == "" || u.Room.Contains(term) || b.Name.Contains(term) || (b.Name + "-" + u.Room).Contains(term))
                           orderby b.Name, u.Room
                           select new { u.Id, b.Name, u.Entrance, u.Room, u.State, u.Area }).Take(Math.Clamp(max, 1, 50)).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var owners = await (from o in db.UnitOwnerships.AsNoTracking() join w in db.Owners.AsNoTracking() on o.OwnerId equals w.Id
                            where ids.Contains(o.UnitId) orderby o.IsPrimary descending, o.Id select new { o.UnitId, w.Id, w.Name }).ToListAsync(ct);
        var open = await db.RenovationApplications.AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Status != RenovationStatus.Rejected
            && a.Status != RenovationStatus.Closed && a.Status != RenovationStatus.Withdrawn).Select(a => a.UnitId).ToListAsync(ct);
        return units.Select(u => new FilingUnit(u.Id, MoveInQueries.Address(u.Name, u.Entrance, u.Room), u.State, u.Area, open.Contains(u.Id),
            owners.Where(o => o.UnitId == u.Id).Select(o => (o.Id, o.Name)).ToList())).ToList();
    }

    public async Task<(int Id, string Number)> FileAsync(int unitId, int ownerId, ApplicationDetails details, IReadOnlyCollection<PhotoUpload> documents, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RenovationWrite);
        var user = tenant.RequireUser();
        return await RenovationFiling.FileAsync(dbFactory, projectId, Clock, unitId, ownerId, details, documents, byOwner: false, user.UserId, user.DisplayName, ct);
    }

    /// <summary>Corrects a submitted or returned application, with any new documents in the same save.</summary>
    public Task ChangeAsync(int id, int expectedVersion, ApplicationDetails details, IReadOnlyCollection<PhotoUpload>? documents = null, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationWrite, async (db, a, s) =>
        {
            a.Change(details, s, Clock.Today);
            await AttachmentService.AddAsync(db, AttachmentKind.RenovationDocument, a.Id, documents ?? [], tenant.RequireUser().DisplayName, Clock.UtcNow, ct);
        }, ct);

    /// <summary>资料审核: complete → to the manager's review; incomplete → back to the applicant with what is missing (told).</summary>
    public Task DeskCheckAsync(int id, int expectedVersion, bool complete, string? missing, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationWrite, async (db, a, s) =>
        {
            var user = tenant.RequireUser();
            a.DeskCheck(complete, missing, user.DisplayName, Clock.UtcNow);
            if (!complete)
                await TellAsync(db, a, "装修申请需补充资料", $"需补充资料：{a.ReturnReason}。请补充后重新提交。", $"return-{a.DeskCheckedAt!.Value.Ticks}", ct);
        }, ct);

    public Task ResubmitAsync(int id, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationWrite, async (db, a, s) => a.Resubmit(), ct);

    /// <summary>工程审核 by the manager; the deposit and fees due are fixed from the settings and the unit's area.</summary>
    public Task ReviewAsync(int id, int expectedVersion, ReviewDecision decision, string? text, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationApprove, async (db, a, s) =>
        {
            if (!Enum.IsDefined(decision)) throw new ValidationException([new("Decision", new("请选择审批结论", "Choose the decision"))]);
            var area = await db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Area).FirstAsync(ct);
            a.Review(decision, text, s, area, tenant.RequireUser().DisplayName, Clock.UtcNow);
            var (subject, what) = RenovationNotices.ReviewMessage(a);
            await TellAsync(db, a, subject, what, "review", ct);
        }, ct);

    public Task WithdrawAsync(int id, int expectedVersion, string reason, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationWrite, async (db, a, s) => a.Withdraw(reason), ct);

    /// <summary>施工人员登记 — from filing until the works end; not on a closed, rejected or withdrawn file.</summary>
    public async Task<int> RegisterWorkerAsync(int applicationId, string name, string idNumber, string phone, string? trade, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, ct) ?? throw new RecordNotFoundException();
        RequireWorkersOpen(a);
        var w = RenovationWorker.Register(a.Id, name, idNumber, phone, trade);
        db.RenovationWorkers.Add(w);
        await db.SaveChangesAsync(ct);
        return w.Id;
    }

    public async Task RevokeWorkerAsync(int workerId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.RenovationWorkers.FirstOrDefaultAsync(x => x.Id == workerId, ct) ?? throw new RecordNotFoundException();
        MoveInQueries.Expect(w, expectedVersion);
        w.Revoke();
        await db.SaveChangesAsync(ct);
    }

    internal static void RequireWorkersOpen(RenovationApplication a)
    {
        if (!a.Status.IsBeforePermit() && !a.Status.IsActiveWorks())
            throw new DomainException(new($"装修申请为“{a.Status.Label().Zh}”，不能再登记施工人员", $"The application is {a.Status.Label().En}; no more workers can be registered"));
    }

    /// <summary>办理装修许可证: the deposit held and the fees paid are what the ledger's entries of this application add up
    /// to; the unit becomes 装修中 in the same save (one transaction), and the owner is told.</summary>
    public Task<string> IssuePermitAsync(int id, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationWrite, async (db, a, s) =>
        {
            var entries = await db.DepositLedger.AsNoTracking().Where(e => e.ApplicationId == a.Id).ToListAsync(ct);
            var workers = await db.RenovationWorkers.CountAsync(w => w.ApplicationId == a.Id && !w.Revoked, ct);
            var unit = await db.Units.FirstAsync(u => u.Id == a.UnitId, ct);
            a.IssuePermit(RenovationFiling.PermitNumber(a.Number), DepositLedger.Balance(entries), DepositLedger.FeesPaid(entries), workers, unit,
                tenant.RequireUser().DisplayName, Clock.UtcNow);
            await TellAsync(db, a, "装修许可证已办理", $"已办理装修许可证（{a.PermitNumber}），可于 {a.PlannedStart:yyyy-MM-dd} 起施工，至 {a.ApprovedEnd:yyyy-MM-dd} 止，请遵守允许施工时间。", "permit", ct);
            return a.PermitNumber!;
        }, ct);

    public Task RequestExtensionAsync(int id, int expectedVersion, DateOnly newEnd, string reason, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationWrite, async (db, a, s) =>
            a.RequestExtension(newEnd, reason, tenant.RequireUser().DisplayName, Clock.UtcNow, s), ct);

    public Task DecideExtensionAsync(int id, int expectedVersion, bool approve, string? note, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Permissions.RenovationApprove, async (db, a, s) =>
        {
            a.DecideExtension(approve, note, tenant.RequireUser().DisplayName, Clock.UtcNow);
            var what = approve ? $"延期申请已批准，完工日期延至 {a.ApprovedEnd:yyyy-MM-dd}。" : $"延期申请未获批准（{a.Extensions[^1].DecisionNote}），完工日期仍为 {a.ApprovedEnd:yyyy-MM-dd}。";
            await TellAsync(db, a, approve ? "装修延期已批准" : "装修延期未获批准", what, $"extension-{a.Extensions.Count}", ct);
        }, ct);

    /// <summary>Adds drawings/documents (photos, scans or PDFs — AttachmentFileRules) to an open application.</summary>
    public async Task AddDocumentsAsync(int id, IReadOnlyCollection<PhotoUpload> documents, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (!a.Status.IsOpen()) throw new DomainException(new("申请已结束，不能再上传资料", "The application is finished; no more documents"));
        await AttachmentService.AddAsync(db, AttachmentKind.RenovationDocument, a.Id, documents, tenant.RequireUser().DisplayName, Clock.UtcNow, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the permit and the passes print (only once the permit is issued).</summary>
    public async Task<PermitPrint> PermitAsync(int id, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        return await PermitPrintAsync(db, a, tenant.Project!, Clock, ct);
    }

    internal static async Task<PermitPrint> PermitPrintAsync(AppDbContext db, RenovationApplication a, Domain.Tenancy.Project project, ProjectClock clock, CancellationToken ct)
    {
        if (a.PermitNumber == null) throw new DomainException(new("尚未办理装修许可证", "The permit has not been issued"));
        var settings = await RenovationSettingsService.LoadAsync(db, a.ProjectId, ct);
        var address = (await MoveInQueries.UnitsAsync(db, [a.UnitId], ct))[a.UnitId].Address;
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == a.OwnerId).Select(o => o.Name).FirstAsync(ct);
        var entries = await db.DepositLedger.AsNoTracking().Where(e => e.ApplicationId == a.Id).ToListAsync(ct);
        var fees = entries.Where(e => e.Account == LedgerAccount.Fee && e.FeeName != null).GroupBy(e => e.FeeName!)
            .Select(g => (g.Key, g.Sum(e => e.Amount))).Where(f => f.Item2 > 0).ToList();
        var workers = (await RenovationQueries.WorkersAsync(db, a.Id, ct)).Where(w => !w.Revoked).ToList();
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == project.CompanyId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return new PermitPrint(company, project.Name, a.PermitNumber, a.Number, address, owner, a.ContractorCompany, a.ContractorLicence, a.ContractorPerson,
            ContactRules.MaskPhone(a.ContractorPhone), a.Scope, a.PlannedStart, a.ApprovedEnd,
            a.Decision == ReviewDecision.ApprovedWithConditions ? a.DecisionText : null, settings.HoursText, settings.NoNoisyWorkOnRestDays,
            DepositLedger.Balance(entries), fees, clock.ToLocal(a.PermitIssuedAt!.Value), workers);
    }

    /// <summary>One step on one application: permission, load at the version seen, the domain step (which throws before
    /// changing anything), one save with whatever the step queued (unit state, notices).</summary>
    private async Task<T> StepAsync<T>(int id, int expectedVersion, string permission, Func<AppDbContext, RenovationApplication, RenovationSettings, Task<T>> step, CancellationToken ct)
    {
        var projectId = tenant.RequireProject(permission);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await RenovationQueries.LoadAsync(db, id, expectedVersion, ct);
        var settings = await RenovationSettingsService.LoadAsync(db, projectId, ct);
        var result = await step(db, a, settings);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private Task StepAsync(int id, int expectedVersion, string permission, Func<AppDbContext, RenovationApplication, RenovationSettings, Task> step, CancellationToken ct) =>
        StepAsync<bool>(id, expectedVersion, permission, async (db, a, s) => { await step(db, a, s); return true; }, ct);

    private Task TellAsync(AppDbContext db, RenovationApplication a, string subject, string what, string key, CancellationToken ct) =>
        RenovationNotices.TellOwnerAsync(db, outbox, tenant.Project!.CompanyId, tenant.Project.Name, a, subject, what, key, ct);
}
