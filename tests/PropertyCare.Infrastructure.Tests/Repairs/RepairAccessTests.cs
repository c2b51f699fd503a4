using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>Stale versions are refused, and every reader sees only what is theirs: the project's orders for
/// the desk, one's own orders for a technician, one's own requests for an owner.</summary>
[Collection(RepairsCollection.Name)]
public class RepairAccessTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_second_dispatch_with_the_version_both_desks_loaded_is_refused_and_overwrites_nothing()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var zhang = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var li = await w.AddUserAsync(w.A, Roles.Technician, "lisf", "李师傅");
        var (id, _) = await w.Desk(w.A, "u-desk1").RegisterAsync(RepairWorld.Intake(unit), []);
        var loaded = (await w.OrderAsync(w.A, id)).Version;

        await w.Desk(w.A, "u-desk1").DispatchAsync(id, loaded, zhang);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Desk(w.A, "u-desk2").DispatchAsync(id, loaded, li));

        var order = await w.OrderAsync(w.A, id);
        Assert.Equal(zhang, order.TechnicianId);
        Assert.Equal("张师傅", order.TechnicianName);
        Assert.Equal(loaded + 1, order.Version);
        await using var db = w.Db(w.A);
        Assert.Equal([zhang], await db.OutboxMessages.Select(m => m.Recipient).ToListAsync());
    }

    [Fact]
    public async Task Accepting_with_a_version_that_changed_since_it_was_loaded_is_refused()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var zhang = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await w.Desk(w.A).DispatchAsync(id, (await w.OrderAsync(w.A, id)).Version, zhang);
        var loaded = (await w.OrderAsync(w.A, id)).Version;

        // Two tabs of the technician's worklist: the first accepts, the second is stale.
        await w.Tech(w.A, zhang).AcceptAsync(id, loaded);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Tech(w.A, zhang).AcceptAsync(id, loaded));
        // The desk cancels from a stale page: refused, the accepted order stays as it is.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Desk(w.A).CancelAsync(id, loaded, "业主取消"));

        var order = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairStatus.Accepted, order.Status);
        Assert.Null(order.CloseReason);
        Assert.Equal(loaded + 1, order.Version);
    }

    [Fact]
    public async Task Two_writers_that_passed_the_version_check_together_do_not_both_save()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await using var first = w.Db(w.A);
        await using var second = w.Db(w.A);
        var a = await first.RepairOrders.SingleAsync(o => o.Id == id);
        var b = await second.RepairOrders.SingleAsync(o => o.Id == id);
        a.Dispatch("t-1", "张师傅");
        b.Dispatch("t-2", "李师傅");

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());
        Assert.Equal("t-1", (await w.OrderAsync(w.A, id)).TechnicianId);
    }

    [Fact]
    public async Task Another_projects_desk_sees_and_touches_none_of_the_orders()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        await w.AddUserAsync(w.B, Roles.Technician, "b-tech", "滨江技工");
        var bTech = await w.AddUserAsync(w.B, Roles.Technician, "b-tech2", "滨江技工二");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [new PhotoUpload("漏水.png", RepairWorld.Png)]);
        var version = (await w.OrderAsync(w.A, id)).Version;
        int photoId;
        await using (var db = w.Db(w.A)) photoId = (await db.RepairPhotos.SingleAsync()).Id;

        var deskB = w.Desk(w.B, "u-desk-b");
        Assert.Equal(0, (await deskB.ListAsync(new RepairListQuery(), 1, 50)).Total);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => deskB.GetAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => deskB.DispatchAsync(id, version, bTech));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => deskB.CancelAsync(id, version, "越权"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => deskB.PhotoAsync(photoId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Manager(w.B).CloseByManagerAsync(id, version, "越权"));

        // B's desk cannot register for A's unit; its own numbering starts at 0001 the same day.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => deskB.RegisterAsync(RepairWorld.Intake(unit), []));
        var (bUnit, _) = await w.AddUnitAsync(w.B, "0101", "赵强", "13500135000");
        Assert.Equal("BX-20261123-0001", (await deskB.RegisterAsync(RepairWorld.Intake(bUnit), [])).Number);
        // A's desk cannot dispatch to B's technician.
        await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).DispatchAsync(id, version, bTech));
        Assert.DoesNotContain(bTech, (await w.Desk(w.A).TechniciansAsync()).Select(t => t.UserId));

        var order = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairStatus.Registered, order.Status);
        Assert.Null(order.TechnicianId);
        Assert.Equal(version, order.Version);
        // The own project's desk still reads the photo.
        var (type, bytes) = await w.Desk(w.A).PhotoAsync(photoId);
        Assert.Equal("image/png", type);
        Assert.Equal(RepairWorld.Png, bytes);
    }

    [Fact]
    public async Task A_technician_sees_and_works_only_the_orders_dispatched_to_them()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var zhang = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var li = await w.AddUserAsync(w.A, Roles.Technician, "lisf", "李师傅");
        var (mine, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), [new PhotoUpload("a.png", RepairWorld.Png)]);
        var (theirs, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "卫生间地漏堵塞"), []);
        var (undispatched, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "阳台门关不上"), []);
        await w.Desk(w.A).DispatchAsync(mine, (await w.OrderAsync(w.A, mine)).Version, zhang);
        await w.Desk(w.A).DispatchAsync(theirs, (await w.OrderAsync(w.A, theirs)).Version, li);
        int photoId;
        await using (var db = w.Db(w.A)) photoId = (await db.RepairPhotos.SingleAsync()).Id;

        var asZhang = w.As(Roles.Technician, w.A, zhang, "张师傅");
        var repairs = asZhang.GetRequiredService<RepairService>();
        var work = asZhang.GetRequiredService<TechnicianService>();

        var detail = await repairs.GetAsync(mine);
        Assert.Equal("13800138000", detail.ContactPhone);
        Assert.Equal([mine], (await work.MyOrdersAsync(false, 1, 20)).Items.Select(r => r.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => repairs.GetAsync(theirs));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => repairs.GetAsync(undispatched));
        var theirsVersion = (await w.OrderAsync(w.A, theirs)).Version;
        await Assert.ThrowsAsync<RecordNotFoundException>(() => work.AcceptAsync(theirs, theirsVersion));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => work.ReturnAsync(theirs, theirsVersion, "不是我的"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => repairs.ListAsync(new RepairListQuery(), 1, 20));
        Assert.Equal("image/png", (await repairs.PhotoAsync(photoId)).ContentType);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.As(Roles.Technician, w.A, li, "李师傅").GetRequiredService<RepairService>().PhotoAsync(photoId));

        var o = await w.OrderAsync(w.A, theirs);
        Assert.Equal(RepairStatus.Dispatched, o.Status);
        Assert.Equal(li, o.TechnicianId);

        // A disabled technician is no longer offered nor dispatched to.
        var gone = await w.AddUserAsync(w.A, Roles.Technician, "wangsf", "王师傅", active: false);
        Assert.Equal(["张师傅", "李师傅"], (await w.Desk(w.A).TechniciansAsync()).Select(t => t.Name).Order());
        await Assert.ThrowsAsync<ValidationException>(async () =>
            await w.Desk(w.A).DispatchAsync(undispatched, (await w.OrderAsync(w.A, undispatched)).Version, gone));
        Assert.Null((await w.OrderAsync(w.A, undispatched)).TechnicianId);
    }

    [Fact]
    public async Task An_owner_sees_only_their_own_requests_and_reports_only_for_their_own_units()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unitX, ownerX) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var (unitY, ownerY) = await w.AddUnitAsync(w.A, "1202", "王芳", "13900139000");
        var (yId, _) = await w.Portal(w.A, ownerY).SubmitAsync(unitY, "水电", "插座没电", RepairUrgency.Normal, null, [new PhotoUpload("y.png", RepairWorld.Png)]);
        var (deskId, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unitY, description: "门禁坏了"), []);
        var (xId, _) = await w.Portal(w.A, ownerX).SubmitAsync(unitX, "门窗", "窗户关不严", RepairUrgency.Normal, "周六上午", []);
        int photoId;
        await using (var db = w.Db(w.A)) photoId = (await db.RepairPhotos.SingleAsync()).Id;

        var x = w.Portal(w.A, ownerX);
        Assert.Equal([xId], (await x.MyRequestsAsync(1, 20)).Items.Select(r => r.Id));
        Assert.Equal(xId, (await x.GetAsync(xId)).Order.Id);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => x.GetAsync(yId));
        // The desk registered it for Y's unit, so it is Y's request.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => x.GetAsync(deskId));
        Assert.Equal([deskId, yId], (await w.Portal(w.A, ownerY).MyRequestsAsync(1, 20)).Items.Select(r => r.Id));
        var ve = await Assert.ThrowsAsync<ValidationException>(() => x.SubmitAsync(unitY, "水电", "帮邻居报修", RepairUrgency.Normal, null, []));
        Assert.Contains(ve.Errors, e => e.Field == "Location");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => x.RateAsync(yId, Satisfaction.VeryDissatisfied, ServiceAttitude.Poor, false, false, "恶意差评"));
        var asX = w.As(Roles.Owner, w.A, $"u-owner-{ownerX}", "业主", ownerX);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => asX.GetRequiredService<RepairService>().PhotoAsync(photoId));
        Assert.Equal("image/png", (await w.As(Roles.Owner, w.A, $"u-owner-{ownerY}", "业主", ownerY).GetRequiredService<RepairService>().PhotoAsync(photoId)).ContentType);

        await using (var db = w.Db(w.A))
            Assert.Equal(3, await db.RepairOrders.CountAsync());
        var xOrder = await w.OrderAsync(w.A, xId);
        Assert.Equal(ownerX, xOrder.OwnerId);
        Assert.Equal(RepairChannel.OwnerPortal, xOrder.Channel);
        Assert.Equal("张伟", xOrder.ContactName);
    }
}

/// <summary>Co-owned units: the owner who reported in the portal keeps following the request.</summary>
[Collection(RepairsCollection.Name)]
public class RepairCoOwnerTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_rework_after_a_desk_callback_stays_with_the_co_owner_who_reported_it()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, primary) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        int coOwner;
        await using (var db = w.Db(w.A))
        {
            var c = new Domain.Owners.Owner { Name = "张太太", IdType = Domain.Owners.IdDocumentType.ResidentIdCard, IdNumber = "110105195001010028", Phone = "13800138001" };
            db.Owners.Add(c);
            await db.SaveChangesAsync();
            db.UnitOwnerships.Add(new Domain.Owners.UnitOwnership { UnitId = unit, OwnerId = c.Id, IsPrimary = false });
            await db.SaveChangesAsync();
            coOwner = c.Id;
        }
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var (id, _) = await w.Portal(w.A, coOwner).SubmitAsync(unit, "水电", "热水器不出热水", RepairUrgency.Normal, null, []);
        Assert.Equal(coOwner, (await w.OrderAsync(w.A, id)).OwnerId);
        Assert.Equal("张太太", (await w.OrderAsync(w.A, id)).ContactName);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        w.Clock.Advance(TimeSpan.FromDays(1));
        var calls = w.Callbacks(w.A);
        var row = Assert.Single((await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);

        var reworkNumber = await calls.RecordAnswerAsync(row.Id, row.Version,
            new CallbackAnswer("张太太", ServiceAttitude.Good, true, true, Satisfaction.Dissatisfied, "还是不出热水"));

        await using (var db = w.Db(w.A))
        {
            var rework = await db.RepairOrders.AsNoTracking().SingleAsync(o => o.Number == reworkNumber);
            Assert.Equal(coOwner, rework.OwnerId);
            Assert.Equal("张太太", rework.ContactName);
        }
        Assert.Contains(reworkNumber, (await w.Portal(w.A, coOwner).MyRequestsAsync(1, 20)).Items.Select(r => r.Number));
        Assert.DoesNotContain(reworkNumber, (await w.Portal(w.A, primary).MyRequestsAsync(1, 20)).Items.Select(r => r.Number));
    }
}
