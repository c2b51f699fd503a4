using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>Resolves a job's service from the scope <see cref="ProjectJobFilter"/> opened and entered for it
/// (so a project job's DbContext factory, TenantContext… are those of its project); any other job gets a
/// fresh scope of its own.</summary>
public sealed class ProjectJobActivator(IServiceScopeFactory scopes, ProjectJobFilter filter) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) =>
        filter.ScopeOf(context.BackgroundJob.Id) is { } entered ? new Scope(entered, owned: false) : new Scope(scopes.CreateScope(), owned: true);

    private sealed class Scope(IServiceScope scope, bool owned) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);
        // The filter disposes a project's scope after recording the run.
        public override void DisposeScope() { if (owned) scope.Dispose(); }
    }
}
