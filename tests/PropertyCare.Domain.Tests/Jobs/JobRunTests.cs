using PropertyCare.Domain.Jobs;

namespace PropertyCare.Domain.Tests.Jobs;

public sealed class JobRunTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0);

    private static JobRun Run(int attempt) => JobRun.Start("callbacks:3", "CallbackReminder", attempt, Now);

    [Fact]
    public void A_run_starts_running()
    {
        var r = Run(1);
        Assert.Equal((JobRunStatus.Running, "callbacks:3", "CallbackReminder", 1, Now), (r.Status, r.JobKey, r.JobType, r.Attempt, r.StartedAt));
        Assert.Null(r.FinishedAt);
    }

    [Fact]
    public void A_successful_run_records_when_it_finished()
    {
        var r = Run(1);
        r.Succeed(Now.AddSeconds(3));
        Assert.Equal(JobRunStatus.Succeeded, r.Status);
        Assert.Equal(Now.AddSeconds(3), r.FinishedAt);
        Assert.Null(r.Error);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public void A_failed_attempt_is_retried_with_back_off(int attempt, int minutes)
    {
        var r = Run(attempt);
        Assert.Equal(Now.AddMinutes(minutes), r.Fail(Now, "数据库忙"));
        Assert.Equal(JobRunStatus.Retrying, r.Status);
        Assert.Equal(Now, r.FinishedAt);
        Assert.Equal("数据库忙", r.Error);
    }

    [Theory]
    [InlineData(JobRun.MaxAttempts)]
    [InlineData(JobRun.MaxAttempts + 1)]
    public void The_last_attempt_fails_for_good(int attempt)
    {
        var r = Run(attempt);
        Assert.Null(r.Fail(Now, "数据库忙"));
        Assert.Equal(JobRunStatus.Failed, r.Status);
        Assert.Equal(Now, r.FinishedAt);
    }

    [Fact]
    public void The_error_kept_is_at_most_1000_characters()
    {
        var r = Run(1);
        r.Fail(Now, new string('错', 1001));
        Assert.Equal(new string('错', 1000), r.Error);
        var s = Run(1);
        s.Fail(Now, new string('误', 999));
        Assert.Equal(new string('误', 999), s.Error);
    }
}
