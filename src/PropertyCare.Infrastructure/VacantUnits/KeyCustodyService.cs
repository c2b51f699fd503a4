using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>钥匙托管: keys the service centre holds for a unit with the owner's signed authorisation (its scan stored with
/// the custody), lent and taken back with a log, returned to the owner at the end. Reading needs MoveInRead, every
/// change MoveInWrite and the version the page read (optimistic concurrency).</summary>
public sealed class KeyCustodyService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public const int MaxPageSize = 100;

    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    /// <summary>Custodies, overdue loans first, then those on loan, then held; the ended ones only when asked. Loans are a
    /// JSON column, so the overdue order is made in memory — a project holds keys for tens of units, not thousands.</summary>
    public async Task<Page<KeyCustodyRow>> ListAsync(bool includeReturned, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Clock.UtcNow;
        var q = db.KeyCustodies.AsNoTracking();
        if (!includeReturned) q = q.Where(k => k.Status != CustodyStatus.Returned);
        var all = (await q.ToListAsync(ct)).OrderByDescending(k => k.IsOverdue(now)).ThenBy(k => k.Status == CustodyStatus.OnLoan ? 0 : k.Status == CustodyStatus.Held ? 1 : 2)
            .ThenBy(k => k.CurrentLoan?.ExpectedReturnAt).ThenByDescending(k => k.Id).ToList();
        var page = all.Skip((pageIndex - 1) * pageSize).Take(pageSize).ToList();
        var places = await RepairQueries.AddressesAsync(db, page.Select(k => k.UnitId).Distinct().ToList(), ct);
        var ownerIds = page.Select(k => k.OwnerId).Distinct().ToList();
        var owners = await db.Owners.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = page.Select(k => new KeyCustodyRow(k.Id, k.UnitId, places.GetValueOrDefault(k.UnitId, ""), owners.GetValueOrDefault(k.OwnerId, ""),
            k.KeyDescription, k.Status, k.CurrentLoan?.Borrower, k.CurrentLoan?.ExpectedReturnAt, k.IsOverdue(now), k.Version)).ToList();
        return new Page<KeyCustodyRow>(rows, all.Count, pageIndex, pageSize);
    }

    /// <summary>Loans out past their expected return (the desk home page's red list).</summary>
    public async Task<List<KeyCustodyRow>> OverdueAsync(CancellationToken ct = default)
    {
        var page = await ListAsync(false, 1, MaxPageSize, ct);
        return page.Items.Where(r => r.Overdue).ToList();
    }

    public async Task<KeyCustodyDetail> GetAsync(int custodyId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var k = await db.KeyCustodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == custodyId, ct) ?? throw new RecordNotFoundException();
        var now = Clock.UtcNow;
        var places = await RepairQueries.AddressesAsync(db, [k.UnitId], ct);
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == k.OwnerId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var loans = k.Loans.OrderByDescending(l => l.BorrowedAt).Select(l => new KeyLoanView(l.Borrower, l.Purpose, l.LentBy, l.BorrowedAt, l.ExpectedReturnAt, l.ReturnedAt,
            l.ReturnedAt == null && now > l.ExpectedReturnAt)).ToList();
        return new(k.Id, k.UnitId, places.GetValueOrDefault(k.UnitId, ""), k.OwnerId, owner, k.AuthorisationFileId, k.AuthorisedOn, k.KeyDescription, k.Status,
            loans, k.IsOverdue(now), k.Version);
    }

    /// <summary>The owners of a unit, to choose whose authorisation it is.</summary>
    public async Task<List<UnitOwnerOption>> OwnersOfAsync(int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new RecordNotFoundException();
        return await db.UnitOwnerships.AsNoTracking().Where(o => o.UnitId == unitId).OrderByDescending(o => o.IsPrimary).ThenBy(o => o.Id)
            .Select(o => new UnitOwnerOption(o.OwnerId, o.Owner!.Name)).ToListAsync(ct);
    }

    /// <summary>接收托管: the owner (who must own the unit) authorised it in writing; the scan is stored in the same
    /// transaction, so a custody never exists without it. One active custody per unit.</summary>
    public async Task<int> AcceptAsync(int unitId, int ownerId, DateOnly authorisedOn, string keyDescription, PhotoUpload? authorisationScan, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        var clock = Clock;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new RecordNotFoundException();
        var e = new List<FieldError>();
        if (!await db.UnitOwnerships.AnyAsync(o => o.UnitId == unitId && o.OwnerId == ownerId, ct))
            e.Add(new(nameof(KeyCustody.OwnerId), new("请选择该房屋的业主", "Choose an owner of this unit")));
        if (authorisedOn > clock.Today) e.Add(new(nameof(KeyCustody.AuthorisedOn), new("委托日期不能晚于今天", "The authorisation date cannot be in the future")));
        e.ThrowIfAny();
        if (await db.KeyCustodies.AnyAsync(k => k.UnitId == unitId && k.Status != CustodyStatus.Returned, ct)) throw Held();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var scan = await AttachmentService.AddAsync(db, AttachmentKind.KeyAuthorisation, null, authorisationScan == null ? [] : [authorisationScan], user.DisplayName, clock.UtcNow, ct);
            await db.SaveChangesAsync(ct);
            var custody = KeyCustody.Accept(unitId, ownerId, scan.FirstOrDefault()?.Id ?? 0, authorisedOn, keyDescription);
            db.KeyCustodies.Add(custody);
            await db.SaveChangesAsync(ct);
            scan[0].RecordId = custody.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return custody.Id;
        }
        catch (DbUpdateException)
        {
            // The unique index on the unit's active custody: another desk took the keys in a moment ago.
            throw Held();
        }
    }

    private static DomainException Held() => new(new("该房屋的钥匙已在托管中", "The keys of this unit are already held"));

    /// <summary>借出: lent by the signed-in user, until a project-local time (at most 7 days).</summary>
    public Task LendAsync(int custodyId, int expectedVersion, string borrower, string purpose, DateTime expectedReturnLocal, CancellationToken ct = default) =>
        ChangeAsync(custodyId, expectedVersion, (k, clock, user) => k.Lend(borrower, purpose, clock.UtcNow, clock.ToUtc(expectedReturnLocal), user.DisplayName), ct);

    public Task TakeBackAsync(int custodyId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(custodyId, expectedVersion, (k, clock, _) => k.TakeBack(clock.UtcNow), ct);

    /// <summary>托管结束: the keys go back to the owner; the record stays as history.</summary>
    public Task ReturnToOwnerAsync(int custodyId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(custodyId, expectedVersion, (k, _, _) => k.ReturnToOwner(), ct);

    private async Task ChangeAsync(int custodyId, int expectedVersion, Action<KeyCustody, ProjectClock, UserIdentity> change, CancellationToken ct)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var k = await db.KeyCustodies.FirstOrDefaultAsync(x => x.Id == custodyId, ct) ?? throw new RecordNotFoundException();
        if (k.Version != expectedVersion) throw new ConcurrencyConflictException();
        change(k, Clock, user);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
    }
}
