using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Auditing;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Owners;

/// <summary>业主档案: find, read, change and remove owners of the current project. Every method checks
/// the permission itself, and the data layer checks the project, so a screen cannot forget either.</summary>
public sealed class OwnerService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public const int MaxPageSize = 100;

    public async Task<Page<OwnerListRow>> ListAsync(OwnerListQuery query, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = query.Apply(db.Owners.AsNoTracking(), db.UnitOwnerships);
        var total = await q.CountAsync(ct);
        var owners = await q.OrderBy(o => o.Id).Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(o => new { o.Id, o.Name, o.Phone, o.PhoneFlaggedWrong, o.Version }).ToListAsync(ct);
        var ids = owners.Select(o => o.Id).ToList();
        var units = (await UnitAddress.ForOwners(db.UnitOwnerships, ids).ToListAsync(ct)).ToLookup(x => x.OwnerId, x => x.Address.ToString());
        var rows = owners.Select(o => new OwnerListRow(o.Id, o.Name, ContactRules.MaskPhone(o.Phone), o.PhoneFlaggedWrong, units[o.Id].ToList(), o.Version)).ToList();
        return new Page<OwnerListRow>(rows, total, pageIndex, pageSize);
    }

    public async Task<OwnerView> GetAsync(int ownerId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Owners.AsNoTracking().Include(x => x.Members).Include(x => x.EmergencyContacts)
            .FirstOrDefaultAsync(x => x.Id == ownerId, ct) ?? throw new RecordNotFoundException();
        var units = await db.UnitOwnerships.AsNoTracking().Where(x => x.OwnerId == ownerId)
            .Select(x => new OwnedUnit(x.Id, x.UnitId, x.Unit!.Building!.Name, x.Unit.Entrance, x.Unit.Floor, x.Unit.Room, x.Unit.Area, x.Unit.Type, x.Unit.State, x.IsPrimary))
            .ToListAsync(ct);
        return OwnerView.From(o, units);
    }

    /// <summary>The data of the printed owner information sheet; the print is logged (保密管理).</summary>
    public async Task<OwnerSheet> SheetAsync(int ownerId, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.OwnersRead);
        var user = tenant.RequireUser();
        var full = user.Has(Permissions.OwnersReveal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Owners.AsNoTracking().Include(x => x.Members).Include(x => x.EmergencyContacts)
            .FirstOrDefaultAsync(x => x.Id == ownerId, ct) ?? throw new RecordNotFoundException();
        var view = await GetAsync(ownerId, ct);
        string Phone(string? p) => full ? p ?? "" : ContactRules.MaskPhone(p);
        db.SensitiveAccesses.Add(new SensitiveAccess
        {
            ProjectId = projectId, Kind = SensitiveAccessKind.Export, EntityType = nameof(Owner), EntityId = ownerId,
            Field = full ? "print-full" : "print-masked", Detail = "业主信息登记表", At = DateTime.UtcNow, UserId = user.UserId, UserName = user.DisplayName,
            ClientIp = tenant.ClientIp,
        });
        await db.SaveChangesAsync(ct);
        return new OwnerSheet(tenant.Project!.Company?.Name ?? "", tenant.Project.Name, view,
            full ? o.IdNumber : ContactRules.MaskIdNumber(o.IdNumber), Phone(o.Phone), o.Phone2 == null ? null : Phone(o.Phone2),
            o.Members.OrderBy(m => m.Id).Select(m => new PersonSheetRow(m.Name, m.Relation, Phone(m.Phone))).ToList(),
            o.EmergencyContacts.OrderBy(m => m.Id).Select(m => new PersonSheetRow(m.Name, m.Relation, Phone(m.Phone))).ToList(),
            user.DisplayName, DateTime.UtcNow);
    }

    /// <summary>Shows a full number — an explicit act, logged with who, when and which record (保密管理).</summary>
    public async Task<string> RevealAsync(SensitiveField field, int recordId, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.OwnersReveal);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string? value = field switch
        {
            SensitiveField.OwnerPhone => await db.Owners.Where(o => o.Id == recordId).Select(o => o.Phone).FirstOrDefaultAsync(ct),
            SensitiveField.OwnerPhone2 => await db.Owners.Where(o => o.Id == recordId).Select(o => o.Phone2 ?? "").FirstOrDefaultAsync(ct),
            SensitiveField.OwnerIdNumber => await db.Owners.Where(o => o.Id == recordId).Select(o => o.IdNumber).FirstOrDefaultAsync(ct),
            SensitiveField.MemberPhone => await db.HouseholdMembers.Where(o => o.Id == recordId).Select(o => o.Phone ?? "").FirstOrDefaultAsync(ct),
            SensitiveField.EmergencyContactPhone => await db.EmergencyContacts.Where(o => o.Id == recordId).Select(o => o.Phone).FirstOrDefaultAsync(ct),
            _ => null,
        };
        if (value == null) throw new RecordNotFoundException();
        db.SensitiveAccesses.Add(new SensitiveAccess
        {
            ProjectId = projectId, Kind = SensitiveAccessKind.Reveal, EntityType = field.EntityType(), EntityId = recordId,
            Field = field.ToString(), At = DateTime.UtcNow, UserId = user.UserId, UserName = user.DisplayName, ClientIp = tenant.ClientIp,
        });
        await db.SaveChangesAsync(ct);
        return value;
    }

    public async Task<int> CreateAsync(OwnerDetails details, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        var errors = OwnerRules.Validate(details, isNew: true);
        if (unitIds.Count == 0) errors.Add(new("Units", new("请至少选择一套房屋", "Choose at least one unit")));
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).Include(u => u.Ownerships).ToListAsync(ct);
        if (units.Count != unitIds.Distinct().Count()) throw new RecordNotFoundException();
        var owner = new Owner();
        owner.Apply(details);
        db.Owners.Add(owner);
        await db.SaveChangesAsync(ct);
        foreach (var u in units)
            db.UnitOwnerships.Add(new UnitOwnership { UnitId = u.Id, OwnerId = owner.Id, IsPrimary = u.Ownerships.Count == 0 });
        await db.SaveChangesAsync(ct);
        return owner.Id;
    }

    public async Task UpdateAsync(int ownerId, int expectedVersion, OwnerDetails details, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Owners.FirstOrDefaultAsync(o => o.Id == ownerId, ct) ?? throw new RecordNotFoundException();
        if (owner.Version != expectedVersion) throw new ConcurrencyConflictException();
        owner.Apply(details);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(int ownerId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Owners.Include(o => o.Ownerships).Include(o => o.Members).Include(o => o.EmergencyContacts)
            .FirstOrDefaultAsync(o => o.Id == ownerId, ct) ?? throw new RecordNotFoundException();
        if (owner.Version != expectedVersion) throw new ConcurrencyConflictException();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Removed one by one (not by cascade in the database) so each removal is kept in history.
        db.RemoveRange(owner.Ownerships);
        db.RemoveRange(owner.Members);
        db.RemoveRange(owner.EmergencyContacts);
        db.Owners.Remove(owner);
        await db.SaveChangesAsync(ct);
        // 个人信息保护: the history keeps that the owner existed and was deleted, no longer who they were.
        await PersonalDataScrub.ForgetOwnerAsync(db, owner, ct);
        await RemovePortalAccountsAsync(db, owner, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The owner's portal account goes with the record: its login is the owner's mobile number, and a
    /// sign-in to a portal with no units is of no use to anyone. Earlier account events keep what happened, under the
    /// deleted owner's label; the deletion itself is audited.</summary>
    private async Task RemovePortalAccountsAsync(AppDbContext db, Owner owner, CancellationToken ct)
    {
        var companyId = tenant.Project!.CompanyId;
        var accounts = await db.Users.Where(u => u.OwnerId == owner.Id && u.CompanyId == companyId).ToListAsync(ct);
        if (accounts.Count == 0) return;
        var ids = accounts.Select(a => a.Id).ToList();
        var label = PersonalDataScrub.Label(nameof(Owner), owner.Id);
        foreach (var e in await db.AccountEvents.Where(e => e.TargetUserId != null && ids.Contains(e.TargetUserId)).ToListAsync(ct))
            e.TargetLabel = label;
        var audit = new AccountAudit(tenant, TimeProvider.System);
        foreach (var account in accounts)
        {
            audit.Add(db, AccountAction.Deleted, account, targetIsOwner: true, "业主档案已删除 / owner record deleted").TargetLabel = label;
            db.Users.Remove(account);
        }
    }

    public async Task LinkUnitAsync(int ownerId, int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Owners.AnyAsync(o => o.Id == ownerId, ct)) throw new RecordNotFoundException();
        var unit = await db.Units.Include(u => u.Ownerships).FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new RecordNotFoundException();
        if (unit.Ownerships.Any(x => x.OwnerId == ownerId))
            throw new DomainException(new("该业主已关联此房屋", "The owner already owns this unit"));
        db.UnitOwnerships.Add(new UnitOwnership { UnitId = unitId, OwnerId = ownerId, IsPrimary = unit.Ownerships.Count == 0 });
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlinkUnitAsync(int ownershipId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.UnitOwnerships.FirstOrDefaultAsync(x => x.Id == ownershipId, ct) ?? throw new RecordNotFoundException();
        db.UnitOwnerships.Remove(link);
        if (link.IsPrimary)
        {
            // The unit keeps a primary contact while it has owners.
            var next = await db.UnitOwnerships.Where(x => x.UnitId == link.UnitId && x.Id != link.Id).OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
            if (next != null) next.IsPrimary = true;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task SavePersonAsync(PersonKind kind, int ownerId, int? personId, string name, string relation, string? phone, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        OwnerRules.ValidatePerson(name, relation, phone, phoneRequired: kind == PersonKind.EmergencyContact).ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Owners.AnyAsync(o => o.Id == ownerId, ct)) throw new RecordNotFoundException();
        // An empty phone on an existing person keeps the stored (masked) number.
        var newPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (kind == PersonKind.HouseholdMember)
        {
            var m = personId == null ? db.HouseholdMembers.Add(new HouseholdMember { OwnerId = ownerId }).Entity
                : await db.HouseholdMembers.FirstOrDefaultAsync(x => x.Id == personId && x.OwnerId == ownerId, ct) ?? throw new RecordNotFoundException();
            m.Name = name.Trim(); m.Relation = relation.Trim();
            if (newPhone != null) m.Phone = newPhone;
        }
        else
        {
            var c = personId == null ? db.EmergencyContacts.Add(new EmergencyContact { OwnerId = ownerId }).Entity
                : await db.EmergencyContacts.FirstOrDefaultAsync(x => x.Id == personId && x.OwnerId == ownerId, ct) ?? throw new RecordNotFoundException();
            c.Name = name.Trim(); c.Relation = relation.Trim();
            if (newPhone != null) c.Phone = newPhone;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task RemovePersonAsync(PersonKind kind, int personId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (object Entity, string Type, string Name, string? Phone) person = kind == PersonKind.HouseholdMember
            ? await db.HouseholdMembers.FirstOrDefaultAsync(x => x.Id == personId, ct) is { } m ? (m, nameof(HouseholdMember), m.Name, m.Phone) : throw new RecordNotFoundException()
            : await db.EmergencyContacts.FirstOrDefaultAsync(x => x.Id == personId, ct) is { } c ? (c, nameof(EmergencyContact), c.Name, c.Phone) : throw new RecordNotFoundException();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Remove(person.Entity);
        await db.SaveChangesAsync(ct);
        await PersonalDataScrub.ForgetPersonAsync(db, person.Type, personId, person.Name, person.Phone, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

public enum PersonKind { HouseholdMember, EmergencyContact }
