using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Tenancy;

/// <summary>The tenant context and the project door: which project a session is in after a sign-in change or a
/// project switch, when the layout is told, and which projects the switcher offers.</summary>
public class TenantContextTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private static UserIdentity User(string id, int companyId, string role) => new(id, id, companyId, new HashSet<string> { role }, null);

    private void Assign(string userId, int companyId, params Project[] projects)
    {
        using var ctx = _db.Db(null);
        ctx.Users.Add(new AppUser { Id = userId, UserName = userId, NormalizedUserName = userId.ToUpperInvariant(), CompanyId = companyId });
        ctx.ProjectAssignments.AddRange(projects.Select(p => new ProjectAssignment { UserId = userId, ProjectId = p.Id }));
        ctx.SaveChanges();
    }

    [Fact]
    public async Task Entering_a_project_puts_the_session_in_it()
    {
        Assign("desk", _db.CompanyA.Id, _db.A1, _db.A2);
        var tenant = new TenantContext();
        tenant.SetUser(User("desk", _db.CompanyA.Id, Roles.ServiceDesk));
        var door = new TenantAccessor(tenant, _db.Factory(tenant));

        await door.EnterAsync(_db.A2.Id);

        Assert.Equal(_db.A2.Id, tenant.ProjectId);
        Assert.Equal(_db.A2.Id, tenant.RequireProject(Permissions.RepairsRead));
    }

    [Fact]
    public void Another_user_signing_in_on_the_same_session_leaves_the_project_while_the_same_user_keeps_it()
    {
        var tenant = _db.Tenant(_db.A1, Roles.ServiceDesk, userId: "desk");

        // The same account again (its identity refreshed, e.g. new permissions): still in its project.
        tenant.SetUser(User("desk", _db.CompanyA.Id, Roles.ProjectManager));
        Assert.Equal(_db.A1.Id, tenant.ProjectId);

        // Someone else: not in the previous user's project until the door lets them in.
        tenant.SetUser(User("other", _db.CompanyA.Id, Roles.ServiceDesk));
        Assert.Null(tenant.ProjectId);
        Assert.Throws<AccessDeniedException>(() => tenant.RequireProject(Permissions.RepairsRead));

        tenant.SetUser(null);
        Assert.Null(tenant.ProjectId);
    }

    [Fact]
    public void The_layout_is_told_when_the_project_changes_and_only_then()
    {
        var tenant = _db.Tenant(null, Roles.HqAuditor);
        var door = new TenantAccessor(tenant, _db.Factory(tenant));
        var told = 0;
        tenant.ProjectChanged += () => told++;

        door.EnterTrusted(_db.A1);
        Assert.Equal(1, told);
        door.EnterTrusted(_db.A1);
        Assert.Equal(1, told);
        door.EnterTrusted(_db.A2);
        Assert.Equal(2, told);
        Assert.Equal(_db.A2.Id, tenant.ProjectId);
    }

    [Fact]
    public async Task The_project_switcher_offers_staff_their_own_assignments_in_project_order()
    {
        Assign("desk", _db.CompanyA.Id, _db.A2, _db.A1);
        Assign("colleague", _db.CompanyA.Id, _db.A1);
        Assign("other", _db.CompanyA.Id, _db.A2);
        var tenant = new TenantContext();
        tenant.SetUser(User("desk", _db.CompanyA.Id, Roles.ServiceDesk));
        var colleague = new TenantContext();
        colleague.SetUser(User("colleague", _db.CompanyA.Id, Roles.ServiceDesk));

        Assert.Equal([_db.A1.Id, _db.A2.Id], (await new TenantAccessor(tenant, _db.Factory(tenant)).AccessibleProjectsAsync()).Select(p => p.Id));
        Assert.Equal([_db.A1.Id], (await new TenantAccessor(colleague, _db.Factory(colleague)).AccessibleProjectsAsync()).Select(p => p.Id));
    }

    [Fact]
    public async Task The_project_switcher_offers_head_office_every_project_of_its_own_company_and_none_of_another()
    {
        Assign("hqA", _db.CompanyA.Id);
        Assign("hqB", _db.CompanyB.Id);
        var hqA = new TenantContext();
        hqA.SetUser(User("hqA", _db.CompanyA.Id, Roles.HqAuditor));
        var hqB = new TenantContext();
        hqB.SetUser(User("hqB", _db.CompanyB.Id, Roles.HqAuditor));

        var offered = await new TenantAccessor(hqA, _db.Factory(hqA)).AccessibleProjectsAsync();
        Assert.Equal([_db.A1.Id, _db.A2.Id], offered.Select(p => p.Id));
        Assert.All(offered, p => Assert.Equal("甲物业", p.Company!.Name));
        Assert.Equal([_db.B1.Id], (await new TenantAccessor(hqB, _db.Factory(hqB)).AccessibleProjectsAsync()).Select(p => p.Id));
    }

    public void Dispose() => _database?.Dispose();
}
