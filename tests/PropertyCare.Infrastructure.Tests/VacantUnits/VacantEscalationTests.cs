using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>Overdue inspection tasks and overdue key loans are reported to each manager once; a new loan starts over.</summary>
[Collection(RepairsCollection.Name)]
public class VacantEscalationTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<List<OutboxMessage>> MessagesAsync(VacantWorld w, string subject)
    {
        await using var db = w.W.Db(w.A);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Subject == subject).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task An_open_task_past_its_due_time_is_escalated_to_each_manager_once_and_a_done_one_never()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (u1, _) = await w.VacantUnitAsync(w.A, "0101");
        var (u2, _) = await w.VacantUnitAsync(w.A, "0102");
        await w.StaffAsync(w.A, "desk1", "客服一");
        var m1 = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "mgr1", "经理一");
        var m2 = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "mgr2", "经理二");
        await w.CycleJob(w.A).RunAsync();
        await w.Desk(w.A).InspectAsync(u2, null, VacantWorld.Answers(), VacantWorld.Meters, []);
        var due = Assert.Single(await w.TasksAsync(w.A), t => t.UnitId == u1).DueAt;

        // Exactly at the due instant: not overdue yet.
        w.W.Clock.Advance(due - w.W.Clock.Now.UtcDateTime);
        Assert.Equal(new VacantEscalationRun(0, 0), await w.EscalationJob(w.A).RunAsync());
        w.W.Clock.Advance(TimeSpan.FromTicks(10));
        Assert.Equal(new VacantEscalationRun(1, 0), await w.EscalationJob(w.A).RunAsync());
        Assert.Equal(new VacantEscalationRun(0, 0), await w.EscalationJob(w.A).RunAsync());

        var sent = await MessagesAsync(w, "空置房巡查超时");
        Assert.Equal(new[] { m1, m2 }.Order(StringComparer.Ordinal), sent.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(sent, m => Assert.Equal(Channel.InApp, m.Channel));
        Assert.All(sent, m => Assert.Contains("1栋-1单元-0101", m.Body));
        Assert.NotNull(Assert.Single(await w.TasksAsync(w.A), t => t.UnitId == u1).EscalatedAt);
    }

    [Fact]
    public async Task A_key_loan_past_its_expected_return_is_escalated_once_and_the_next_loan_again()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (unit, owner) = await w.VacantUnitAsync(w.A, "0101");
        var m1 = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "mgr1", "经理一");
        var keys = w.Keys(w.A);
        var id = await keys.AcceptAsync(unit, owner, new DateOnly(2026, 11, 20), "入户门钥匙 2 把", new PhotoUpload("委托书.png", RepairWorld.Png));
        // Monday 10:00 Shanghai; back by 18:00 the same day.
        await keys.LendAsync(id, (await keys.GetAsync(id)).Version, "王师傅", "维修水管", new DateTime(2026, 11, 23, 18, 0, 0));

        w.W.Clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal(new VacantEscalationRun(0, 0), await w.EscalationJob(w.A).RunAsync());
        w.W.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single((await keys.ListAsync(false, 1, 10)).Items, r => r.Overdue);
        Assert.Equal(new VacantEscalationRun(0, 1), await w.EscalationJob(w.A).RunAsync());
        Assert.Equal(new VacantEscalationRun(0, 0), await w.EscalationJob(w.A).RunAsync());
        Assert.Equal(m1, Assert.Single(await MessagesAsync(w, "钥匙借出逾期")).Recipient);

        await keys.TakeBackAsync(id, (await keys.GetAsync(id)).Version);
        await keys.LendAsync(id, (await keys.GetAsync(id)).Version, "李师傅", "看房", w.W.Clock.Now.UtcDateTime.AddHours(8 + 2));
        w.W.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(new VacantEscalationRun(0, 1), await w.EscalationJob(w.A).RunAsync());
        Assert.Equal(2, (await MessagesAsync(w, "钥匙借出逾期")).Count);
    }
}
