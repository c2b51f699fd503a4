using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Infrastructure.Tenancy;

/// <summary>The one accessor everything asks: who is signed in and which project (tenant) they work in.
/// Scoped: one per request, per Blazor circuit, per job execution. The DbContext reads it at query time.</summary>
public sealed class TenantContext
{
    public UserIdentity? User { get; private set; }
    public Project? Project { get; private set; }
    public int? ProjectId => Project?.Id;

    /// <summary>The address the signed-in session connects from, set by the web host when the circuit (or request)
    /// starts: in Blazor Server the HTTP request is gone once the circuit runs, so it is captured then. Null in jobs.</summary>
    public string? ClientIp { get; set; }

    public void SetUser(UserIdentity? user)
    {
        if (User?.UserId != user?.UserId) Project = null;
        User = user;
    }

    /// <summary>Only <see cref="TenantAccessor"/> calls this, after the access rule said yes.</summary>
    internal void SetProject(Project project)
    {
        var changed = Project?.Id != project.Id;
        Project = project;
        if (changed) ProjectChanged?.Invoke();
    }

    /// <summary>Lets the layout show the project the page entered (name in the top bar, navigation).</summary>
    public event Action? ProjectChanged;

    public UserIdentity RequireUser() => User ?? throw new AccessDeniedException();

    /// <summary>Services call this first: the caller is signed in, inside a project, and holds the permission.</summary>
    public int RequireProject(string permission)
    {
        var user = RequireUser();
        if (!user.Has(permission)) throw new AccessDeniedException();
        return ProjectId ?? throw new AccessDeniedException(new Text("请先选择项目", "Choose a project first"));
    }

    /// <summary>Like <see cref="RequireProject"/>, for reads open to several kinds of user (the desk, a department, the owner).</summary>
    public int RequireProjectAny(params string[] permissions)
    {
        var user = RequireUser();
        if (!permissions.Any(user.Has)) throw new AccessDeniedException();
        return ProjectId ?? throw new AccessDeniedException(new Text("请先选择项目", "Choose a project first"));
    }

    public void Require(string permission)
    {
        if (!RequireUser().Has(permission)) throw new AccessDeniedException();
    }
}

/// <summary>A write of another project's record reached the data layer: the isolation guard refused it.</summary>
public sealed class TenantViolationException(string message) : InvalidOperationException(message);
