using PropertyCare.Domain.Access;

namespace PropertyCare.Domain.Tenancy;

/// <summary>Who may work inside a project. One rule, asked by the tenant accessor on every entry,
/// so a URL with another project's id leads nowhere.</summary>
public static class ProjectAccess
{
    public static bool CanEnter(UserIdentity user, Project project, IReadOnlyCollection<int> assignedProjectIds)
    {
        if (!project.IsActive) return false;
        if (user.CompanyId != project.CompanyId) return false;
        if (user.Roles.Contains(Roles.HqAuditor)) return true;
        return assignedProjectIds.Contains(project.Id);
    }
}
