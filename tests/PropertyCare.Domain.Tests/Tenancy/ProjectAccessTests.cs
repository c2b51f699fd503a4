using PropertyCare.Domain.Access;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Domain.Tests.Tenancy;

public sealed class ProjectAccessTests
{
    private static readonly Project A1 = new() { Id = 1, CompanyId = 10 };
    private static readonly Project A2 = new() { Id = 2, CompanyId = 10 };
    private static readonly Project B1 = new() { Id = 3, CompanyId = 20 };

    private static UserIdentity User(string role, int? company = 10) => new("u", "n", company, new HashSet<string> { role }, null);

    [Fact]
    public void Staff_enter_only_the_projects_they_are_assigned_to()
    {
        Assert.True(ProjectAccess.CanEnter(User(Roles.ServiceDesk), A1, [1]));
        Assert.False(ProjectAccess.CanEnter(User(Roles.ServiceDesk), A2, [1]));
    }

    [Fact]
    public void Head_office_enters_every_project_of_its_company_and_none_of_another()
    {
        Assert.True(ProjectAccess.CanEnter(User(Roles.HqAuditor), A1, []));
        Assert.True(ProjectAccess.CanEnter(User(Roles.HqAuditor), A2, []));
        Assert.False(ProjectAccess.CanEnter(User(Roles.HqAuditor), B1, []));
    }

    [Fact]
    public void An_assignment_to_another_companys_project_does_not_open_it() =>
        Assert.False(ProjectAccess.CanEnter(User(Roles.ProjectManager), B1, [3]));

    [Fact]
    public void Inactive_projects_are_closed_to_everyone()
    {
        var closed = new Project { Id = 4, CompanyId = 10, IsActive = false };
        Assert.False(ProjectAccess.CanEnter(User(Roles.HqAuditor), closed, [4]));
        Assert.False(ProjectAccess.CanEnter(User(Roles.ServiceDesk), closed, [4]));
    }

    [Fact]
    public void The_platform_admin_belongs_to_no_company_and_enters_no_project() =>
        Assert.False(ProjectAccess.CanEnter(User(Roles.PlatformAdmin, company: null), A1, [1]));
}
