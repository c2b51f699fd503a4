using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>One DI scope per job execution (Quartz 3's DI package is not on the feed): the job gets its own
/// TenantContext and DbContext factory, and the scope ends with the execution.</summary>
public sealed class ScopedJobFactory(IServiceScopeFactory scopes) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var scope = scopes.CreateScope();
        try
        {
            return new ScopedJob(scope, (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType));
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();

    private sealed class ScopedJob(IServiceScope scope, IJob inner) : IJob, IDisposable
    {
        public Task Execute(IJobExecutionContext context) => inner.Execute(context);
        public void Dispose() => scope.Dispose();
    }
}
