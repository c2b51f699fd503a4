using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

/// <summary>楼栋 and 房屋 of a project: who may read them, the rules for saving them, and the lists the desk sees
/// (filters, paging and the order by building, entrance, floor and room), against small estates with known answers.</summary>
public class UnitServiceTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private UnitService As(string role = Roles.ServiceDesk)
    {
        var t = _db.Tenant(_db.A1, role, userId: "u-" + role);
        return new UnitService(_db.Factory(t), t);
    }

    private AppDbContext Db() => _db.Db(_db.Tenant(_db.A1));

    private int AddBuilding(string name, int floors = 30)
    {
        using var db = Db();
        var b = new Building { Name = name, Floors = floors };
        db.Buildings.Add(b);
        db.SaveChanges();
        return b.Id;
    }

    private int AddUnit(int buildingId, string entrance, string room, int floor = 1, UnitState state = UnitState.Occupied)
    {
        using var db = Db();
        var u = new Unit { BuildingId = buildingId, Entrance = entrance, Floor = floor, Room = room, Area = 90m, Type = "三室两厅", State = state };
        db.Units.Add(u);
        db.SaveChanges();
        return u.Id;
    }

    /// <summary>An owner of the given units; the first owner of a unit is its primary contact.</summary>
    private int AddOwner(string name, string phone, params int[] unitIds)
    {
        using var db = Db();
        var o = new Owner { Name = name, IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = phone };
        db.Owners.Add(o);
        db.SaveChanges();
        foreach (var unitId in unitIds)
            db.UnitOwnerships.Add(new UnitOwnership { UnitId = unitId, OwnerId = o.Id, IsPrimary = !db.UnitOwnerships.Any(x => x.UnitId == unitId) });
        db.SaveChanges();
        return o.Id;
    }

    private static UnitDetails Details(int buildingId, string entrance, string room, int floor = 1) =>
        new(buildingId, entrance, floor, room, 88.5m, "两室一厅", UnitState.Vacant);

    [Fact]
    public async Task Technicians_cannot_read_buildings_units_or_their_owners()
    {
        var (_, unit, _) = _db.SeedOwner(_db.A1);
        var tech = As(Roles.Technician);
        await Assert.ThrowsAsync<AccessDeniedException>(() => tech.BuildingsAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => tech.ListAsync(new UnitListQuery(), 1, 20));
        await Assert.ThrowsAsync<AccessDeniedException>(() => tech.GetAsync(unit.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => tech.OwnersOfAsync(unit.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => tech.FindAsync("1201"));
    }

    [Fact]
    public async Task Buildings_are_listed_in_natural_order_with_their_unit_counts()
    {
        var b10 = AddBuilding("10栋");
        var b2 = AddBuilding("2栋");
        var b1 = AddBuilding("1栋");
        AddUnit(b10, "1", "101");
        AddUnit(b1, "1", "101");
        AddUnit(b1, "1", "102");

        var rows = await As().BuildingsAsync();

        // "10栋" after "2栋": shorter names first, then by name.
        Assert.Equal([("1栋", 2), ("2栋", 0), ("10栋", 1)], rows.Select(r => (r.Name, r.UnitCount)));
        Assert.Equal([b1, b2, b10], rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_new_building_is_saved_and_a_second_of_the_same_name_is_refused()
    {
        var id = await As().SaveBuildingAsync(null, " 5栋 ", 18);
        var saved = Assert.Single(await As().BuildingsAsync());
        Assert.Equal((id, "5栋", 18), (saved.Id, saved.Name, saved.Floors));

        var ex = await Assert.ThrowsAsync<ValidationException>(() => As().SaveBuildingAsync(null, "5栋", 20));
        Assert.Equal("Name", Assert.Single(ex.Errors).Field);
        Assert.Single(await As().BuildingsAsync());
    }

    [Fact]
    public async Task A_building_keeps_its_own_name_when_edited_but_cannot_take_another_buildings_name()
    {
        var five = await As().SaveBuildingAsync(null, "5栋", 18);
        await As().SaveBuildingAsync(null, "6栋", 18);

        await As().SaveBuildingAsync(five, "5栋", 24, expectedVersion: 0);
        Assert.Equal(24, (await As().BuildingsAsync()).Single(b => b.Id == five).Floors);

        var version = (await As().BuildingsAsync()).Single(b => b.Id == five).Version;
        var ex = await Assert.ThrowsAsync<ValidationException>(() => As().SaveBuildingAsync(five, "6栋", 24, version));
        Assert.Equal("Name", Assert.Single(ex.Errors).Field);
        Assert.Equal("5栋", (await As().BuildingsAsync()).Single(b => b.Id == five).Name);
    }

    [Fact]
    public async Task A_stale_building_edit_is_refused_and_does_not_overwrite()
    {
        var id = await As().SaveBuildingAsync(null, "5栋", 18);
        await As().SaveBuildingAsync(id, "5栋", 20, expectedVersion: 0);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => As().SaveBuildingAsync(id, "5栋", 30, expectedVersion: 0));
        Assert.Equal(20, Assert.Single(await As().BuildingsAsync()).Floors);
    }

    [Fact]
    public async Task The_unit_list_is_ordered_by_building_entrance_floor_and_room_with_the_primary_owner_first()
    {
        var b1 = AddBuilding("1栋");
        var b2 = AddBuilding("2栋");
        var u2 = AddUnit(b2, "1", "101");
        var u1e2 = AddUnit(b1, "2", "101");
        var u201 = AddUnit(b1, "1", "201", floor: 2);
        var u102 = AddUnit(b1, "1", "102");
        var u101 = AddUnit(b1, "1", "101");
        AddOwner("张伟", "13800138000", u101);
        AddOwner("李娜", "13955556666", u101);

        var page = await As().ListAsync(new UnitListQuery(), 1, 20);

        Assert.Equal([u101, u102, u201, u1e2, u2], page.Items.Select(r => r.Id));
        Assert.Equal(5, page.Total);
        Assert.Equal(["张伟", "李娜"], page.Items[0].Owners);
        Assert.Equal("1栋-1单元-101", page.Items[0].Address);
    }

    [Fact]
    public async Task The_unit_list_pages_and_a_page_below_one_is_the_first()
    {
        var b1 = AddBuilding("1栋");
        var ids = new[] { "101", "102", "103", "104", "105" }.Select(r => AddUnit(b1, "1", r)).ToList();

        var second = await As().ListAsync(new UnitListQuery(), 2, 2);
        Assert.Equal(ids[2..4], second.Items.Select(r => r.Id));
        Assert.Equal((5, 2, 2), (second.Total, second.PageIndex, second.PageSize));

        var first = await As().ListAsync(new UnitListQuery(), 0, 2);
        Assert.Equal(ids[..2], first.Items.Select(r => r.Id));
        Assert.Equal(1, first.PageIndex);
    }

    [Fact]
    public async Task The_unit_list_filters_by_room_building_and_state()
    {
        var b1 = AddBuilding("1栋");
        var b2 = AddBuilding("2栋");
        var occupied = AddUnit(b1, "1", "1201", floor: 12);
        var vacant = AddUnit(b1, "1", "1202", floor: 12, state: UnitState.Vacant);
        var other = AddUnit(b2, "1", "301", floor: 3, state: UnitState.Vacant);

        async Task<List<int>> Ids(UnitListQuery q) => (await As().ListAsync(q, 1, 20)).Items.Select(r => r.Id).ToList();
        Assert.Equal([occupied, vacant], await Ids(new UnitListQuery(Room: " 120 ")));
        Assert.Equal([other], await Ids(new UnitListQuery(BuildingId: b2)));
        Assert.Equal([vacant, other], await Ids(new UnitListQuery(State: UnitState.Vacant)));
        Assert.Equal([vacant], await Ids(new UnitListQuery(Room: "120", BuildingId: b1, State: UnitState.Vacant)));
    }

    [Fact]
    public async Task A_unit_without_entrance_is_addressed_by_building_and_room()
    {
        var b = AddBuilding("商业楼");
        var shop = AddUnit(b, "", "S01");
        Assert.Equal("商业楼-S01", (await As().GetAsync(shop)).Address);
    }

    [Fact]
    public async Task A_unit_and_its_owners_are_read_with_the_primary_owner_first()
    {
        var b1 = AddBuilding("1栋");
        var unit = AddUnit(b1, "1", "1201", floor: 12);
        var other = AddUnit(b1, "1", "1202", floor: 12);
        var primary = AddOwner("张伟", "13800138000", unit);
        var coOwner = AddOwner("李娜", "13955556666", unit);
        AddOwner("王强", "13700001111", other);

        var row = await As().GetAsync(unit);
        Assert.Equal((unit, "1栋", "1201", 12), (row.Id, row.Building, row.Room, row.Floor));
        Assert.Equal(["张伟", "李娜"], row.Owners);
        Assert.Equal([(primary, "张伟", true), (coOwner, "李娜", false)], await As().OwnersOfAsync(unit));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As().GetAsync(unit + 100));
    }

    [Fact]
    public async Task A_new_unit_is_saved_trimmed()
    {
        var b1 = AddBuilding("1栋");
        var id = await As().SaveUnitAsync(null, 0, Details(b1, " 2 ", " 0501 ", floor: 5));
        var row = await As().GetAsync(id);
        Assert.Equal(("1栋", "2", "0501", 5, 88.5m, "两室一厅", UnitState.Vacant), (row.Building, row.Entrance, row.Room, row.Floor, row.Area, row.Type, row.State));
    }

    [Fact]
    public async Task A_room_number_is_unique_within_its_building_and_entrance_only()
    {
        var b1 = AddBuilding("1栋");
        var b2 = AddBuilding("2栋");
        var existing = AddUnit(b1, "1", "101");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => As().SaveUnitAsync(null, 0, Details(b1, "1", " 101 ")));
        Assert.Equal("Room", Assert.Single(ex.Errors).Field);

        // The same room number in another building, another entrance, or another room of the same entrance is fine.
        await As().SaveUnitAsync(null, 0, Details(b2, "1", "101"));
        await As().SaveUnitAsync(null, 0, Details(b1, "2", "101"));
        await As().SaveUnitAsync(null, 0, Details(b1, "1", "102"));
        Assert.Equal(4, (await As().ListAsync(new UnitListQuery(), 1, 20)).Total);

        // A unit saved with its own room number is not a duplicate of itself.
        await As().SaveUnitAsync(existing, 0, Details(b1, "1", "101", floor: 1) with { Area = 120m });
        Assert.Equal(120m, (await As().GetAsync(existing)).Area);
    }

    [Fact]
    public async Task A_stale_unit_edit_is_refused_and_does_not_overwrite()
    {
        var b1 = AddBuilding("1栋");
        var id = AddUnit(b1, "1", "101");
        await As().SaveUnitAsync(id, 0, Details(b1, "1", "101") with { Area = 100m });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => As().SaveUnitAsync(id, 0, Details(b1, "1", "101") with { Area = 50m }));
        Assert.Equal(100m, (await As().GetAsync(id)).Area);
    }

    [Fact]
    public async Task Finding_by_room_lists_units_by_building_then_room()
    {
        var b1 = AddBuilding("1栋");
        var b2 = AddBuilding("2栋");
        var in2 = AddUnit(b2, "1", "101");
        var r201 = AddUnit(b1, "1", "201", floor: 2);
        var r101 = AddUnit(b1, "1", "101");
        AddUnit(b1, "1", "305", floor: 3);

        Assert.Equal([r101, r201, in2], (await As().FindAsync(" 01 ")).Select(a => a.UnitId));
        Assert.Empty(await As().FindAsync(" "));
    }

    [Fact]
    public async Task Intake_lookup_lists_matching_owners_by_building_and_room_with_the_primary_owner_first()
    {
        var b1 = AddBuilding("1栋");
        var b2 = AddBuilding("2栋");
        var u1201 = AddUnit(b1, "1", "1201", floor: 12);
        var u1101 = AddUnit(b1, "1", "1101", floor: 11);
        var u201 = AddUnit(b2, "1", "201", floor: 2);
        AddOwner("张强", "13700001111", u201);
        AddOwner("张伟", "13800138000", u1201);
        AddOwner("张敏", "13955556666", u1201);
        AddOwner("张三", "13600002222", u1101);

        var hits = await As().LookupAsync("张");

        Assert.Equal([(u1101, "张三"), (u1201, "张伟"), (u1201, "张敏"), (u201, "张强")], hits.Select(h => (h.Address.UnitId, h.OwnerName!)));
        Assert.Equal("138****8000", hits[1].PhoneMasked);
    }

    [Fact]
    public async Task Intake_lookup_also_finds_units_without_owners_by_room_in_building_and_room_order()
    {
        var b1 = AddBuilding("1栋");
        var b2 = AddBuilding("2栋");
        var owned = AddUnit(b1, "1", "31203", floor: 3);
        var in2 = AddUnit(b2, "1", "1203", floor: 12);
        var r1203 = AddUnit(b1, "1", "1203", floor: 12);
        var r11203 = AddUnit(b1, "1", "11203", floor: 11);
        AddOwner("张伟", "13800138000", owned);

        var hits = await As().LookupAsync("1203");

        Assert.Equal([(owned, "张伟"), (r11203, null), (r1203, null), (in2, null)], hits.Select(h => (h.Address.UnitId, h.OwnerName)));
        Assert.Null(hits[1].PhoneMasked);
        // The owners found fill the list first; bare units only take the places that are left.
        Assert.Equal([owned, r11203], (await As().LookupAsync("1203", max: 2)).Select(h => h.Address.UnitId));
    }

    [Fact]
    public async Task The_unit_search_is_ordered_by_building_entrance_and_room()
    {
        var b1 = AddBuilding("1栋");
        var b2 = AddBuilding("2栋");
        var in2 = AddUnit(b2, "1", "101");
        var e2 = AddUnit(b1, "2", "101");
        var r102 = AddUnit(b1, "1", "102");
        var r101 = AddUnit(b1, "1", "101");

        Assert.Equal([r101, r102, e2, in2], (await As().SearchAsync("10")).Select(h => h.Address.UnitId));
    }

    [Fact]
    public async Task The_unit_search_shows_the_owner_who_matched_else_the_primary_and_none_for_a_bare_unit()
    {
        var b1 = AddBuilding("1栋");
        var unit = AddUnit(b1, "1", "1201", floor: 12);
        var bare = AddUnit(b1, "1", "1202", floor: 12);
        AddOwner("张伟", "13800138000", unit);
        AddOwner("李娜", "13955556666", unit);

        var byName = Assert.Single(await As().SearchAsync("李娜"));
        Assert.Equal((unit, "李娜", "139****6666"), (byName.Address.UnitId, byName.OwnerName, byName.PhoneMasked));
        Assert.Equal("李娜", Assert.Single(await As().SearchAsync("13955")).OwnerName);

        var byRoom = await As().SearchAsync("120");
        Assert.Equal([(unit, "张伟", "138****8000"), (bare, null, null)], byRoom.Select(h => (h.Address.UnitId, h.OwnerName, h.PhoneMasked)));
    }

    public void Dispose() => _db.Dispose();
}
