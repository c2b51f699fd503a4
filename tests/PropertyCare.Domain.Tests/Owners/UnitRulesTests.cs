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
}
