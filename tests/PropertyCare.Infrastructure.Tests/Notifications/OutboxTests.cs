using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Notifications;

public class OutboxTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly TestClock Clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    private sealed class BrokenGateway : INotificationSender
    {
        public int Calls;
        public string Name => "broken";
        public bool Handles(Channel channel) => channel == Channel.Sms;
        public Task SendAsync(OutboxMessage message, CancellationToken ct) { Calls++; throw new InvalidOperationException("网关无响应"); }
    }

    private AppServices App(INotificationSender? first = null, TestClock? clock = null) => new(s =>
    {
        s.AddSingleton<TimeProvider>(clock ?? Clock);
        if (first != null)
        {
            var demo = s.Single(d => d.ServiceType == typeof(INotificationSender));
            s.Remove(demo);
            s.AddSingleton(first);
            s.Add(demo);
        }
    }, provider: Provider);

    private static async Task<bool> Enqueue(AppServices app, Project p, string key, Channel channel = Channel.Sms)
    {
        using var scope = app.As(Roles.ProjectManager, p);
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), scope.ServiceProvider.GetRequiredService<TenantContext>());
        var added = await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().EnqueueAsync(db, channel, "13800138000", "回访提醒", "您的报修已完成，请留意回访电话。", key);
        await db.SaveChangesAsync();
        return added;
    }

    private static List<OutboxMessage> All(AppServices app)
    {
        using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return db.OutboxMessages.IgnoreQueryFilters().OrderBy(m => m.Id).ToList();
    }

    [Fact]
    public async Task Enqueueing_twice_with_one_key_queues_one_message_and_the_demo_outbox_sends_it()
    {
        await using var app = App();
        var (a1, _) = await app.TwoCompaniesAsync();
        Assert.True(await Enqueue(app, a1, "callback-BX-1"));
        Assert.False(await Enqueue(app, a1, "callback-BX-1"));

        Assert.Equal(1, await app.Provider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync());
        var m = Assert.Single(All(app));
        Assert.Equal((OutboxStatus.Sent, DemoOutboxSender.SenderName, 1), (m.Status, m.SentBy, m.Attempts));
        Assert.Equal(0, await app.Provider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync());
    }

    [Fact]
    public async Task A_one_time_code_is_sent_in_the_first_pass_even_behind_a_bulk_send()
    {
        await using var app = App();
        var (a1, _) = await app.TwoCompaniesAsync();
        using (var scope = app.As(Roles.ProjectManager, a1))
        {
            await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), scope.ServiceProvider.GetRequiredService<TenantContext>());
            var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
            // A survey invites more households than one pass sends; then an owner asks for a code.
            for (var i = 0; i < OutboxDispatcher.BatchSize + 10; i++)
                await outbox.EnqueueAsync(db, Channel.Sms, "13800138000", "满意度调查", "请参与满意度调查", $"survey-1-unit{i}-invite");
            await outbox.EnqueueAsync(db, Channel.Sms, "13900139000", "验证码", "验证码：123456", "code-1", confidential: true);
            await db.SaveChangesAsync();
        }

        Assert.Equal(OutboxDispatcher.BatchSize, await app.Provider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync());
        var all = All(app);
        Assert.Equal(OutboxStatus.Sent, all.Single(m => m.DedupKey == "code-1").Status);
        // The rest keep their order: the first 49 invitations went with it, the last 11 wait for the next pass.
        Assert.Equal(OutboxDispatcher.BatchSize - 1, all.Count(m => m.DedupKey.StartsWith("survey-") && m.Status == OutboxStatus.Sent));
        Assert.All(all.Where(m => m.DedupKey.StartsWith("survey-")).OrderBy(m => m.Id).Take(OutboxDispatcher.BatchSize - 1), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_failing_provider_is_retried_with_back_off_then_the_message_fails_visibly()
    {
        var gateway = new BrokenGateway();
        var clock = new TestClock(Clock.Now);
        await using var app = App(gateway, clock);
        var (a1, _) = await app.TwoCompaniesAsync();
        await Enqueue(app, a1, "k1");
        await Enqueue(app, a1, "k2", Channel.Email); // email still goes through the demo sender
        var dispatcher = app.Provider.GetRequiredService<OutboxDispatcher>();

        var waits = new List<double>();
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            await dispatcher.DispatchDueAsync();
            var sms = All(app)[0];
            if (sms.Status == OutboxStatus.Pending)
            {
                waits.Add((sms.NextAttemptAt - clock.Now.UtcDateTime).TotalMinutes);
                Assert.Equal(0, await dispatcher.DispatchDueAsync()); // not due again before its back-off
                clock.Advance(sms.NextAttemptAt - clock.Now.UtcDateTime);
            }
        }
        Assert.Equal([1, 2, 4, 8], waits);
        var failed = All(app)[0];
        Assert.Equal((OutboxStatus.Failed, 5, "网关无响应"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal(5, gateway.Calls);
        Assert.Equal(OutboxStatus.Sent, All(app)[1].Status);

        using var scope = app.As(Roles.ProjectManager, a1);
        await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().RetryAsync(failed.Id);
        Assert.Equal((OutboxStatus.Pending, 0), (All(app)[0].Status, All(app)[0].Attempts));
    }

    [Fact]
    public async Task A_project_sees_and_retries_only_its_own_messages()
    {
        await using var app = App();
        var (a1, b1) = await app.TwoCompaniesAsync();
        await Enqueue(app, a1, "a");
        await Enqueue(app, b1, "b");
        using var scope = app.As(Roles.ProjectManager, a1);
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var page = await outbox.ListAsync(null, 1, 20);
        Assert.Equal(["a"], page.Items.Select(m => m.DedupKey));
        var foreign = All(app).Single(m => m.DedupKey == "b").Id;
        await Assert.ThrowsAsync<RecordNotFoundException>(() => outbox.RetryAsync(foreign));

        using var staff = app.As(Roles.ServiceDesk, a1);
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.ServiceProvider.GetRequiredService<NotificationOutbox>().ListAsync(null, 1, 20));
    }
}
