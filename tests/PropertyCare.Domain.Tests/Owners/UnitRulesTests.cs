using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Tests.Owners;

public sealed class UnitRulesTests
{
    private static readonly Building Tower = new() { Id = 1, Name = "3栋", Floors = 18 };
    private static UnitDetails Unit(int floor = 12, decimal area = 89.5m, string room = "1202") => new(1, "2", floor, room, area, "三室两厅", UnitState.Vacant);
    private static List<string> Fields(UnitDetails d, Building? b = null) => UnitRules.Validate(d, b ?? Tower).Select(e => e.Field).ToList();

    [Fact]
    public void A_normal_unit_is_valid() => Assert.Empty(Fields(Unit()));

    [Theory]
    [InlineData(0, false)]
    [InlineData(-2, true)]  // basement
    [InlineData(-6, false)]
    [InlineData(18, true)]
    [InlineData(19, false)] // above the building
    public void Floors_are_within_the_building(int floor, bool valid) => Assert.Equal(valid, Fields(Unit(floor: floor)).Count == 0);

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(0.5, true)]
    [InlineData(10001, false)]
    public void Area_is_positive_and_plausible(decimal area, bool valid) => Assert.Equal(valid, Fields(Unit(area: area)).Count == 0);

    [Fact]
    public void Room_and_building_are_required()
    {
        Assert.Equal(["Room"], Fields(Unit(room: " ")));
        Assert.Contains("BuildingId", UnitRules.Validate(Unit(), null).Select(e => e.Field));
    }

    [Fact]
    public void Buildings_need_a_name_and_1_to_200_floors()
    {
        Assert.Equal(["Name", "Floors"], UnitRules.ValidateBuilding("", 0).Select(e => e.Field));
        Assert.Empty(UnitRules.ValidateBuilding("A座", 33));
    }

    [Fact]
    public void Unit_states_read_in_both_languages()
    {
        Assert.True(UnitStateText.TryParse("装修中", out var s) && s == UnitState.Renovating);
        Assert.True(UnitStateText.TryParse("rented", out s) && s == UnitState.Rented);
        Assert.False(UnitStateText.TryParse("空关", out _));
    }
    [Fact]
    public void Texts_exactly_at_their_limit_are_accepted()
    {
        var atLimit = new UnitDetails(1, new string('1', TextLimits.Entrance), 12, new string('2', TextLimits.Label), 89.5m, new string('室', TextLimits.Label), UnitState.Vacant);
        Assert.Empty(Fields(atLimit));
        Assert.Equal(["Room", "Entrance", "Type"], Fields(atLimit with
        {
            Room = new string('2', TextLimits.Label + 1), Entrance = new string('1', TextLimits.Entrance + 1), Type = new string('室', TextLimits.Label + 1),
        }));
    }

    [Fact]
    public void The_lowest_basement_and_the_largest_area_are_allowed()
    {
        Assert.Empty(Fields(Unit(floor: -5)));
        Assert.Empty(Fields(Unit(area: 10000)));
    }

    [Fact]
    public void A_building_without_a_recorded_floor_count_accepts_any_floor_above_ground() =>
        Assert.Empty(Fields(Unit(floor: 40), new Building { Id = 2, Name = "商业街", Floors = 0 }));

    [Fact]
    public void A_wrong_floor_is_told_with_the_buildings_range()
    {
        var e = Assert.Single(UnitRules.Validate(Unit(floor: 19), Tower));
        Assert.Equal("Floor", e.Field);
        Assert.Contains("18", e.Message.Zh);
        Assert.Contains("18", e.Message.En);
        // Without a building there is no range to tell.
        var noBuilding = UnitRules.Validate(Unit(floor: 0), null).Single(x => x.Field == "Floor");
        Assert.DoesNotContain("18", noBuilding.Message.En);
    }

    [Fact]
    public void A_building_name_is_at_most_20_characters_and_floors_1_and_200_are_allowed()
    {
        Assert.Empty(UnitRules.ValidateBuilding(new string('栋', TextLimits.Label), 1));
        Assert.Empty(UnitRules.ValidateBuilding("A座", 200));
        Assert.Equal(["Name", "Floors"], UnitRules.ValidateBuilding(new string('栋', TextLimits.Label + 1), 201).Select(e => e.Field));
    }

    [Fact]
    public void A_units_address_names_its_entrance_when_it_has_one()
    {
        Assert.Equal("3栋-2单元-1202", new Unit { Entrance = "2", Room = "1202" }.Address("3栋"));
        Assert.Equal("商业街-A01", new Unit { Entrance = "", Room = "A01" }.Address("商业街"));
    }
}
