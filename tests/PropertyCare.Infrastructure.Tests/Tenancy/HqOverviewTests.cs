using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Tenancy;

/// <summary>Head office's project overview against a fixture with known figures: units per state, owners and
/// flagged phones counted per project, a project without owners, and nothing of another company.</summary>
public class HqOverviewTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private void AddUnits(Project project, params UnitState[] states)
    {
        using var ctx = _db.Db(_db.Tenant(project));
        var b = new Building { Name = "1栋", Floors = 30 };
        ctx.Buildings.Add(b);
        ctx.SaveChanges();
        var room = 100;
        foreach (var s in states)
            ctx.Units.Add(new Unit { BuildingId = b.Id, Entrance = "1", Floor = 1, Room = (++room).ToString(), Area = 80m, Type = "两室一厅", State = s });
        ctx.SaveChanges();
    }

    private void AddOwners(Project project, int count, int flagged)
    {
        using var ctx = _db.Db(_db.Tenant(project));
        for (var i = 0; i < count; i++)
            ctx.Owners.Add(new Owner { Name = $"业主{i}", IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = $"1380013{i:0000}", PhoneFlaggedWrong = i < flagged });
        ctx.SaveChanges();
    }

    private Task<List<ProjectOverview>> OverviewAsync(int? companyId)
    {
        var hq = _db.Tenant(null, Roles.HqAuditor, companyId: companyId);
        if (companyId == null) hq.SetUser(new UserIdentity("u-hq", "总部", null, new HashSet<string> { Roles.HqAuditor }, null));
        return new HqQueries(_db.Factory(hq), hq).ProjectOverviewAsync();
    }

    [Fact]
    public async Task Each_project_shows_its_own_units_by_state_owners_and_flagged_phones()
    {
        AddUnits(_db.A1, UnitState.Occupied, UnitState.Occupied, UnitState.Occupied, UnitState.Vacant, UnitState.Renovating, UnitState.Rented);
        AddUnits(_db.A2, UnitState.Vacant, UnitState.Vacant);
        AddUnits(_db.B1, UnitState.Occupied);
        AddOwners(_db.A1, 4, flagged: 1);
        AddOwners(_db.B1, 2, flagged: 2);

        var rows = await OverviewAsync(_db.CompanyA.Id);

        Assert.Equal(
        [
            new ProjectOverview(_db.A1.Id, "翠湖花园", _db.A1.City, 6, 3, 1, 1, 4, 1),
            new ProjectOverview(_db.A2.Id, "锦江华府", _db.A2.City, 2, 0, 2, 0, 0, 0),
        ], rows);
        Assert.Equal((0.5, 0.0), (rows[0].OccupancyRate, rows[1].OccupancyRate));
    }

    [Fact]
    public async Task A_project_without_units_has_no_occupancy_rather_than_an_error()
    {
        var rows = await OverviewAsync(_db.CompanyB.Id);

        var b1 = Assert.Single(rows);
        Assert.Equal((0, 0, 0.0), (b1.Units, b1.Owners, b1.OccupancyRate));
    }

    [Fact]
    public async Task Head_office_without_a_company_sees_no_project()
    {
        AddUnits(_db.A1, UnitState.Occupied);

        Assert.Empty(await OverviewAsync(null));
    }

    public void Dispose() => _database?.Dispose();
}
