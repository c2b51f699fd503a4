using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Notifications;
using PropertyCare.Infrastructure.Notifications;

namespace PropertyCare.Infrastructure.Tests.Notifications;

/// <summary>With no SMS provider, a developer finishes the owner's code flow from the app log — in Development only.</summary>
public sealed class DemoOutboxSenderTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PropertyCare";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class Captured : ILogger<DemoOutboxSender>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private static OutboxMessage Sms(bool confidential) =>
        OutboxMessage.Create(Channel.Sms, "13911112222", "验证码", "您的验证码：123456", "k", DateTime.UtcNow, confidential);

    [Theory]
    [InlineData("Development", true, true)]
    [InlineData("Production", true, false)]
    [InlineData("Staging", true, false)]
    [InlineData("Development", false, false)]
    public async Task Only_a_confidential_message_in_Development_is_written_to_the_log(string environment, bool confidential, bool logged)
    {
        var log = new Captured();
        await new DemoOutboxSender(log, new Env(environment)).SendAsync(Sms(confidential), CancellationToken.None);
        Assert.Equal(logged, log.Lines.Any(l => l.Contains("123456")));
        Assert.DoesNotContain(log.Lines, l => l.Contains("13911112222"));
    }
}
