using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

/// <summary>The unit picker's search: a room, a full address as people type it, or an owner's name or phone.</summary>
public class UnitSearchTests : IDisposable
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

    [Theory]
    [InlineData("1-1-1203")]
    [InlineData("1栋1单元1203")]
    [InlineData("1栋-1单元-1203")]
    [InlineData("1 1203")]
    [InlineData("1203")]
    [InlineData("李娜")]
    [InlineData("13955")]
    public async Task Finds_a_unit_by_address_room_owner_name_or_phone(string text)
    {
        _db.SeedOwner(_db.A1, room: "1201", name: "张伟", phone: "13800138000");
        _db.SeedOwner(_db.A1, room: "1203", name: "李娜", phone: "13955556666");

        var hit = Assert.Single(await As().SearchAsync(text));

        Assert.Equal(("1栋-1单元-1203", "李娜", "139****6666"), (hit.Address.ToString(), hit.OwnerName, hit.PhoneMasked));
    }

    [Fact]
    public async Task Another_entrance_or_building_finds_nothing_and_other_projects_stay_hidden()
    {
        _db.SeedOwner(_db.A1, room: "1203", name: "李娜");
        _db.SeedOwner(_db.A2, room: "1203", name: "李娜");

        Assert.Empty(await As().SearchAsync("1-2-1203"));
        Assert.Empty(await As().SearchAsync("2栋1203"));
        Assert.Single(await As().SearchAsync("李娜"));
    }

    [Fact]
    public async Task Users_without_owner_access_are_refused()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.Technician).SearchAsync("1203"));
    }

    [Fact]
    public async Task A_room_typed_part_way_after_its_building_already_finds_the_unit()
    {
        _db.SeedOwner(_db.A1, room: "1203", name: "李娜");
        Assert.Equal("1栋-1单元-1203", Assert.Single(await As().SearchAsync("1-1-12")).Address.ToString());
    }

    public void Dispose() => _db.Dispose();
}
