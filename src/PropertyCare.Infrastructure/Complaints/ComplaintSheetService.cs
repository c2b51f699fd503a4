using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>The two paper forms of a complaint (part B). The record sheet names the complainant, so only staff who read
/// complaints print it; the handling sheet is also for the department user the complaint is dispatched to (handler or
/// the department's head), without the complainant's phone. Another project's complaint is "not found" (the data layer
/// filters by project).</summary>
public sealed class ComplaintSheetService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public async Task<ComplaintRecordPrint> RecordSheetAsync(int id, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.ComplaintsRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        var (company, address, clock) = await ContextAsync(db, c, ct);
        return new ComplaintRecordPrint(company, tenant.Project!.Name, c.Number, c.Kind.Label().Zh, c.CustomerName, address, clock.ToLocal(c.ReceivedAt),
            c.Channel.Label().Zh, ContactRules.MaskPhone(c.CustomerPhone), c.Facts, c.Demand, c.ReceivedByName);
    }

    public async Task<ComplaintHandlingPrint> HandlingSheetAsync(int id, CancellationToken ct = default)
    {
        tenant.RequireProjectAny(Permissions.ComplaintsRead, Permissions.ComplaintsWork);
        var user = tenant.RequireUser();
        var reader = user.Has(Permissions.ComplaintsRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Complaints.AsNoTracking().Where(x => x.Id == id);
        // A department user: only what is dispatched to them, or to their department as its head.
        if (!reader) q = q.Where(x => x.HandlerId == user.UserId || x.DepartmentHeadId == user.UserId);
        var c = await q.FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        var (company, address, clock) = await ContextAsync(db, c, ct);
        DateTime? Local(DateTime? utc) => utc is { } t ? clock.ToLocal(t) : null;
        var cls = c.Class is { } k ? k.Label().Zh + (c.ClassReason != null ? $"（{c.ClassReason}）" : "") : null;
        var last = c.Callbacks.OrderBy(x => x.Round).LastOrDefault();
        return new ComplaintHandlingPrint(company, tenant.Project!.Name, c.Number, c.Kind.Label().Zh, address,
            reader ? ContactRules.MaskPhone(c.CustomerPhone) : null, c.Facts, c.Department, c.HandlerName, cls, c.Category, c.DispatchLevel > 1,
            c.Plan, Local(c.PlannedAt), c.Result, Local(c.HandledAt), c.ReceiverOpinion, c.ManagerOpinion, c.ManagerOpinionBy,
            c.CustomerOpinion, c.LastSatisfaction?.Label().Zh, Local(last?.At), c.Status.Label().Zh);
    }

    private async Task<(string Company, string? Address, ProjectClock Clock)> ContextAsync(AppDbContext db, Complaint c, CancellationToken ct)
    {
        var project = tenant.Project!;
        var company = await db.Companies.AsNoTracking().Where(x => x.Id == project.CompanyId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        var address = c.UnitId is { } u ? (await MoveInQueries.UnitsAsync(db, [u], ct)).GetValueOrDefault(u)?.Address : null;
        return (company, address, ProjectClock.For(time, project));
    }
}
