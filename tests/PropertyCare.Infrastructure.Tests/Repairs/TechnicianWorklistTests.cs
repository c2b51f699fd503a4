using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>我的工单: what a technician has in hand and what they finished, in the order they work through them, and
/// the photos that come with a completion.</summary>
[Collection(RepairsCollection.Name)]
public class TechnicianWorklistTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task In_hand_holds_dispatched_accepted_and_on_site_orders_most_urgent_deadline_first()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var other = await w.AddUserAsync(w.A, Roles.Technician, "lisf", "李师傅");
        var desk = w.Desk(w.A);
        async Task<int> Dispatched(RepairUrgency urgency, string to)
        {
            var (id, _) = await desk.RegisterAsync(RepairWorld.Intake(unit, urgency: urgency), []);
            await desk.DispatchAsync(id, (await w.OrderAsync(w.A, id)).Version, to);
            return id;
        }
        var normal = await Dispatched(RepairUrgency.Normal, tech);
        var accepted = await Dispatched(RepairUrgency.Normal, tech);
        await w.Tech(w.A, tech).AcceptAsync(accepted, (await w.OrderAsync(w.A, accepted)).Version);
        var onSite = await Dispatched(RepairUrgency.Normal, tech);
        await w.Tech(w.A, tech).AcceptAsync(onSite, (await w.OrderAsync(w.A, onSite)).Version);
        await w.Tech(w.A, tech).ArriveAsync(onSite, (await w.OrderAsync(w.A, onSite)).Version);
        // Registered last, but urgent: due today, before the others' deadline.
        w.Clock.Advance(TimeSpan.FromMinutes(5));
        var urgent = await Dispatched(RepairUrgency.Urgent, tech);
        await Dispatched(RepairUrgency.Urgent, other);
        await desk.RegisterAsync(RepairWorld.Intake(unit), []);

        var mine = await w.Tech(w.A, tech).MyOrdersAsync(false, 1, 20);
        Assert.Equal(urgent, mine.Items[0].Id);
        Assert.Equal([normal, accepted, onSite], mine.Items.Skip(1).Select(r => r.Id).Order());
        Assert.Equal(4, mine.Total);
        Assert.Empty((await w.Tech(w.A, tech).MyOrdersAsync(true, 1, 20)).Items);
    }

    [Fact]
    public async Task Finished_holds_completed_closed_and_reworked_orders_latest_completion_first_in_pages()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add((await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [])).Item1);
        // Completed in the order o1, o3, o2, an hour apart.
        foreach (var id in new[] { ids[0], ids[2], ids[1] })
        {
            await w.DispatchAndCompleteAsync(w.A, id, tech);
            w.Clock.Advance(TimeSpan.FromHours(1));
        }
        w.Clock.Advance(TimeSpan.FromDays(2));
        var due = (await w.Callbacks(w.A).WorklistAsync(CallbackBucket.Overdue, 1, 20)).Items;
        var c1 = due.Single(r => r.RepairOrderId == ids[0]);
        await w.Callbacks(w.A).RecordAnswerAsync(c1.Id, c1.Version, new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Neutral, null));
        var c3 = due.Single(r => r.RepairOrderId == ids[2]);
        await w.Callbacks(w.A).RecordAnswerAsync(c3.Id, c3.Version, new CallbackAnswer("张伟", ServiceAttitude.Poor, true, true, Satisfaction.Dissatisfied, "还在漏"));
        Assert.Equal([RepairStatus.Closed, RepairStatus.Completed, RepairStatus.Rework],
            [(await w.OrderAsync(w.A, ids[0])).Status, (await w.OrderAsync(w.A, ids[1])).Status, (await w.OrderAsync(w.A, ids[2])).Status]);

        var done = await w.Tech(w.A, tech).MyOrdersAsync(true, 1, 20);
        Assert.Equal([ids[1], ids[2], ids[0]], done.Items.Select(r => r.Id));
        Assert.Empty((await w.Tech(w.A, tech).MyOrdersAsync(false, 1, 20)).Items);

        var page2 = await w.Tech(w.A, tech).MyOrdersAsync(true, 2, 2);
        Assert.Equal([ids[0]], page2.Items.Select(r => r.Id));
        Assert.Equal((3, 2), (page2.Total, page2.PageIndex));
        var page0 = await w.Tech(w.A, tech).MyOrdersAsync(true, 0, 2);
        Assert.Equal([ids[1], ids[2]], page0.Items.Select(r => r.Id));
        Assert.Equal(1, page0.PageIndex);
    }

    [Fact]
    public async Task Completion_photos_are_kept_with_the_order_and_count_against_their_own_stage_and_order_only()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        PhotoUpload[] Photos(int n) => [.. Enumerable.Range(1, n).Select(i => new PhotoUpload($"p{i}.png", RepairWorld.Png))];
        // The first order is registered with the most intake photos allowed and completed with the most completion photos.
        var (first, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), Photos(RepairPhotoRules.MaxPerStage));
        var (second, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        async Task CompleteWith(int id, int photos)
        {
            await w.Desk(w.A).DispatchAsync(id, (await w.OrderAsync(w.A, id)).Version, tech);
            var t = w.Tech(w.A, tech);
            await t.AcceptAsync(id, (await w.OrderAsync(w.A, id)).Version);
            await t.ArriveAsync(id, (await w.OrderAsync(w.A, id)).Version);
            await t.CompleteAsync(id, (await w.OrderAsync(w.A, id)).Version, "更换阀芯", null, FeeKind.Free, null, Photos(photos));
        }

        await CompleteWith(first, RepairPhotoRules.MaxPerStage);
        // Another order's completion photos do not use up this one's allowance.
        await CompleteWith(second, 1);

        var detail = await w.Desk(w.A).GetAsync(first);
        Assert.Equal(RepairPhotoRules.MaxPerStage, detail.Photos.Count(p => p.Stage == PhotoStage.Intake));
        Assert.Equal(RepairPhotoRules.MaxPerStage, detail.Photos.Count(p => p.Stage == PhotoStage.Completion));
        // The detail lists intake photos first, each stage in the order uploaded.
        Assert.Equal(detail.Photos.OrderBy(p => p.Stage).ThenBy(p => p.Id).Select(p => p.Id), detail.Photos.Select(p => p.Id));
        Assert.Single((await w.Desk(w.A).GetAsync(second)).Photos);
    }
}
