using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Jobs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Jobs;

/// <summary>The project-job filter driven the way Hangfire's worker drives it (before and after a job), without a
/// server: no real time. What the job runs as, which key its run is recorded under, and what a failure records.</summary>
public class ProjectJobFilterTests : IAsyncDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private readonly Logs _logs = new();
    private readonly AppServices _app;

    public ProjectJobFilterTests() => _app = new AppServices(s => s.AddSingleton<ILoggerProvider>(_logs), provider: Provider);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A project job: its first parameter is the project.</summary>
    public sealed class ProbeJob
    {
        public void Run(int projectId, int recordId) { }
    }

    private ProjectJobFilter Filter => _app.Provider.GetRequiredService<ProjectJobFilter>();

    /// <summary>A job stored as Hangfire stores it, with the given job parameters, and its perform context.</summary>
    private PerformContext Stored(int projectId, IDictionary<string, object>? parameters = null)
    {
        var storage = _app.Provider.GetRequiredService<JobStorage>();
        var connection = storage.GetConnection();
        var job = Job.FromExpression<ProbeJob>(j => j.Run(projectId, 7));
        var id = connection.CreateExpiredJob(job, new Dictionary<string, string?>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        var context = new PerformContext(storage, connection, new BackgroundJob(id, job, DateTime.UtcNow), new JobCancellationToken(false));
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>()) context.SetJobParameter(name, value);
        return context;
    }

    private List<JobRun> Runs()
    {
        using var db = new AppDbContext(_app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return db.JobRuns.IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.Id).ToList();
    }

    [Fact]
    public async Task A_project_job_runs_as_the_system_user_of_the_projects_company_inside_the_project()
    {
        var (a, b) = await _app.TwoCompaniesAsync();
        var context = Stored(b.Id);

        Filter.OnPerforming(new PerformingContext(context));

        var tenant = Filter.ScopeOf(context.BackgroundJob.Id)!.ServiceProvider.GetRequiredService<TenantContext>();
        Assert.Equal(("system", b.CompanyId, b.Id), (tenant.User!.UserId, tenant.User.CompanyId, tenant.ProjectId));
        Assert.Empty(tenant.User.Roles);
        var run = Assert.Single(Runs());
        Assert.Equal((b.Id, "ProbeJob.Run", 1, JobRunStatus.Running, context.BackgroundJob.Id), (run.ProjectId, run.JobType, run.Attempt, run.Status, run.BackgroundJobId));

        Filter.OnPerformed(new PerformedContext(context, null, false, null));

        Assert.Equal(JobRunStatus.Succeeded, Runs().Single().Status);
        Assert.Null(Filter.ScopeOf(context.BackgroundJob.Id));
        Assert.NotEqual(a.CompanyId, b.CompanyId);
    }

    public static TheoryData<string?, bool, string> Keys => new()
    {
        // The project's recurring job "p{project}:repair-escalation" is recorded as "repair-escalation".
        { "p{0}:repair-escalation", false, "repair-escalation" },
        // Another project's prefix (or none) is not cut off.
        { "p{1}:repair-escalation", false, "p{1}:repair-escalation" },
        { "outbox", false, "outbox" },
        // Our own key of a delayed job comes first.
        { "p{0}:repair-escalation", true, "callback-12" },
        // Neither: the background job's id.
        { null, false, "{job}" },
    };

    [Theory, MemberData(nameof(Keys))]
    public async Task A_run_is_recorded_under_the_jobs_own_key(string? recurringId, bool delayedKey, string expected)
    {
        var (a, b) = await _app.TwoCompaniesAsync();
        var parameters = new Dictionary<string, object>();
        if (recurringId != null) parameters["RecurringJobId"] = string.Format(recurringId, a.Id, b.Id);
        if (delayedKey) parameters[ProjectJobs.KeyParameter] = "callback-12";
        var context = Stored(a.Id, parameters);

        Filter.OnPerforming(new PerformingContext(context));
        Filter.OnPerformed(new PerformedContext(context, null, false, null));

        Assert.Equal(expected.Replace("{job}", context.BackgroundJob.Id).Replace("{1}", b.Id.ToString()), Runs().Single().JobKey);
    }

    [Fact]
    public async Task A_failed_job_records_the_jobs_own_error_and_is_logged()
    {
        var (a, _) = await _app.TwoCompaniesAsync();
        var context = Stored(a.Id, new Dictionary<string, object> { ["RetryCount"] = 2 });

        Filter.OnPerforming(new PerformingContext(context));
        var error = new JobPerformanceException("wrapped", new InvalidOperationException("短信网关不可用"));
        Filter.OnPerformed(new PerformedContext(context, null, false, error));

        var run = Runs().Single();
        Assert.Equal((3, JobRunStatus.Failed, "短信网关不可用"), (run.Attempt, run.Status, run.Error));
        var logged = Assert.Single(_logs.Entries, e => e.Category == typeof(ProjectJobFilter).FullName);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal("短信网关不可用", logged.Exception?.Message);
    }

    [Fact]
    public async Task A_job_stopped_by_shutdown_is_recorded_as_interrupted_and_will_run_again()
    {
        var (a, _) = await _app.TwoCompaniesAsync();
        var context = Stored(a.Id);

        Filter.OnPerforming(new PerformingContext(context));
        Filter.OnPerformed(new PerformedContext(context, null, false, new OperationCanceledException("The operation was canceled.")));

        var run = Runs().Single();
        Assert.Equal(JobRunStatus.Retrying, run.Status);
        Assert.Contains("interrupted by shutdown", run.Error);
    }

    [Fact]
    public async Task A_job_of_a_project_that_does_not_exist_does_not_run()
    {
        var (_, b) = await _app.TwoCompaniesAsync();
        var context = Stored(b.Id + 100);

        Assert.Throws<InvalidOperationException>(() => Filter.OnPerforming(new PerformingContext(context)));

        Assert.Null(Filter.ScopeOf(context.BackgroundJob.Id));
        Assert.Empty(Runs());
    }

    /// <summary>Keeps what was logged, to see that a failed job is reported.</summary>
    private sealed class Logs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, Exception? Exception)> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(Logs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue((category, logLevel, exception));
        }
    }
}
