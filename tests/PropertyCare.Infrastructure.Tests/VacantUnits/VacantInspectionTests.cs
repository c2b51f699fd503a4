using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>Recording a vacant-unit inspection: findings become linked repair orders, the task is done, the owner is told,
/// the photos are kept — all or nothing — and the coverage figure counts it.</summary>
[Collection(RepairsCollection.Name)]
public class VacantInspectionTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_finding_becomes_a_linked_repair_order_the_task_is_done_and_the_owner_is_told_in_app_and_by_SMS()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (unit, owner) = await w.VacantUnitAsync(w.A, "0101", "张伟", "13800138000");
        var account = await w.PortalAccountAsync(w.A, owner, "owner1");
        await w.StaffAsync(w.A, "desk1", "客服一");
        await w.CycleJob(w.A).RunAsync();
        var task = Assert.Single(await w.TasksAsync(w.A));

        var done = await w.Desk(w.A).InspectAsync(unit, task.Id, VacantWorld.Answers(("无渗漏水", "卫生间天花板有水渍")), VacantWorld.Meters,
            [new PhotoUpload("水渍.png", RepairWorld.Png)]);

        var number = Assert.Single(done.RepairNumbers);
        var detail = await w.Desk(w.A).InspectionAsync(done.Id);
        var finding = Assert.Single(detail.Findings);
        Assert.Equal(("无渗漏水", "卫生间天花板有水渍", number), (finding.Item, finding.Description, finding.RepairNumber));
        var order = await w.OrderAsync(w.A, finding.RepairOrderId!.Value);
        Assert.Equal(unit, order.UnitId);
        Assert.Equal(owner, order.OwnerId);
        Assert.Equal("空置房巡查", order.Category);
        Assert.Equal(RepairStatus.Registered, order.Status);
        Assert.Contains("卫生间天花板有水渍", order.Description);
        Assert.Equal("水渍.png", Assert.Single(detail.Photos).FileName);
        Assert.Equal(VacantWorld.Meters, detail.Meters);

        var t = Assert.Single(await w.TasksAsync(w.A));
        Assert.Equal(VacantTaskStatus.Done, t.Status);
        Assert.Equal(done.Id, t.InspectionId);

        await using var db = w.W.Db(w.A);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Subject == "空置房巡查结果").ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Channel == Channel.InApp && m.Recipient == account);
        Assert.Contains(messages, m => m.Channel == Channel.Sms && m.Recipient == "13800138000");
        Assert.All(messages, m => Assert.Contains(number, m.Body));

        // The owner sees it in the portal; the owner of another unit does not.
        var (_, other) = await w.VacantUnitAsync(w.A, "0102", "李娜", "13900139000");
        Assert.Equal(done.Id, Assert.Single((await w.Portal(w.A, owner).MyInspectionsAsync(1, 10)).Items).Id);
        Assert.Equal(number, Assert.Single((await w.Portal(w.A, owner).GetAsync(done.Id)).Findings).RepairNumber);
        Assert.Empty((await w.Portal(w.A, other).MyInspectionsAsync(1, 10)).Items);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, other).GetAsync(done.Id));
    }

    [Fact]
    public async Task A_clean_inspection_without_a_task_id_completes_the_units_open_task_and_makes_no_repair()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (unit, _) = await w.VacantUnitAsync(w.A, "0101");
        await w.StaffAsync(w.A, "desk1", "客服一");
        await w.CycleJob(w.A).RunAsync();

        var done = await w.Desk(w.A).InspectAsync(unit, null, VacantWorld.Answers(), VacantWorld.Meters, []);

        Assert.Empty(done.RepairNumbers);
        Assert.Equal(VacantTaskStatus.Done, Assert.Single(await w.TasksAsync(w.A)).Status);
        await using var db = w.W.Db(w.A);
        Assert.Equal(0, await db.RepairOrders.CountAsync());
        Assert.Contains("各项正常", (await db.OutboxMessages.AsNoTracking().SingleAsync()).Body);
    }

    [Fact]
    public async Task A_failed_item_without_a_note_a_bad_photo_or_a_unit_not_vacant_is_refused_and_nothing_is_saved()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (unit, _) = await w.VacantUnitAsync(w.A, "0101");
        var (occupied, _) = await w.VacantUnitAsync(w.A, "0102", state: UnitState.Occupied);
        await w.StaffAsync(w.A, "desk1", "客服一");
        await w.CycleJob(w.A).RunAsync();
        var desk = w.Desk(w.A);

        var bad = VacantWorld.Answers();
        bad["无损坏"] = (CheckResult.Failed, " ");
        bad.Remove("钥匙齐全");
        var ex = await Assert.ThrowsAsync<ValidationException>(() => desk.InspectAsync(unit, null, bad, VacantWorld.Meters, []));
        Assert.Equal(new[] { "无损坏", "钥匙齐全" }.Order(StringComparer.Ordinal), ex.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        // A finding and a text file posing as a photo: refused after the record and the order were added — rolled back.
        await Assert.ThrowsAsync<DomainException>(() => desk.InspectAsync(unit, null, VacantWorld.Answers(("无损坏", "墙面开裂")), VacantWorld.Meters,
            [new PhotoUpload("照片.png", "不是图片"u8.ToArray())]));
        await Assert.ThrowsAsync<DomainException>(() => desk.InspectAsync(occupied, null, VacantWorld.Answers(), VacantWorld.Meters, []));

        await using var db = w.W.Db(w.A);
        Assert.Equal(0, await db.VacantUnitInspections.CountAsync());
        Assert.Equal(0, await db.RepairOrders.CountAsync());
        Assert.Equal(0, await db.Attachments.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
        Assert.Equal(VacantTaskStatus.Open, Assert.Single(await w.TasksAsync(w.A)).Status);
    }

    [Fact]
    public async Task A_task_already_done_cannot_be_inspected_again_and_a_task_of_another_unit_is_not_found()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (u1, _) = await w.VacantUnitAsync(w.A, "0101");
        var (u2, _) = await w.VacantUnitAsync(w.A, "0102");
        await w.StaffAsync(w.A, "desk1", "客服一");
        await w.CycleJob(w.A).RunAsync();
        var tasks = await w.TasksAsync(w.A);
        var t1 = tasks.Single(t => t.UnitId == u1);
        await w.Desk(w.A).InspectAsync(u1, t1.Id, VacantWorld.Answers(), VacantWorld.Meters, []);

        await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).InspectAsync(u1, t1.Id, VacantWorld.Answers(), VacantWorld.Meters, []));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Desk(w.A).InspectAsync(u2, t1.Id, VacantWorld.Answers(), VacantWorld.Meters, []));
    }

    /// <summary>Hand-counted: 4 vacant units now. 0101 inspected twice this cycle (its one finding's order cancelled: not open),
    /// 0102 once with 2 findings (orders open), 0103 last cycle only, 0104 not at all; 0105 inspected this cycle and then
    /// occupied (no longer a vacant unit). Inspected = 0101, 0102 → 2/4 = 0.5; open findings = 2 (0102) + 1 (0105's order is
    /// still open, whatever the unit is now).</summary>
    [Fact]
    public async Task Coverage_counts_inspected_vacant_units_once_and_the_findings_whose_repair_is_still_open()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var u = new Dictionary<string, int>();
        foreach (var room in new[] { "0101", "0102", "0103", "0104", "0105" }) u[room] = (await w.VacantUnitAsync(w.A, room)).UnitId;
        await w.StaffAsync(w.A, "desk1", "客服一");
        // October (last cycle): 0103 inspected.
        w.W.Clock.Advance(-TimeSpan.FromDays(30));
        await w.Desk(w.A).InspectAsync(u["0103"], null, VacantWorld.Answers(("室内清洁", "灰尘多")), VacantWorld.Meters, []);
        w.W.Clock.Advance(TimeSpan.FromDays(30));
        var first = await w.Desk(w.A).InspectAsync(u["0101"], null, VacantWorld.Answers(("无虫害", "厨房有蟑螂")), VacantWorld.Meters, []);
        await w.Desk(w.A).InspectAsync(u["0101"], null, VacantWorld.Answers(), VacantWorld.Meters, []);
        await w.Desk(w.A).InspectAsync(u["0102"], null, VacantWorld.Answers(("无损坏", "门框掉漆"), ("门窗关闭", "阳台窗未关")), VacantWorld.Meters, []);
        await w.Desk(w.A).InspectAsync(u["0105"], null, VacantWorld.Answers(("无渗漏水", "水管滴水")), VacantWorld.Meters, []);
        await w.SetStateAsync(w.A, u["0105"], UnitState.Occupied);
        var repairs = w.W.Desk(w.A);
        var cancelled = (await w.Desk(w.A).InspectionAsync(first.Id)).Findings[0].RepairOrderId!.Value;
        await repairs.CancelAsync(cancelled, (await w.OrderAsync(w.A, cancelled)).Version, "业主自行处理");

        var c = await w.Desk(w.A).CoverageAsync();

        Assert.Equal("2026-11", c.Cycle.Key);
        Assert.Equal(new Coverage(4, 2, 3, 0.5m), c.Coverage);
    }
}
