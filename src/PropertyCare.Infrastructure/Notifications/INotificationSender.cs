using PropertyCare.Domain.Notifications;

namespace PropertyCare.Infrastructure.Notifications;

/// <summary>Delivers one message through a provider (an SMS gateway, SMTP, …). Throw to report a failure;
/// the dispatcher retries with back-off. To add a provider: implement this for its channels and register
/// it before the demo sender (the first sender that handles a channel wins). See docs/operations.md.</summary>
public interface INotificationSender
{
    string Name { get; }
    bool Handles(Channel channel);
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>No SMS or mail provider is reachable here. This sender "delivers" into the outbox itself:
/// the message stays readable on the 发件箱 page, marked as sent by the demo outbox. Nothing leaves the system.</summary>
public sealed class DemoOutboxSender : INotificationSender
{
    public const string SenderName = "demo-outbox";
    public string Name => SenderName;
    public bool Handles(Channel channel) => true;
    public Task SendAsync(OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
}
