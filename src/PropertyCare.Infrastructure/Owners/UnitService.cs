using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Owners;

/// <summary>楼栋 and 房屋 of the current project.</summary>
public sealed class UnitService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<List<BuildingRow>> BuildingsAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Units.GroupBy(u => u.BuildingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var list = await db.Buildings.AsNoTracking().ToListAsync(ct);
        return list.OrderBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Select(b => new BuildingRow(b.Id, b.Name, b.Floors, counts.GetValueOrDefault(b.Id), b.Version)).ToList();
    }

    public async Task<int> SaveBuildingAsync(int? id, string name, int floors, int expectedVersion = 0, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        var errors = UnitRules.ValidateBuilding(name, floors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Buildings.AnyAsync(b => b.Name == name.Trim() && b.Id != id, ct))
            errors.Add(new("Name", new("已存在同名楼栋", "A building with this name already exists")));
        errors.ThrowIfAny();
        var b = id == null ? db.Buildings.Add(new Building()).Entity
            : await db.Buildings.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (id != null && b.Version != expectedVersion) throw new ConcurrencyConflictException();
        b.Name = name.Trim();
        b.Floors = floors;
        await db.SaveChangesAsync(ct);
        return b.Id;
    }

    public async Task<Page<UnitRow>> ListAsync(UnitListQuery query, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        pageSize = Math.Clamp(pageSize, 1, OwnerService.MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Units.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Room)) q = q.Where(u => u.Room.Contains(query.Room.Trim()));
        if (query.BuildingId is { } b) q = q.Where(u => u.BuildingId == b);
        if (query.State is { } s) q = q.Where(u => u.State == s);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.Building!.Name).ThenBy(u => u.Entrance).ThenBy(u => u.Floor).ThenBy(u => u.Room)
            .Skip((pageIndex - 1) * pageSize).Take(pageSize)
            .Select(u => new UnitRow(u.Id, u.Building!.Name, u.Entrance, u.Floor, u.Room, u.Area, u.Type, u.State,
                u.Ownerships.OrderByDescending(x => x.IsPrimary).Select(x => x.Owner!.Name).ToList(), u.Version))
            .ToListAsync(ct);
        return new Page<UnitRow>(rows, total, pageIndex, pageSize);
    }

    public async Task<UnitRow> GetAsync(int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new UnitRow(u.Id, u.Building!.Name, u.Entrance, u.Floor, u.Room, u.Area, u.Type, u.State,
                u.Ownerships.OrderByDescending(x => x.IsPrimary).Select(x => x.Owner!.Name).ToList(), u.Version))
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
    }

    public async Task<List<(int OwnerId, string Name, bool IsPrimary)>> OwnersOfAsync(int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.UnitOwnerships.AsNoTracking().Where(x => x.UnitId == unitId)
            .OrderByDescending(x => x.IsPrimary).Select(x => new { x.OwnerId, x.Owner!.Name, x.IsPrimary }).ToListAsync(ct);
        return list.Select(x => (x.OwnerId, x.Name, x.IsPrimary)).ToList();
    }

    public async Task<int> SaveUnitAsync(int? unitId, int expectedVersion, UnitDetails d, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var building = await db.Buildings.FirstOrDefaultAsync(b => b.Id == d.BuildingId, ct);
        var errors = UnitRules.Validate(d, building);
        if (await db.Units.AnyAsync(u => u.BuildingId == d.BuildingId && u.Entrance == d.Entrance.Trim() && u.Room == d.Room.Trim() && u.Id != unitId, ct))
            errors.Add(new(nameof(d.Room), new("该楼栋单元下已有此房号", "This room number already exists in the building and entrance")));
        errors.ThrowIfAny();
        var u = unitId == null ? db.Units.Add(new Unit()).Entity
            : await db.Units.FirstOrDefaultAsync(x => x.Id == unitId, ct) ?? throw new RecordNotFoundException();
        if (unitId != null && u.Version != expectedVersion) throw new ConcurrencyConflictException();
        u.BuildingId = d.BuildingId; u.Entrance = d.Entrance.Trim(); u.Floor = d.Floor; u.Room = d.Room.Trim();
        u.Area = d.Area; u.Type = d.Type.Trim(); u.State = d.State;
        await db.SaveChangesAsync(ct);
        return u.Id;
    }

    /// <summary>Units matching a room number, for linking an owner or registering a request.</summary>
    public async Task<List<UnitAddress>> FindAsync(string room, int max = 20, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        if (string.IsNullOrWhiteSpace(room)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.Room.Contains(room.Trim()))
            .OrderBy(u => u.Building!.Name).ThenBy(u => u.Room).Take(max)
            .Select(u => new UnitAddress(u.Id, u.Building!.Name, u.Entrance, u.Room)).ToListAsync(ct);
    }

    /// <summary>Finds the caller's unit at intake from what they say: a room number, their name, or (part of) their
    /// phone number. Each hit is a unit with the owner it matched; phones are masked.</summary>
    public async Task<List<UnitHit>> LookupAsync(string text, int max = 20, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsWrite);
        if (string.IsNullOrWhiteSpace(text)) return [];
        var t = text.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IQueryable<UnitOwnership> ownerships = db.UnitOwnerships.AsNoTracking();
        IQueryable<Unit> units = db.Units.AsNoTracking();
        if (RoomAddress.Parse(t) is { } a)
        {
            // "1-1-1203", "1栋1单元1203", "1栋-1203": the building, the entrance if given, the exact room.
            var names = a.BuildingNames;
            var matching = db.Units.Where(u => u.Room == a.Room && names.Contains(u.Building!.Name) && (a.Entrance == null || u.Entrance == a.Entrance))
                .Select(u => u.Id);
            ownerships = ownerships.Where(x => matching.Contains(x.UnitId));
            units = units.Where(u => matching.Contains(u.Id));
        }
        else
        {
            ownerships = ownerships.Where(x => x.Unit!.Room.Contains(t) || x.Owner!.Name.Contains(t) || x.Owner.Phone.Contains(t));
            units = units.Where(u => u.Room.Contains(t));
        }
        var links = await ownerships
            .OrderBy(x => x.Unit!.Building!.Name).ThenBy(x => x.Unit!.Room).ThenByDescending(x => x.IsPrimary).Take(max)
            .Select(x => new { Address = new UnitAddress(x.UnitId, x.Unit!.Building!.Name, x.Unit.Entrance, x.Unit.Room), x.Owner!.Name, x.Owner.Phone })
            .ToListAsync(ct);
        var hits = links.Select(x => new UnitHit(x.Address, x.Name, ContactRules.MaskPhone(x.Phone))).ToList();
        // Units without an owner yet (空置/未交付) are still found by room.
        if (hits.Count < max)
        {
            var found = hits.Select(h => h.Address.UnitId).ToHashSet();
            var bare = await units.Where(u => !u.Ownerships.Any())
                .OrderBy(u => u.Building!.Name).ThenBy(u => u.Room).Take(max - hits.Count)
                .Select(u => new UnitAddress(u.Id, u.Building!.Name, u.Entrance, u.Room)).ToListAsync(ct);
            hits.AddRange(bare.Where(b => !found.Contains(b.UnitId)).Select(b => new UnitHit(b, null, null)));
        }
        return hits;
    }
    /// <summary>Finds units as the user types, for the unit pickers of the owner pages: a room ("1203"), a full
    /// address (<see cref="RoomAddress"/>: "1-1-1203", "1栋1单元1203", "3栋 1203" — the room may be typed part-way), or
    /// an owner's name or (part of) phone. One hit per unit, with the owner that matched (else the primary owner);
    /// phones are masked.</summary>
    public async Task<List<UnitHit>> SearchAsync(string text, int max = 20, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        if (string.IsNullOrWhiteSpace(text)) return [];
        var t = text.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Units.AsNoTracking();
        if (RoomAddress.Parse(t) is { } a)
        {
            var names = a.BuildingNames;
            q = q.Where(u => names.Contains(u.Building!.Name) && u.Room.StartsWith(a.Room) && (a.Entrance == null || u.Entrance == a.Entrance));
        }
        else
        {
            q = q.Where(u => u.Room.Contains(t) || u.Ownerships.Any(x => x.Owner!.Name.Contains(t) || x.Owner.Phone.Contains(t)));
        }
        var rows = await q.OrderBy(u => u.Building!.Name).ThenBy(u => u.Entrance).ThenBy(u => u.Room).Take(max)
            .Select(u => new
            {
                Address = new UnitAddress(u.Id, u.Building!.Name, u.Entrance, u.Room),
                Owner = u.Ownerships.OrderByDescending(x => x.Owner!.Name.Contains(t) || x.Owner.Phone.Contains(t)).ThenByDescending(x => x.IsPrimary)
                    .Select(x => new { x.Owner!.Name, x.Owner.Phone }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new UnitHit(r.Address, r.Owner?.Name, r.Owner == null ? null : ContactRules.MaskPhone(r.Owner.Phone)))];
    }
}

public sealed record UnitHit(UnitAddress Address, string? OwnerName, string? PhoneMasked);
public sealed record UnitListQuery(string? Room = null, int? BuildingId = null, UnitState? State = null);
public sealed record BuildingRow(int Id, string Name, int Floors, int UnitCount, int Version);
public sealed record UnitRow(int Id, string Building, string Entrance, int Floor, string Room, decimal Area, string Type, UnitState State, List<string> Owners, int Version)
{
    public string Address => string.IsNullOrEmpty(Entrance) ? $"{Building}-{Room}" : $"{Building}-{Entrance}单元-{Room}";
}
