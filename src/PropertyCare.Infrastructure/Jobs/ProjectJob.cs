using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;
using Quartz;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>Base of every job that works on a project's data: it enters the project named in its job data
/// before doing anything, so the isolation guard applies to jobs exactly as to people.</summary>
public abstract class ProjectJob(IServiceProvider services) : IJob
{
    public const string ProjectIdKey = "projectId";

    public async Task Execute(IJobExecutionContext context)
    {
        var projectId = context.MergedJobDataMap.GetIntValueFromString(ProjectIdKey);
        var tenant = services.GetRequiredService<TenantContext>();
        await using (var db = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, context.CancellationToken)
                ?? throw new JobExecutionException($"Project {projectId} does not exist.");
            tenant.SetUser(new UserIdentity("system", "系统任务", project.CompanyId, new HashSet<string>(), null));
            services.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        }
        await ExecuteInProjectAsync(context, tenant.ProjectId!.Value, context.CancellationToken);
    }

    protected abstract Task ExecuteInProjectAsync(IJobExecutionContext context, int projectId, CancellationToken ct);
}
