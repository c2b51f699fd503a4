using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Jobs;

public enum JobRunStatus { Running = 0, Succeeded = 1, Retrying = 2, Failed = 3 }

/// <summary>One execution of a project's background job, kept so people can see what ran, what is
/// being retried and what failed for good.</summary>
public class JobRun : ITenantOwned
{
    public const int MaxAttempts = 3;

    public long Id { get; set; }
    public int ProjectId { get; set; }
    public string JobKey { get; set; } = "";
    public string JobType { get; set; } = "";
    public int Attempt { get; set; }
    /// <summary>Hangfire's id of the job this run belongs to (retry and delete act on it).</summary>
    public string? BackgroundJobId { get; set; }
    public JobRunStatus Status { get; private set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; private set; }
    public string? Error { get; private set; }

    public static JobRun Start(string jobKey, string jobType, int attempt, DateTime now) =>
        new() { JobKey = jobKey, JobType = jobType, Attempt = attempt, StartedAt = now, Status = JobRunStatus.Running };

    public void Succeed(DateTime now) { Status = JobRunStatus.Succeeded; FinishedAt = now; }

    /// <summary>Failed attempts are retried with back-off (1, 2 … minutes) until <see cref="MaxAttempts"/>;
    /// returns when to try again, or null when the job has failed for good.</summary>
    public DateTime? Fail(DateTime now, string error)
    {
        FinishedAt = now;
        Error = error.Length > 1000 ? error[..1000] : error;
        if (Attempt >= MaxAttempts) { Status = JobRunStatus.Failed; return null; }
        Status = JobRunStatus.Retrying;
        return now.AddMinutes(Math.Pow(2, Attempt - 1));
    }
}
