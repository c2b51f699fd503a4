using PropertyCare.Domain.Access;

namespace PropertyCare.Domain.Tests.Access;

public sealed class PermissionsTests
{
    private static IReadOnlySet<string> Of(string role) => Permissions.ForRoles([role]);

    [Fact]
    public void Service_desk_reads_writes_and_reveals_but_does_not_export_import_or_manage_staff()
    {
        var p = Of(Roles.ServiceDesk);
        Assert.Superset(new HashSet<string> { Permissions.OwnersRead, Permissions.OwnersWrite, Permissions.OwnersReveal }, p.ToHashSet());
        Assert.DoesNotContain(Permissions.OwnersExport, p);
        Assert.DoesNotContain(Permissions.OwnersImport, p);
        Assert.DoesNotContain(Permissions.StaffManage, p);
    }

    [Fact]
    public void Only_the_project_manager_exports_imports_and_manages_staff()
    {
        foreach (var role in Roles.All)
        {
            var p = Of(role);
            var manager = role == Roles.ProjectManager;
            Assert.Equal(manager, p.Contains(Permissions.OwnersExport));
            Assert.Equal(manager, p.Contains(Permissions.OwnersImport));
            Assert.Equal(manager, p.Contains(Permissions.StaffManage));
        }
    }

    [Fact]
    public void Head_office_reads_across_projects_but_never_writes()
    {
        var p = Of(Roles.HqAuditor);
        Assert.Contains(Permissions.HqRead, p);
        Assert.Contains(Permissions.OwnersRead, p);
        Assert.DoesNotContain(Permissions.OwnersWrite, p);
    }

    [Theory]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Owner)]
    [InlineData(Roles.PlatformAdmin)]
    public void Technicians_owners_and_the_platform_admin_cannot_read_owner_records(string role)
    {
        Assert.DoesNotContain(Permissions.OwnersRead, Of(role));
        Assert.DoesNotContain(Permissions.OwnersReveal, Of(role));
    }

    [Fact]
    public void Only_owners_use_the_owner_portal_and_only_the_platform_admin_manages_the_platform()
    {
        Assert.Equal([Roles.Owner], Roles.All.Where(r => Of(r).Contains(Permissions.OwnerPortal)));
        Assert.Equal([Roles.PlatformAdmin], Roles.All.Where(r => Of(r).Contains(Permissions.ManagePlatform)));
    }

    [Fact]
    public void Permissions_of_several_roles_add_up_and_unknown_roles_give_none()
    {
        Assert.Empty(Permissions.ForRoles(["Janitor"]));
        var both = Permissions.ForRoles([Roles.Owner, Roles.ServiceDesk]);
        Assert.Contains(Permissions.OwnerPortal, both);
        Assert.Contains(Permissions.OwnersWrite, both);
    }
}
