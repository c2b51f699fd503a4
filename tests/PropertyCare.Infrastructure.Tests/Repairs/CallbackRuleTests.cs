using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>What an answered callback does, through the services: 一般 closes without a rework, an unsatisfied
/// rating in the owner portal opens a rework and tells each manager of the project, and the manager closing the last
/// rework of a chain closes every order it reworked.</summary>
[Collection(RepairsCollection.Name)]
public class CallbackRuleTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private sealed record Setup(RepairWorld W, int Unit, int Owner, string Tech, string ManagerA, string ManagerB, string ManagerElsewhere);

    private async Task<Setup> ArrangeAsync()
    {
        var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var m1 = await w.AddUserAsync(w.A, Roles.ProjectManager, "zhoujl", "周经理");
        var m2 = await w.AddUserAsync(w.A, Roles.ProjectManager, "wujl", "吴经理");
        // A manager of the other company's project: their rework is none of his business.
        var other = await w.AddUserAsync(w.B, Roles.ProjectManager, "chenjl", "陈经理");
        return new Setup(w, unit, owner, tech, m1, m2, other);
    }

    /// <summary>Registers, completes, and lets the callback fall due; returns the order id.</summary>
    private static async Task<int> CompletedAndDueAsync(Setup s, string description = "厨房水龙头漏水")
    {
        var (id, _) = await s.W.Desk(s.W.A).RegisterAsync(RepairWorld.Intake(s.Unit, description: description), []);
        await s.W.DispatchAndCompleteAsync(s.W.A, id, s.Tech);
        s.W.Clock.Advance(TimeSpan.FromDays(1));
        return id;
    }

    private static async Task<List<OutboxMessage>> ToManagersAsync(Setup s)
    {
        await using var db = new AppDbContext(s.W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var managers = new[] { s.ManagerA, s.ManagerB, s.ManagerElsewhere };
        return await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().Where(m => managers.Contains(m.Recipient)).OrderBy(m => m.Recipient).ToListAsync();
    }

    private static async Task<Callback> CallbackOfAsync(Setup s, int orderId)
    {
        await using var db = s.W.Db(s.W.A);
        return await db.Callbacks.AsNoTracking().SingleAsync(c => c.RepairOrderId == orderId);
    }

    [Fact]
    public async Task A_neutral_answer_closes_the_order_without_a_rework_and_tells_no_manager()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        var id = await CompletedAndDueAsync(s);
        var row = Assert.Single((await s.W.Callbacks(s.W.A).WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);

        // 一般 is not a complaint, even with a remark: the order is done.
        var rework = await s.W.Callbacks(s.W.A).RecordAnswerAsync(row.Id, row.Version,
            new CallbackAnswer("张伟", ServiceAttitude.Fair, true, true, Satisfaction.Neutral, "师傅来晚了半小时"));

        Assert.Null(rework);
        var order = await s.W.OrderAsync(s.W.A, id);
        Assert.Equal(RepairStatus.Closed, order.Status);
        Assert.Null(order.CloseReason);
        await using (var db = s.W.Db(s.W.A)) Assert.Equal([id], await db.RepairOrders.Select(o => o.Id).ToListAsync());
        var cb = await CallbackOfAsync(s, id);
        Assert.Equal(CallbackStatus.Done, cb.Status);
        Assert.Equal(Satisfaction.Neutral, cb.Satisfaction);
        Assert.Empty(await ToManagersAsync(s));
    }

    [Theory]
    [InlineData(Satisfaction.Dissatisfied)]
    [InlineData(Satisfaction.VeryDissatisfied)]
    public async Task An_unsatisfied_rating_in_the_portal_opens_a_rework_and_tells_each_manager_of_the_project(Satisfaction rating)
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        var id = await CompletedAndDueAsync(s);
        var number = (await s.W.OrderAsync(s.W.A, id)).Number;

        var reworkNumber = await s.W.Portal(s.W.A, s.Owner).RateAsync(id, rating, ServiceAttitude.Poor, false, true, "水龙头还在滴水");

        Assert.NotNull(reworkNumber);
        Assert.Equal(RepairStatus.Rework, (await s.W.OrderAsync(s.W.A, id)).Status);
        await using (var db = s.W.Db(s.W.A))
        {
            var rework = await db.RepairOrders.AsNoTracking().SingleAsync(o => o.Id != id);
            Assert.Equal(reworkNumber, rework.Number);
            Assert.Equal(id, rework.ReworkOfId);
            Assert.Equal(2, rework.Round);
            Assert.Equal(RepairStatus.Registered, rework.Status);
            Assert.Equal((s.Unit, s.Owner), (rework.UnitId!.Value, rework.OwnerId!.Value));
            Assert.Contains("水龙头还在滴水", rework.Description);
        }
        var cb = await CallbackOfAsync(s, id);
        Assert.Equal(CallbackStatus.Done, cb.Status);
        Assert.Equal(rating, cb.Satisfaction);
        Assert.Equal(CallbackChannel.OwnerPortal, cb.Channel);

        // Both managers of the project, once each, in the app; not the other project's manager.
        var messages = await ToManagersAsync(s);
        Assert.Equal(new[] { s.ManagerA, s.ManagerB }.Order(), messages.Select(m => m.Recipient).Order());
        Assert.All(messages, m =>
        {
            Assert.Equal(Channel.InApp, m.Channel);
            Assert.Equal(s.W.A.Id, m.ProjectId);
            Assert.Contains(number, m.Subject);
            Assert.Contains(reworkNumber!, m.Body);
        });
    }

    [Fact]
    public async Task A_satisfied_rating_in_the_portal_closes_without_a_rework_and_tells_no_manager()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        var id = await CompletedAndDueAsync(s);

        Assert.Null(await s.W.Portal(s.W.A, s.Owner).RateAsync(id, Satisfaction.Satisfied, ServiceAttitude.Good, true, true, null));

        Assert.Equal(RepairStatus.Closed, (await s.W.OrderAsync(s.W.A, id)).Status);
        await using (var db = s.W.Db(s.W.A)) Assert.Equal(1, await db.RepairOrders.CountAsync());
        Assert.Empty(await ToManagersAsync(s));
    }

    /// <summary>The owner is unhappy at the callback of each order, so each completion brings a rework.</summary>
    private static async Task<int> UnhappyAgainAsync(Setup s, int orderId)
    {
        var calls = s.W.Callbacks(s.W.A);
        var row = Assert.Single((await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items, r => r.RepairOrderId == orderId);
        var number = await calls.RecordAnswerAsync(row.Id, row.Version, new CallbackAnswer("张伟", ServiceAttitude.Fair, true, true, Satisfaction.Dissatisfied, "还是漏"));
        await using var db = s.W.Db(s.W.A);
        var reworkId = await db.RepairOrders.Where(o => o.Number == number).Select(o => o.Id).SingleAsync();
        await s.W.DispatchAndCompleteAsync(s.W.A, reworkId, s.Tech);
        s.W.Clock.Advance(TimeSpan.FromDays(1));
        return reworkId;
    }

    [Fact]
    public async Task A_manager_closing_the_last_rework_closes_the_whole_chain_with_the_reason_and_cancels_its_callback()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        var first = await CompletedAndDueAsync(s);
        var second = await UnhappyAgainAsync(s, first);
        var third = await UnhappyAgainAsync(s, second);
        var thirdNumber = (await s.W.OrderAsync(s.W.A, third)).Number;
        Assert.Equal((RepairStatus.Rework, RepairStatus.Rework, RepairStatus.Completed),
            ((await s.W.OrderAsync(s.W.A, first)).Status, (await s.W.OrderAsync(s.W.A, second)).Status, (await s.W.OrderAsync(s.W.A, third)).Status));

        // An order in rework is closed through its rework, not directly.
        var manager = s.W.Manager(s.W.A);
        var secondVersion = (await s.W.OrderAsync(s.W.A, second)).Version;
        await Assert.ThrowsAsync<DomainException>(() => manager.CloseByManagerAsync(second, secondVersion, "直接关闭"));
        Assert.Equal(RepairStatus.Rework, (await s.W.OrderAsync(s.W.A, second)).Status);

        await manager.CloseByManagerAsync(third, (await s.W.OrderAsync(s.W.A, third)).Version, "业主不再配合维修");

        var closed = new[] { await s.W.OrderAsync(s.W.A, first), await s.W.OrderAsync(s.W.A, second), await s.W.OrderAsync(s.W.A, third) };
        Assert.All(closed, o => Assert.Equal(RepairStatus.Closed, o.Status));
        Assert.Equal("业主不再配合维修", closed[2].CloseReason);
        Assert.Equal($"返工单 {thirdNumber} 经理关闭：业主不再配合维修", closed[1].CloseReason);
        Assert.Equal($"返工单 {thirdNumber} 经理关闭：业主不再配合维修", closed[0].CloseReason);
        Assert.Equal(CallbackStatus.Cancelled, (await CallbackOfAsync(s, third)).Status);
        Assert.Equal(CallbackStatus.Done, (await CallbackOfAsync(s, second)).Status);
    }

    [Fact]
    public async Task A_satisfied_callback_on_the_last_rework_closes_the_whole_chain_without_a_reason()
    {
        var s = await ArrangeAsync();
        await using var _ = s.W;
        var first = await CompletedAndDueAsync(s);
        var second = await UnhappyAgainAsync(s, first);
        var third = await UnhappyAgainAsync(s, second);
        var calls = s.W.Callbacks(s.W.A);
        var row = Assert.Single((await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);
        Assert.Equal(third, row.RepairOrderId);

        Assert.Null(await calls.RecordAnswerAsync(row.Id, row.Version, new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.VerySatisfied, null)));

        foreach (var id in new[] { first, second, third })
        {
            var o = await s.W.OrderAsync(s.W.A, id);
            Assert.Equal((RepairStatus.Closed, (string?)null), (o.Status, o.CloseReason));
        }
    }
}
