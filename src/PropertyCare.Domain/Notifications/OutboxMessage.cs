using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Notifications;

public enum Channel { Sms = 0, Email = 1, InApp = 2 }

public enum OutboxStatus { Pending = 0, Sent = 1, Failed = 2 }

/// <summary>A message to a person (SMS, email, in-app), written in the same transaction as the change
/// that causes it and sent later, with retries. The dedup key makes enqueueing idempotent: a job that
/// runs twice does not message twice.</summary>
public class OutboxMessage : ITenantOwned
{
    public const int MaxAttempts = 5;

    public long Id { get; set; }
    public int ProjectId { get; set; }
    public Channel Channel { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string DedupKey { get; set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? SentBy { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The body carries a credential (a one-time code): the 发件箱 page never shows it, and it is
    /// erased once sent (or failed for good), so neither the desk nor a database backup can read it later.</summary>
    public bool Confidential { get; private set; }

    public static OutboxMessage Create(Channel channel, string recipient, string subject, string body, string dedupKey, DateTime now, bool confidential = false)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(recipient)) e.Add(new(nameof(Recipient), new("缺少收件人", "Recipient is required")));
        if (string.IsNullOrWhiteSpace(body)) e.Add(new(nameof(Body), new("缺少消息内容", "Message text is required")));
        if (string.IsNullOrWhiteSpace(dedupKey)) e.Add(new(nameof(DedupKey), new("缺少去重键", "Dedup key is required")));
        if (e.Count > 0) throw new ValidationException(e);
        return new OutboxMessage
        {
            Channel = channel, Recipient = recipient.Trim(), Subject = subject.Trim(), Body = body.Trim(), DedupKey = dedupKey,
            CreatedAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending, Confidential = confidential,
        };
    }

    public bool IsDue(DateTime now) => Status == OutboxStatus.Pending && NextAttemptAt <= now;

    public void MarkSent(DateTime now, string sender)
    {
        if (Status != OutboxStatus.Pending) throw new DomainException(new("该消息不在待发送状态", "The message is not waiting to be sent"));
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = now;
        SentBy = sender;
        LastError = null;
        EraseIfConfidential();
    }

    /// <summary>Back-off doubles from one minute (1, 2, 4, 8 …); after <see cref="MaxAttempts"/> the message
    /// stops in Failed, visible on the outbox page, until someone retries it.</summary>
    public void MarkAttemptFailed(DateTime now, string error)
    {
        if (Status != OutboxStatus.Pending) throw new DomainException(new("该消息不在待发送状态", "The message is not waiting to be sent"));
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts) { Status = OutboxStatus.Failed; EraseIfConfidential(); }
        else NextAttemptAt = now.AddMinutes(Math.Pow(2, Attempts - 1));
    }

    public void Retry(DateTime now)
    {
        if (Status != OutboxStatus.Failed) throw new DomainException(new("只能重试发送失败的消息", "Only failed messages can be retried"));
        if (Confidential) throw new DomainException(new("验证码短信不能重发（内容已清除），请重新发送验证码", "A one-time code message cannot be resent (its text is erased); send a new code instead"));
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }

    /// <summary>The code is no use to anyone once delivered (or given up on); keeping it would only let whoever
    /// reads the table later use it.</summary>
    private void EraseIfConfidential()
    {
        if (Confidential) Body = "";
    }
}
