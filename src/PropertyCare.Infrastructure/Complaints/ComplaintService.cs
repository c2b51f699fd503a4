using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>客户投诉 at the service desk: registering the 客户投诉记录单, the list and the detail, revealing the complainant's
/// phone (logged). A department user (ComplaintsWork only) lists and reads only what is assigned to them, without the
/// complainant's name and phone; another project's complaint, or one not theirs, is "not found". The steps are in
/// <see cref="ComplaintWorkflowService"/>.</summary>
public sealed class ComplaintService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public async Task<Page<ComplaintRow>> ListAsync(ComplaintListQuery query, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProjectAny(Permissions.ComplaintsRead, Permissions.ComplaintsWork);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Clock.UtcNow;
        var q = db.Complaints.AsNoTracking().Visible(user).Apply(db, query, now);
        return await ComplaintQueries.PageAsync(db, q, ComplaintQueries.IsDepartmentUser(user), now, pageIndex, pageSize, ct);
    }

    public async Task<ComplaintDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProjectAny(Permissions.ComplaintsRead, Permissions.ComplaintsWork);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().Visible(user).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        var settings = await ComplaintSettingsService.LoadAsync(db, projectId, ct);
        // A department user sees who complained only when the desk shared it with them as the handler (then in full: they
        // are to call); everyone else sees it as the desk does.
        var shared = ComplaintQueries.IsDepartmentUser(user) && c.ContactSharedWith(user.UserId);
        var detail = await ComplaintQueries.DetailAsync(db, c, ComplaintQueries.IsDepartmentUser(user) && !shared, settings, Clock.UtcNow, ct);
        return shared ? detail with { SharedPhone = c.CustomerPhone } : detail;
    }

    /// <summary>The complainant's full phone — an explicit act of the desk, logged with who, when, which complaint and from
    /// where (保密管理).</summary>
    public async Task<string> RevealPhoneAsync(int id, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.ComplaintsWrite);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.CustomerPhone }).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        if (string.IsNullOrWhiteSpace(c.CustomerPhone)) throw new DomainException(new("客户未留联系电话", "The customer left no phone number"));
        db.SensitiveAccesses.Add(new SensitiveAccess
        {
            ProjectId = projectId, Kind = SensitiveAccessKind.Reveal, EntityType = nameof(Complaint), EntityId = id,
            Field = "ComplainantPhone", At = Clock.UtcNow, UserId = user.UserId, UserName = user.DisplayName, ClientIp = tenant.ClientIp,
        });
        await db.SaveChangesAsync(ct);
        return c.CustomerPhone;
    }

    /// <summary>客户投诉记录单 at the desk: the receiver (首问责任人) is the signed-in user. A unit is optional (a passer-by,
    /// a public area); an owner, when given, must own that unit. Nothing is saved when anything is wrong.</summary>
    public async Task<(int Id, string Number)> RegisterAsync(ComplaintIntake intake, int? ownerId, IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.ComplaintsWrite);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await ComplaintSettingsService.LoadAsync(db, projectId, ct);
        var errors = intake.Validate(settings);
        if (intake.UnitId is { } unitId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) errors.Add(new(nameof(ComplaintIntake.UnitId), new("房屋不存在", "The unit does not exist")));
            else if (ownerId is { } oid && !await db.UnitOwnerships.AnyAsync(o => o.UnitId == unitId && o.OwnerId == oid, ct))
                errors.Add(new("OwnerId", new("所选业主不是该房屋的业主", "The owner chosen does not own this unit")));
        }
        else if (ownerId != null) errors.Add(new("OwnerId", new("请先选择房屋", "Choose the unit first")));
        errors.ThrowIfAny();
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, tenant.Project!, ct);
        return await ComplaintFiling.RegisterAsync(db, clock, ctime, settings, intake, ownerId, byOwner: false, user.UserId, user.DisplayName, photos, ct);
    }

    /// <summary>Units matching a building/room search, with their owners, for the desk's form.</summary>
    public async Task<List<ComplaintUnitOption>> UnitsAsync(string? search, int max = 20, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.ComplaintsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = search?.Trim() ?? "";
        var units = await (from u in db.Units.AsNoTracking()
                           join b in db.Buildings.AsNoTracking() on u.BuildingId equals b.Id
                           where term == "" || u.Room.Contains(term) || b.Name.Contains(term) || (b.Name + "-" + u.Room).Contains(term)
                           orderby b.Name, u.Room
                           select new { u.Id, b.Name, u.Entrance, u.Room }).Take(Math.Clamp(max, 1, 50)).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var owners = await (from o in db.UnitOwnerships.AsNoTracking() join w in db.Owners.AsNoTracking() on o.OwnerId equals w.Id
                            where ids.Contains(o.UnitId) orderby o.IsPrimary descending, o.Id select new { o.UnitId, w.Id, w.Name }).ToListAsync(ct);
        return units.Select(u => new ComplaintUnitOption(u.Id, MoveInQueries.Address(u.Name, u.Entrance, u.Room),
            owners.Where(o => o.UnitId == u.Id).Select(o => (o.Id, o.Name)).ToList())).ToList();
    }

    /// <summary>The project's staff the desk dispatches to and the manager picks department heads from.</summary>
    public async Task<List<ComplaintStaffMember>> StaffAsync(CancellationToken ct = default)
    {
        var projectId = tenant.RequireProjectAny(Permissions.ComplaintsWrite, Permissions.ComplaintsManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ProjectStaff.ListAsync(db, projectId, ct)).Select(s => new ComplaintStaffMember(s.UserId, s.Name, s.Role)).ToList();
    }
}
