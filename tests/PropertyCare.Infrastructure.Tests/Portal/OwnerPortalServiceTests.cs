using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Portal;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Portal;

/// <summary>The owner's own view: their units in building and room order, their name and masked number — and
/// nothing for a member of staff, even one whose identity carries an owner record.</summary>
public class OwnerPortalServiceTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private OwnerPortalService As(string role, int? ownerId)
    {
        var t = _db.Tenant(_db.A1, role, ownerId: ownerId);
        return new OwnerPortalService(_db.Factory(t), t);
    }

    private int AddUnitOf(int ownerId, string building, string room)
    {
        using var db = _db.Db(_db.Tenant(_db.A1));
        var b = db.Buildings.FirstOrDefault(x => x.Name == building) ?? db.Buildings.Add(new Building { Name = building, Floors = 30 }).Entity;
        db.SaveChanges();
        var u = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 3, Room = room, Area = 90m, Type = "三室两厅", State = UnitState.Occupied };
        db.Units.Add(u);
        db.SaveChanges();
        db.UnitOwnerships.Add(new UnitOwnership { UnitId = u.Id, OwnerId = ownerId, IsPrimary = true });
        db.SaveChanges();
        return u.Id;
    }

    [Fact]
    public async Task An_owner_sees_their_units_by_building_then_room_and_their_masked_number()
    {
        var (_, first, owner) = _db.SeedOwner(_db.A1, room: "1201", name: "张伟", phone: "13800138000");
        var second = AddUnitOf(owner.Id, "2栋", "101");
        var third = AddUnitOf(owner.Id, "1栋", "301");
        _db.SeedOwner(_db.A1, room: "1202", name: "李娜");

        var portal = As(Roles.Owner, owner.Id);

        Assert.Equal([first.Id, third, second], (await portal.MyUnitsAsync()).Select(u => u.UnitId));
        Assert.Equal(("张伟", "138****8000"), await portal.MeAsync());
    }

    [Fact]
    public async Task Staff_get_no_owner_view_even_with_an_owner_record_on_their_identity()
    {
        var owner = _db.SeedOwner(_db.A1).Owner;
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.ServiceDesk, owner.Id).MyUnitsAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.ServiceDesk, owner.Id).MeAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.Owner, null).MeAsync());
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As(Roles.Owner, owner.Id + 100).MeAsync());
    }

    public void Dispose() => _db.Dispose();
}
