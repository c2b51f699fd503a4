using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class CallbackRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(CallbackStatus.Pending, 0, null, CallbackBucket.DueToday)]
    [InlineData(CallbackStatus.Pending, -1, null, CallbackBucket.Overdue)]
    [InlineData(CallbackStatus.Pending, -30, null, CallbackBucket.Overdue)]
    [InlineData(CallbackStatus.Pending, 1, null, CallbackBucket.Upcoming)]
    // No answer: the callback stays pending but sits under 未接通, whatever its due date.
    [InlineData(CallbackStatus.Pending, 0, CallOutcome.NoAnswer, CallbackBucket.Unreachable)]
    [InlineData(CallbackStatus.Pending, -2, CallOutcome.NoAnswer, CallbackBucket.Unreachable)]
    [InlineData(CallbackStatus.Pending, 2, CallOutcome.NoAnswer, CallbackBucket.Unreachable)]
    [InlineData(CallbackStatus.Unreachable, 0, CallOutcome.EmptyNumber, CallbackBucket.Unreachable)]
    [InlineData(CallbackStatus.Unreachable, -5, CallOutcome.WrongInfo, CallbackBucket.Unreachable)]
    [InlineData(CallbackStatus.Done, 0, CallOutcome.Answered, CallbackBucket.Finished)]
    [InlineData(CallbackStatus.Done, -3, CallOutcome.Answered, CallbackBucket.Finished)]
    [InlineData(CallbackStatus.Cancelled, -3, null, CallbackBucket.Finished)]
    [InlineData(CallbackStatus.Cancelled, 0, CallOutcome.NoAnswer, CallbackBucket.Finished)]
    public void Each_callback_sits_in_one_bucket(CallbackStatus status, int dueInDays, CallOutcome? lastOutcome, CallbackBucket expected) =>
        Assert.Equal(expected, CallbackRules.BucketOf(status, Today.AddDays(dueInDays), lastOutcome, Today));

    [Theory]
    [InlineData(0, 0, "100")]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(3, 3, "100")]
    [InlineData(0, 5, "0")]
    [InlineData(7, 8, "87.5")]
    public void The_callback_rate_is_a_percentage_with_one_decimal(int answered, int due, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CallbackRules.Rate(answered, due));

    [Fact]
    public void Buckets_and_outcomes_have_chinese_labels()
    {
        Assert.Equal(["今日到期", "已逾期", "未接通", "即将到期", "已完成"], Enum.GetValues<CallbackBucket>().Select(b => b.Label().Zh));
        Assert.Equal(["已接通", "无人接听", "空号", "信息错误"], Enum.GetValues<CallOutcome>().Select(o => o.Label().Zh));
        Assert.Equal(["待回访", "已回访", "无法联系", "已取消"], Enum.GetValues<CallbackStatus>().Select(s => s.Label().Zh));
    }
}
