using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>The owner's portal (part B) where the first tests left gaps (mutation run of int14): the units offered, the
/// unit field, an owner phone on file that is not a valid number, the list's order and paging, the reopen window to its last instant,
/// "escalated" by dispatch level, follow-ups and callbacks in order, and a staff account that carries an owner id.</summary>
[Collection(RepairsCollection.Name)]
public class PortalComplaintGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string Address0101 = "1栋-1单元-0101";

    [Fact]
    public async Task The_units_offered_are_only_the_owners_own_in_address_order()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (u0301, owner) = await w.OwnerAsync(w.A, "0301");
        var (u0201, _) = await w.OwnerAsync(w.A, "0201", "李娜", "13900139000");
        int u0102;
        await using (var db = w.W.Db(w.A))
        {
            var b = await db.Buildings.SingleAsync(x => x.Name == "1栋");
            var unit = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 1, Room = "0102", Area = 60m, Type = "两室一厅", State = UnitState.Occupied };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            db.UnitOwnerships.Add(new UnitOwnership { UnitId = unit.Id, OwnerId = owner, IsPrimary = true });
            await db.SaveChangesAsync();
            u0102 = unit.Id;
        }

        var units = await w.Portal(w.A, owner).MyUnitsAsync();
        Assert.Equal([(u0102, "1栋-1单元-0102"), (u0301, "1栋-1单元-0301")], units.Select(u => (u.UnitId, u.Address)));
        Assert.DoesNotContain(units, u => u.UnitId == u0201);
    }

    [Fact]
    public async Task Filing_without_a_unit_is_refused_on_the_unit_field()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (_, owner) = await w.OwnerAsync(w.A, "0101");
        var e = await Assert.ThrowsAsync<ValidationException>(() => w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, 0, "楼道垃圾没人清理", null, []));
        Assert.Contains(e.Errors, x => x.Field == "UnitId");
        await using var db = w.W.Db(w.A);
        Assert.Equal(0, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task An_owner_whose_phone_on_file_is_not_a_valid_number_still_files_without_a_phone()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        // An old record's phone (neither a mobile nor a landline): the complaint is filed, without it.
        var (unit, owner) = await w.OwnerAsync(w.A, "0101", "张伟", "8888-12");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾没人清理", null, []);
        var c = await w.GetAsync(w.A, id);
        Assert.Equal(("张伟", (string?)null), (c.CustomerName, c.CustomerPhone));
    }

    [Fact]
    public async Task The_owners_list_is_newest_first_then_by_number_pages_and_shows_the_unit()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        async Task<int> File(string facts) => (await w.Portal(w.A, owner).FileAsync(ComplaintKind.Suggestion, unit, facts, null, [])).Id;
        var f1 = await File("建议一");
        var f2 = await File("建议二"); // the same minute as f1: the later filing comes first
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        var f3 = await File("建议三");
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        var f4 = await File("建议四");
        var f5 = await File("建议五");

        var first = await w.Portal(w.A, owner).MineAsync(1, 2);
        Assert.Equal([f5, f4], first.Items.Select(r => r.Id));
        var second = await w.Portal(w.A, owner).MineAsync(2, 2);
        Assert.Equal([f3, f2], second.Items.Select(r => r.Id));
        Assert.Equal((5, 2, 2), (second.Total, second.PageIndex, second.PageSize));
        Assert.All(second.Items, r => Assert.Equal(Address0101, r.Address));
        var last = await w.Portal(w.A, owner).MineAsync(3, 2);
        Assert.Equal([f1], last.Items.Select(r => r.Id));
        // A page before the first is the first.
        var zero = await w.Portal(w.A, owner).MineAsync(0, 2);
        Assert.Equal(1, zero.PageIndex);
        Assert.Equal([f5, f4], zero.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Reopening_is_offered_until_the_last_instant_of_the_window_and_not_after()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾没人清理", null, []);
        var (other, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道灯不亮", null, []);
        foreach (var x in new[] { id, other })
        {
            await w.HandledAsync(w.A, x);
            await w.Portal(w.A, owner).AnswerCallbackAsync(x, (await w.GetAsync(w.A, x)).Version, Satisfaction.Satisfied, false, null);
        }
        var closedAt = (await w.GetAsync(w.A, id)).ClosedAt!.Value;
        Assert.Equal(RepairWorld.Start.UtcDateTime, closedAt);

        // Closed Monday 2026-11-23 10:00; the window is 30 days: the very instant it ends still counts.
        w.W.Clock.Advance(TimeSpan.FromDays(30));
        var d = await w.Portal(w.A, owner).GetAsync(id);
        Assert.Equal((true, (DateOnly?)new DateOnly(2026, 12, 23)), (d.CanReopen, d.ReopenUntil));
        await w.Portal(w.A, owner).ReopenAsync(id, d.Version, "又堆满了");
        Assert.Equal(ComplaintStatus.Dispatched, (await w.GetAsync(w.A, id)).Status);

        w.W.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await w.Portal(w.A, owner).GetAsync(other);
        Assert.Equal((ComplaintStatus.Closed, false, (DateOnly?)null), (late.Status, late.CanReopen, late.ReopenUntil));
    }

    [Fact]
    public async Task Reopening_is_not_offered_for_an_open_complaint_a_praise_or_an_answered_consultation()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var portal = w.Portal(w.A, owner);
        var (open, _) = await portal.FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾没人清理", null, []);
        var (praise, _) = await portal.FileAsync(ComplaintKind.Praise, unit, "保安师傅很负责", null, []);
        var (question, _) = await portal.FileAsync(ComplaintKind.Consultation, unit, "物业费怎么交", null, []);
        await w.StepAsync(w.A, question, (c, s, now, t) => c.Answer("可在业主端或前台缴纳", "客服小李", now));

        var o = await w.Portal(w.A, owner).GetAsync(open);
        Assert.Equal((ComplaintStatus.Registered, false, (DateOnly?)null), (o.Status, o.CanReopen, o.ReopenUntil));
        foreach (var closed in new[] { praise, question })
        {
            var d = await w.Portal(w.A, owner).GetAsync(closed);
            Assert.Equal((ComplaintStatus.Closed, false, (DateOnly?)null), (d.Status, d.CanReopen, d.ReopenUntil));
            Assert.NotNull(d.ClosedAt);
        }
    }

    [Fact]
    public async Task Escalated_shows_from_the_second_dispatch_and_follow_ups_and_callbacks_come_in_order()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾没人清理", null, []);
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.FollowUp(FollowUpChannel.Phone, "已电话联系业主", "客服小李", now));
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.FollowUp(FollowUpChannel.Visit, "已上门查看", "客服小李", now));
        await w.HandledAsync(w.A, id);

        var first = await w.Portal(w.A, owner).GetAsync(id);
        Assert.Equal(1, (await w.GetAsync(w.A, id)).DispatchLevel);
        Assert.False(first.Escalated);
        Assert.Equal(["已电话联系业主", "已上门查看"], first.FollowUps.Select(f => f.Said));
        Assert.Equal([FollowUpChannel.Phone, FollowUpChannel.Visit], first.FollowUps.Select(f => f.Channel));

        await w.Portal(w.A, owner).AnswerCallbackAsync(id, first.Version, Satisfaction.Dissatisfied, false, "还是有垃圾");
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.RecordPlan("再次安排保洁", "王师傅", now, s, t));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.Handle("楼道已彻底清理", null, "王师傅", now, s, t));
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, (await w.GetAsync(w.A, id)).Version, Satisfaction.Satisfied, false, "这次干净了");

        var d = await w.Portal(w.A, owner).GetAsync(id);
        Assert.True(d.Escalated);
        Assert.Equal([(1, Satisfaction.Dissatisfied, false), (2, Satisfaction.Satisfied, true)], d.Callbacks.Select(x => (x.Round, x.Satisfaction, x.Closed)));
        Assert.Equal(["已电话联系业主", "已上门查看"], d.FollowUps.Select(f => f.Said));
    }

    [Fact]
    public async Task A_staff_account_carrying_an_owner_id_is_refused_the_portal()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾没人清理", null, []);
        foreach (var role in new[] { Roles.Technician, Roles.ServiceDesk })
        {
            var portal = w.W.As(role, w.A, $"u-{role}", "员工", owner).GetRequiredService<PortalComplaintService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => portal.MyUnitsAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => portal.MineAsync(1, 10));
            await Assert.ThrowsAsync<AccessDeniedException>(() => portal.GetAsync(id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => portal.FileAsync(ComplaintKind.Complaint, unit, "噪音", null, []));
        }
        await using var db = w.W.Db(w.A);
        Assert.Equal(1, await db.Complaints.CountAsync());
    }
}
