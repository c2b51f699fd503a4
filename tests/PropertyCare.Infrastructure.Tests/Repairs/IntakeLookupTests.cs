using PropertyCare.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Owners;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>At intake the desk finds the unit as the caller says it (room address, name, phone) and sees the unit's
/// open orders.</summary>
[Collection(RepairsCollection.Name)]
public class IntakeLookupTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Theory]
    [InlineData("1-1-1203", "1", "1", "1203")]
    [InlineData("1栋1单元1203", "1", "1", "1203")]
    [InlineData("1栋-1单元-1203", "1", "1", "1203")]
    [InlineData("3号楼502", "3", null, "502")]
    [InlineData("1-1203", "1", null, "1203")]
    [InlineData("3号楼2单元502室", "3", "2", "502")]
    [InlineData("1 1203", "1", null, "1203")]
    [InlineData("1－1－1203", "1", "1", "1203")]
    public void Room_addresses_are_parsed(string text, string building, string? entrance, string room) =>
        Assert.Equal(new RoomAddress(building, entrance, room), RoomAddress.Parse(text));

    [Theory]
    [InlineData("1203")]
    [InlineData(" 1203 ")]
    [InlineData("张伟")]
    [InlineData("13800138000")]
    public void Rooms_names_and_phones_are_not_addresses(string text) => Assert.Null(RoomAddress.Parse(text));

    [Fact]
    public async Task The_unit_is_found_by_its_address_name_or_phone_and_its_open_orders_are_listed()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1203", "张伟", "13800138000");
        var (other, _) = await w.AddUnitAsync(w.A, "203", "李娜", "13900139000");
        var units = w.As(Roles.ServiceDesk, w.A).GetRequiredService<UnitService>();

        foreach (var text in new[] { "1-1-1203", "1栋1单元1203", "1栋-1203", "张伟", "8001380" })
        {
            var hits = await units.LookupAsync(text);
            Assert.True(hits.Count == 1 && hits[0].Address.UnitId == unit, $"{text}: {hits.Count} hits");
            Assert.Equal("张伟", hits[0].OwnerName);
            Assert.Equal("138****8000", hits[0].PhoneMasked);
        }
        Assert.Empty(await units.LookupAsync("1-2-1203"));
        Assert.Equal(2, (await units.LookupAsync("203")).Count);

        var (open, number) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        var (cancelled, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "已自行修好"), []);
        await w.Desk(w.A).CancelAsync(cancelled, (await w.OrderAsync(w.A, cancelled)).Version, "业主已自行处理");
        await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(other), []);

        var rows = await w.Desk(w.A).OpenForUnitAsync(unit);
        Assert.Equal([number], rows.Select(r => r.Number).ToArray());
        Assert.Equal(open, rows[0].Id);
        Assert.Equal(RepairStatus.Registered, rows[0].Status);
        Assert.Empty(await w.Desk(w.B).OpenForUnitAsync(unit));
    }

    [Fact]
    public async Task The_dispatch_dialog_sees_how_many_orders_each_technician_has_in_hand()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1203", "张伟", "13800138000");
        var zhang = await w.AddUserAsync(w.A, Roles.Technician, "zhangq", "张强");
        var li = await w.AddUserAsync(w.A, Roles.Technician, "lim", "李明");
        var other = await w.AddUserAsync(w.B, Roles.Technician, "wangw", "王五");
        var (a, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        var (b, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "灯不亮"), []);
        var (done, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "门锁坏了"), []);
        await w.Desk(w.A).DispatchAsync(a, (await w.OrderAsync(w.A, a)).Version, zhang);
        await w.Desk(w.A).DispatchAsync(b, (await w.OrderAsync(w.A, b)).Version, zhang);
        await w.Tech(w.A, zhang).AcceptAsync(b, (await w.OrderAsync(w.A, b)).Version);
        await w.DispatchAndCompleteAsync(w.A, done, li);

        var load = await w.Desk(w.A).TechnicianLoadAsync();

        Assert.Equal(2, load[zhang]);
        Assert.False(load.ContainsKey(li));
        Assert.False(load.ContainsKey(other));
        Assert.Empty(await w.Desk(w.B).TechnicianLoadAsync());
    }
}
