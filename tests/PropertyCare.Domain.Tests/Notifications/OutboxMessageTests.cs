using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;

namespace PropertyCare.Domain.Tests.Notifications;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0);
    private const string Code = "您的验证码是 482913，5 分钟内有效。";

    private static OutboxMessage Sms(bool confidential = false, string body = "您的报修单 BX-20261120-0001 已派工。") =>
        OutboxMessage.Create(Channel.Sms, "13800138000", "", body, "repair:7:dispatched", Now, confidential);

    private static string[] CreateErrors(string recipient, string body, string dedupKey) =>
        Assert.Throws<ValidationException>(() => OutboxMessage.Create(Channel.Sms, recipient, "", body, dedupKey, Now))
            .Errors.Select(e => e.Field).ToArray();

    /// <summary>Fails the message <paramref name="times"/> times, each attempt when it is due.</summary>
    private static DateTime FailTimes(OutboxMessage m, int times)
    {
        var at = Now;
        for (var i = 0; i < times; i++)
        {
            at = m.NextAttemptAt;
            m.MarkAttemptFailed(at, "网关超时");
        }
        return at;
    }

    [Fact]
    public void A_new_message_is_pending_and_due_at_once_with_its_text_trimmed()
    {
        var m = OutboxMessage.Create(Channel.Email, " li@example.com ", " 报修进度 ", "  已派工  ", "repair:7:dispatched", Now);

        Assert.Equal(OutboxStatus.Pending, m.Status);
        Assert.Equal(Channel.Email, m.Channel);
        Assert.Equal(("li@example.com", "报修进度", "已派工", "repair:7:dispatched"), (m.Recipient, m.Subject, m.Body, m.DedupKey));
        Assert.Equal(Now, m.CreatedAt);
        Assert.Equal(Now, m.NextAttemptAt);
        Assert.Equal(0, m.Attempts);
        Assert.False(m.Confidential);
        Assert.True(m.IsDue(Now));
    }

    [Fact]
    public void A_message_needs_a_recipient_a_text_and_a_dedup_key()
    {
        Assert.Equal(["Recipient", "Body", "DedupKey"], CreateErrors(" ", "", "  "));
        Assert.Equal(["Recipient"], CreateErrors("", "已派工", "k"));
        Assert.Equal(["Body"], CreateErrors("13800138000", " ", "k"));
        Assert.Equal(["DedupKey"], CreateErrors("13800138000", "已派工", ""));
    }

    [Fact]
    public void A_message_is_due_from_its_next_attempt_time_while_pending()
    {
        var m = Sms();
        Assert.False(m.IsDue(Now.AddSeconds(-1)));
        Assert.True(m.IsDue(Now));
        Assert.True(m.IsDue(Now.AddHours(1)));

        m.MarkSent(Now, "sms-gateway");
        Assert.False(m.IsDue(Now.AddHours(1)));
    }

    [Fact]
    public void Sending_records_who_sent_it_and_when_and_clears_the_last_error()
    {
        var m = Sms();
        m.MarkAttemptFailed(Now, "网关超时");
        m.MarkSent(Now.AddMinutes(1), "sms-gateway");

        Assert.Equal(OutboxStatus.Sent, m.Status);
        Assert.Equal(2, m.Attempts);
        Assert.Equal(Now.AddMinutes(1), m.SentAt);
        Assert.Equal("sms-gateway", m.SentBy);
        Assert.Null(m.LastError);
        Assert.Equal("您的报修单 BX-20261120-0001 已派工。", m.Body);
    }

    [Fact]
    public void A_message_is_sent_only_once()
    {
        var m = Sms();
        m.MarkSent(Now, "sms-gateway");
        Assert.Throws<DomainException>(() => m.MarkSent(Now, "sms-gateway"));
        Assert.Throws<DomainException>(() => m.MarkAttemptFailed(Now, "网关超时"));
        Assert.Equal(1, m.Attempts);
    }

    [Fact]
    public void A_one_time_code_is_erased_once_sent()
    {
        var m = Sms(confidential: true, body: Code);
        Assert.Equal(Code, m.Body);
        m.MarkSent(Now, "sms-gateway");
        Assert.Equal("", m.Body);
        Assert.True(m.Confidential);
    }

    [Fact]
    public void Failed_attempts_back_off_1_2_4_8_minutes()
    {
        var m = Sms();
        m.MarkAttemptFailed(Now, "网关超时");
        Assert.Equal((1, Now.AddMinutes(1)), (m.Attempts, m.NextAttemptAt));
        Assert.False(m.IsDue(Now.AddSeconds(59)));
        m.MarkAttemptFailed(Now, "网关超时");
        Assert.Equal((2, Now.AddMinutes(2)), (m.Attempts, m.NextAttemptAt));
        m.MarkAttemptFailed(Now, "网关超时");
        m.MarkAttemptFailed(Now, "网关超时");
        Assert.Equal((4, Now.AddMinutes(8)), (m.Attempts, m.NextAttemptAt));
        Assert.Equal(OutboxStatus.Pending, m.Status);
        Assert.Equal("网关超时", m.LastError);
    }

    [Fact]
    public void The_fifth_failure_stops_the_message_in_failed()
    {
        var m = Sms();
        var fourth = FailTimes(m, OutboxMessage.MaxAttempts - 1);
        Assert.Equal(OutboxStatus.Pending, m.Status);

        m.MarkAttemptFailed(fourth.AddMinutes(8), "号码停机");
        Assert.Equal(OutboxStatus.Failed, m.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, m.Attempts);
        Assert.False(m.IsDue(fourth.AddDays(1)));
        Assert.Equal("号码停机", m.LastError);
        Assert.NotEqual("", m.Body); // an ordinary message keeps its text for a retry
    }

    [Fact]
    public void A_one_time_code_that_failed_for_good_is_erased_and_cannot_be_retried()
    {
        var m = Sms(confidential: true, body: Code);
        FailTimes(m, OutboxMessage.MaxAttempts - 1);
        Assert.Equal(Code, m.Body); // still pending: the text is needed for the next attempt

        m.MarkAttemptFailed(Now.AddHours(1), "号码停机");
        Assert.Equal(OutboxStatus.Failed, m.Status);
        Assert.Equal("", m.Body);
        Assert.Throws<DomainException>(() => m.Retry(Now.AddHours(2)));
        Assert.Equal(OutboxStatus.Failed, m.Status);
    }

    [Fact]
    public void The_error_kept_is_at_most_500_characters()
    {
        var m = Sms();
        m.MarkAttemptFailed(Now, new string('错', 501));
        Assert.Equal(new string('错', 500), m.LastError);
        m.MarkAttemptFailed(Now, new string('误', 499));
        Assert.Equal(new string('误', 499), m.LastError);
    }

    [Fact]
    public void A_retry_starts_a_failed_message_again_with_fresh_attempts()
    {
        var m = Sms();
        FailTimes(m, OutboxMessage.MaxAttempts);
        Assert.Equal(OutboxStatus.Failed, m.Status);

        m.Retry(Now.AddDays(1));
        Assert.Equal(OutboxStatus.Pending, m.Status);
        Assert.Equal(0, m.Attempts);
        Assert.Equal(Now.AddDays(1), m.NextAttemptAt);
        Assert.True(m.IsDue(Now.AddDays(1)));
        m.MarkAttemptFailed(Now.AddDays(1), "网关超时");
        Assert.Equal(Now.AddDays(1).AddMinutes(1), m.NextAttemptAt);
    }

    [Fact]
    public void Only_a_failed_message_is_retried()
    {
        var pending = Sms();
        Assert.Throws<DomainException>(() => pending.Retry(Now));
        var sent = Sms();
        sent.MarkSent(Now, "sms-gateway");
        Assert.Throws<DomainException>(() => sent.Retry(Now));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
    }
}
