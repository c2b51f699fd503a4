using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>The custody form's unit search: any vacant unit of a large project is found by its words (the old picker
/// listed the first 100 only), never an occupied one or another project's, and at most 20 at a time.</summary>
[Collection(RepairsCollection.Name)]
public class VacantUnitSearchTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>120 vacant units in 1栋 (they fill the first 100 places by address), then 9栋: 2808 vacant, 2809 occupied;
    /// an occupied 1栋 2808 too, so the room alone does not make a hit.</summary>
    private static async Task<int> ArrangeAsync(VacantWorld w, Project p, int fill)
    {
        await using var db = w.W.Db(p);
        var one = new Building { Name = "1栋", Floors = 30 };
        var nine = new Building { Name = "9栋", Floors = 30 };
        db.Buildings.AddRange(one, nine);
        await db.SaveChangesAsync();
        for (var i = 0; i < fill; i++)
            db.Units.Add(new Unit { BuildingId = one.Id, Entrance = "1", Floor = 1 + i / 10, Room = $"{1 + i / 10:D2}{1 + i % 10:D2}", Area = 90m, Type = "两室", State = UnitState.Vacant });
        db.Units.Add(new Unit { BuildingId = one.Id, Entrance = "1", Floor = 28, Room = "2808", Area = 90m, Type = "两室", State = UnitState.Occupied });
        db.Units.Add(new Unit { BuildingId = nine.Id, Entrance = "2", Floor = 28, Room = "2809", Area = 90m, Type = "两室", State = UnitState.Occupied });
        var target = new Unit { BuildingId = nine.Id, Entrance = "2", Floor = 28, Room = "2808", Area = 90m, Type = "两室", State = UnitState.Vacant };
        db.Units.Add(target);
        await db.SaveChangesAsync();
        return target.Id;
    }

    [Fact]
    public async Task A_vacant_unit_beyond_the_first_hundred_is_found_by_its_room_and_only_vacant_units_of_this_project()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var target = await ArrangeAsync(w, w.A, 120);
        var otherProjects = await ArrangeAsync(w, w.B, 0);
        var desk = w.Desk(w.A);
        Assert.DoesNotContain(target, (await desk.ListAsync(1, VacantUnitService.MaxPageSize)).Items.Select(u => u.UnitId));

        var hit = Assert.Single((await desk.SearchAsync("2808")).Items);
        Assert.Equal((target, "9栋-2单元-2808"), (hit.UnitId, hit.Address));
        foreach (var text in new[] { "9栋", " 9栋  2808 ", "9栋-2单元-2808", "2单元" })
            Assert.Equal([target], (await desk.SearchAsync(text)).Items.Select(u => u.UnitId));
        Assert.Empty((await desk.SearchAsync("2809")).Items); // occupied
        Assert.Empty((await desk.SearchAsync("9栋 0101")).Items); // every word must match

        // Another project sees its own 2808 only, and A's never.
        Assert.Equal([otherProjects], (await w.Desk(w.B).SearchAsync("2808")).Items.Select(u => u.UnitId));
    }

    [Fact]
    public async Task At_most_twenty_at_a_time_with_the_total_and_pages_in_address_order()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var target = await ArrangeAsync(w, w.A, 120);
        var desk = w.Desk(w.A);

        var all = await desk.SearchAsync("", 1, 500);
        Assert.Equal((121, VacantUnitService.MaxSearchResults), (all.Total, all.Items.Count));
        Assert.Equal("1栋-1单元-0101", all.Items[0].Address);
        var last = await desk.SearchAsync(null, 7, 20);
        Assert.Equal(target, last.Items[^1].UnitId);
        Assert.Equal(["1栋-1单元-0105"], (await desk.SearchAsync("1栋 0105")).Items.Select(u => u.Address));
    }

    [Theory]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Owner)]
    public async Task Refused_to_technicians_and_owners(string role)
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        await ArrangeAsync(w, w.A, 1);
        var service = w.W.As(role, w.A, "u-someone", "某人", role == Roles.Owner ? 1 : null).GetRequiredService<VacantUnitService>();
        await Assert.ThrowsAsync<Domain.Common.AccessDeniedException>(() => service.SearchAsync("2808"));
    }
}
