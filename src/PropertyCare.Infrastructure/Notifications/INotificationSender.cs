using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
/// the message stays readable on the 发件箱 page, marked as sent by the demo outbox. Nothing leaves the system.
/// A confidential message (a one-time code) is not readable on the page and its body is erased once sent, so a
/// developer could never finish the owner's code flow; in the Development environment only, this sender writes
/// such a message to the app log instead — standing in for the owner's phone. Never in any other environment.</summary>
public sealed class DemoOutboxSender(ILogger<DemoOutboxSender> log, IHostEnvironment? env = null) : INotificationSender
{
    public const string SenderName = "demo-outbox";
    public string Name => SenderName;
    public bool Handles(Channel channel) => true;

    public Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Confidential && env?.IsDevelopment() == true)
            log.LogInformation("Demo outbox (Development only) — confidential {Channel} to {Recipient}: {Body}",
                message.Channel, Domain.Owners.ContactRules.MaskPhone(message.Recipient), message.Body);
        return Task.CompletedTask;
    }
}
