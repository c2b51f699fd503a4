using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>跟进提醒 (every 3 days while open, once per due date) and 回访到期提醒 (the desk, once per complaint per day).</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintReminderJobTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Follow_up_reminder_goes_to_the_receiver_once_per_due_date_and_again_after_the_next_follow_up()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 23, 10, 0, 0));
        var desk = await w.AddUserAsync(w.A, Roles.ServiceDesk, "desk", "客服小李");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "tech", "电工老王");
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), desk);
        var waiting = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), desk); // never dispatched: no follow-up is due
        await w.ClassifyAsync(w.A, id, "工程部", tech, "电工老王");

        w.SetLocal(new DateTime(2026, 11, 26, 9, 0, 0)); // received 11-23 10:00 + 3 days = 11-26 10:00: not yet
        Assert.Equal(0, await w.FollowUps(w.A).RunAsync());
        w.SetLocal(new DateTime(2026, 11, 26, 10, 30, 0));
        Assert.Equal(1, await w.FollowUps(w.A).RunAsync());
        Assert.Equal(0, await w.FollowUps(w.A).RunAsync());
        w.SetLocal(new DateTime(2026, 11, 27, 9, 0, 0)); // next day, same due date: still once
        Assert.Equal(0, await w.FollowUps(w.A).RunAsync());
        var m = Assert.Single(await w.MessagesAsync(w.A));
        Assert.Equal(desk, m.Recipient);
        Assert.Contains("2026-11-26", m.Body);

        await w.StepAsync(w.A, id, (c, s, t, now) => c.FollowUp(FollowUpChannel.Phone, "已告知客户周五前修好", "客服小李", now)); // 11-27 09:00 → next due 11-30 09:00
        w.SetLocal(new DateTime(2026, 11, 30, 9, 30, 0));
        Assert.Equal(1, await w.FollowUps(w.A).RunAsync());
        Assert.Equal(0, await w.FollowUps(w.A).RunAsync());
        Assert.Contains("2026-11-30", (await w.MessagesAsync(w.A))[^1].Body);
        Assert.Equal(2, (await w.MessagesAsync(w.A)).Count);
        Assert.NotEqual(0, waiting);
    }

    [Fact]
    public async Task Follow_up_reminder_for_a_portal_filing_goes_to_the_handler()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 23, 10, 0, 0));
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "tech", "电工老王");
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(channel: ComplaintChannel.Portal), "u-owner-1", byOwner: true);
        await w.ClassifyAsync(w.A, id, "工程部", tech, "电工老王");
        w.SetLocal(new DateTime(2026, 11, 26, 11, 0, 0));
        Assert.Equal(1, await w.FollowUps(w.A).RunAsync());
        Assert.Equal(tech, Assert.Single(await w.MessagesAsync(w.A)).Recipient);
    }

    [Fact]
    public async Task Callback_due_reminds_every_desk_user_once_a_day_until_called_back()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 23, 10, 0, 0));
        var desk1 = await w.AddUserAsync(w.A, Roles.ServiceDesk, "desk1", "客服小李");
        var desk2 = await w.AddUserAsync(w.A, Roles.ServiceDesk, "desk2", "客服小张");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "tech", "电工老王");
        var id = await w.RegisterAsync(w.A, ComplaintJobWorld.Intake(), desk1);
        await w.ClassifyAsync(w.A, id, "工程部", tech, "电工老王");
        await w.PlanAsync(w.A, id);
        await w.HandleAsync(w.A, id); // 11-23: callback due 11-30
        Assert.Equal(new DateOnly(2026, 11, 30), (await w.ComplaintAsync(w.A, id)).CallbackDueOn);

        w.SetLocal(new DateTime(2026, 11, 29, 9, 0, 0));
        Assert.Equal(0, await w.Callbacks(w.A).RunAsync());
        w.SetLocal(new DateTime(2026, 11, 30, 9, 0, 0));
        Assert.Equal(1, await w.Callbacks(w.A).RunAsync());
        Assert.Equal(0, await w.Callbacks(w.A).RunAsync());
        Assert.Equal(new[] { desk1, desk2 }.Order(), (await w.MessagesAsync(w.A)).Select(m => m.Recipient).Order());
        w.SetLocal(new DateTime(2026, 12, 1, 9, 0, 0)); // overdue: reminded again, saying so
        Assert.Equal(1, await w.Callbacks(w.A).RunAsync());
        Assert.Contains("已逾期 1 天", (await w.MessagesAsync(w.A))[^1].Body);

        await w.CallbackAsync(w.A, id, Satisfaction.Satisfied);
        w.SetLocal(new DateTime(2026, 12, 2, 9, 0, 0));
        Assert.Equal(0, await w.Callbacks(w.A).RunAsync());
        Assert.Equal(4, (await w.MessagesAsync(w.A)).Count);
    }
}
