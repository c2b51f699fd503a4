using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Portal;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Tenancy;

/// <summary>Below the services: the DbContext's filter and write guard, the project door, the HQ
/// cross-project queries and the owner portal.</summary>
public class DataLayerIsolationTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    [Fact]
    public void Adding_a_record_for_another_project_is_refused()
    {
        using var ctx = _db.Db(_db.Tenant(_db.A1));
        ctx.Buildings.Add(new Building { ProjectId = _db.A2.Id, Name = "9栋", Floors = 9 });
        Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        using var check = _db.Db(null);
        Assert.Empty(check.Buildings.IgnoreQueryFilters());
    }

    [Fact]
    public void Changing_or_deleting_another_projects_record_is_refused_even_when_loaded_past_the_filter()
    {
        var foreign = _db.SeedOwner(_db.A2, phone: "13822220000");
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            var owner = ctx.Owners.IgnoreQueryFilters().Single(o => o.Id == foreign.Owner.Id);
            owner.Phone = "13999999999";
            Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        }
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            ctx.Owners.Remove(ctx.Owners.IgnoreQueryFilters().Single(o => o.Id == foreign.Owner.Id));
            Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        }
        using var check = _db.Db(null);
        Assert.Equal("13822220000", check.Owners.IgnoreQueryFilters().Single(o => o.Id == foreign.Owner.Id).Phone);
    }

    [Fact]
    public void Moving_a_record_into_another_project_is_refused()
    {
        var own = _db.SeedOwner(_db.A1);
        using var ctx = _db.Db(_db.Tenant(_db.A1));
        ctx.Owners.Single(o => o.Id == own.Owner.Id).ProjectId = _db.A2.Id;
        Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
    }

    /// <summary>What is in the database about this owner, read past the filter: project, phone and version.</summary>
    private (int ProjectId, string? Phone, int Version, int History) Stored(int ownerId)
    {
        using var check = _db.Db(null);
        var o = check.Owners.IgnoreQueryFilters().AsNoTracking().Single(x => x.Id == ownerId);
        return (o.ProjectId, o.Phone, o.Version, check.ChangeRecords.IgnoreQueryFilters().Count());
    }

    [Fact]
    public void Moving_another_projects_record_into_the_current_project_is_refused()
    {
        // The guard must check where a row comes from, not only where it goes: a row of A2, loaded past the filter
        // while working in A1 and relabelled as A1, would otherwise be taken over by A1.
        var foreign = _db.SeedOwner(_db.A2, phone: "13822220000");
        var before = Stored(foreign.Owner.Id);
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            var owner = ctx.Owners.IgnoreQueryFilters().Single(o => o.Id == foreign.Owner.Id);
            owner.ProjectId = _db.A1.Id;
            owner.Phone = "13999999999";
            Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        }
        Assert.Equal(before, Stored(foreign.Owner.Id));
        Assert.Equal(_db.A2.Id, before.ProjectId);
    }

    [Fact]
    public void A_forged_record_of_another_company_attached_and_moved_in_is_refused()
    {
        // The same take-over with no query at all: an entity built by hand with B1's id and version, attached as
        // unchanged (so the tracker believes it came from B1), then moved into A1.
        var foreign = _db.SeedOwner(_db.B1, phone: "13833330000");
        var before = Stored(foreign.Owner.Id);
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            var forged = new Owner { Id = foreign.Owner.Id, ProjectId = _db.B1.Id, Name = foreign.Owner.Name, IdType = foreign.Owner.IdType,
                IdNumber = foreign.Owner.IdNumber, Phone = foreign.Owner.Phone, Version = foreign.Owner.Version };
            ctx.Owners.Attach(forged);
            forged.ProjectId = _db.A1.Id;
            Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        }
        Assert.Equal(before, Stored(foreign.Owner.Id));
    }

    [Fact]
    public void A_forged_record_claiming_the_current_project_cannot_overwrite_another_projects_row()
    {
        // The forged entity already says A1, so the tracker's original and current ProjectId both match the current
        // project; only the stored row tells that it belongs to A2. Update and Remove both must be refused.
        var foreign = _db.SeedOwner(_db.A2, phone: "13822220000");
        var before = Stored(foreign.Owner.Id);
        Owner Forged() => new() { Id = foreign.Owner.Id, ProjectId = _db.A1.Id, Name = "接管", IdType = foreign.Owner.IdType,
            IdNumber = foreign.Owner.IdNumber, Phone = "13999999999", Version = foreign.Owner.Version };
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            ctx.Owners.Update(Forged());
            Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        }
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            ctx.Owners.Remove(Forged());
            Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        }
        Assert.Equal(before, Stored(foreign.Owner.Id));
    }

    [Fact]
    public void Moving_a_record_of_the_current_project_out_to_another_company_is_refused_and_nothing_changes()
    {
        var own = _db.SeedOwner(_db.A1, phone: "13811110000");
        var before = Stored(own.Owner.Id);
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            var owner = ctx.Owners.Single(o => o.Id == own.Owner.Id);
            owner.ProjectId = _db.B1.Id;
            owner.Phone = "13999999999";
            Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
        }
        Assert.Equal(before, Stored(own.Owner.Id));
        Assert.Equal(_db.A1.Id, before.ProjectId);
    }

    [Fact]
    public void Without_a_project_nothing_is_visible_and_nothing_can_be_written()
    {
        _db.SeedOwner(_db.A1);
        var noProject = _db.Tenant(null);
        using var ctx = _db.Db(noProject);
        Assert.Empty(ctx.Owners);
        Assert.Empty(ctx.Units);
        Assert.Empty(ctx.ChangeRecords);
        ctx.Buildings.Add(new Building { Name = "1栋", Floors = 3 });
        Assert.Throws<TenantViolationException>(() => ctx.SaveChanges());
    }

    [Fact]
    public void Queries_see_only_the_current_project()
    {
        _db.SeedOwner(_db.A1, name: "甲一");
        _db.SeedOwner(_db.A2, name: "甲二");
        _db.SeedOwner(_db.B1, name: "乙一");
        using var ctx = _db.Db(_db.Tenant(_db.A2));
        Assert.Equal(["甲二"], ctx.Owners.Select(o => o.Name));
        Assert.All(ctx.ChangeRecords.ToList(), c => Assert.Equal(_db.A2.Id, c.ProjectId));
    }

    private void AddUser(string id, int companyId, params int[] projects)
    {
        using var ctx = _db.Db(null);
        ctx.Users.Add(new AppUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), CompanyId = companyId });
        ctx.ProjectAssignments.AddRange(projects.Select(p => new ProjectAssignment { UserId = id, ProjectId = p }));
        ctx.SaveChanges();
    }

    private Task<Domain.Tenancy.Project> Enter(string userId, string role, int companyId, int projectId)
    {
        var t = new TenantContext();
        t.SetUser(new UserIdentity(userId, userId, companyId, new HashSet<string> { role }, null));
        return new TenantAccessor(t, _db.Factory(t)).EnterAsync(projectId);
    }

    [Fact]
    public async Task The_project_door_opens_only_for_assigned_staff_and_own_company_hq()
    {
        AddUser("staffA1", _db.CompanyA.Id, _db.A1.Id);
        AddUser("hqA", _db.CompanyA.Id);
        AddUser("hqB", _db.CompanyB.Id);
        Assert.Equal(_db.A1.Id, (await Enter("staffA1", Roles.ServiceDesk, _db.CompanyA.Id, _db.A1.Id)).Id);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Enter("staffA1", Roles.ServiceDesk, _db.CompanyA.Id, _db.A2.Id));
        Assert.Equal(_db.A2.Id, (await Enter("hqA", Roles.HqAuditor, _db.CompanyA.Id, _db.A2.Id)).Id);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Enter("hqB", Roles.HqAuditor, _db.CompanyB.Id, _db.A1.Id));
        // A forged company claim does not help: the project's company must match and HQ of B is not assigned.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Enter("staffA1", Roles.ServiceDesk, _db.CompanyB.Id, _db.B1.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Enter("hqA", Roles.HqAuditor, _db.CompanyA.Id, 9999));
    }

    [Fact]
    public async Task Head_office_overview_covers_its_own_company_only()
    {
        _db.SeedOwner(_db.A1);
        _db.SeedOwner(_db.A2);
        _db.SeedOwner(_db.B1);
        var hqA = _db.Tenant(null, Roles.HqAuditor, companyId: _db.CompanyA.Id);
        var rows = await new HqQueries(_db.Factory(hqA), hqA).ProjectOverviewAsync();
        Assert.Equal([_db.A1.Id, _db.A2.Id], rows.Select(r => r.ProjectId));
        Assert.All(rows, r => Assert.Equal((1, 1), (r.Units, r.Owners)));

        var staff = _db.Tenant(_db.A1, Roles.ServiceDesk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => new HqQueries(_db.Factory(staff), staff).ProjectOverviewAsync());
    }

    [Fact]
    public async Task An_owner_sees_only_units_of_their_own_owner_record()
    {
        var mine = _db.SeedOwner(_db.A1, room: "1201", name: "业主甲");
        var neighbour = _db.SeedOwner(_db.A1, room: "1202", name: "业主乙");
        var t = _db.Tenant(_db.A1, Roles.Owner, ownerId: mine.Owner.Id);
        var units = await new OwnerPortalService(_db.Factory(t), t).MyUnitsAsync();
        Assert.Equal([mine.Unit.Id], units.Select(u => u.UnitId));

        var staff = _db.Tenant(_db.A1, Roles.ServiceDesk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => new OwnerPortalService(_db.Factory(staff), staff).MyUnitsAsync());
        Assert.NotEqual(mine.Unit.Id, neighbour.Unit.Id);
    }

    public void Dispose() => _db.Dispose();
}
