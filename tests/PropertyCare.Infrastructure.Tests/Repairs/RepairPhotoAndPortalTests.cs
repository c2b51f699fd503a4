using PropertyCare.Infrastructure.Data;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

[Collection(RepairsCollection.Name)]
public class RepairPhotoAndPortalTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_real_png_is_stored_with_the_order_and_served_back_by_its_sniffed_type()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var desk = w.Desk(w.A);

        var (id, _) = await desk.RegisterAsync(RepairWorld.Intake(unit), [new PhotoUpload("uploads/漏水.png", RepairWorld.Png)]);

        var photo = Assert.Single((await desk.GetAsync(id)).Photos);
        Assert.Equal("漏水.png", photo.FileName);
        Assert.Equal(PhotoStage.Intake, photo.Stage);
        var (type, bytes) = await desk.PhotoAsync(photo.Id);
        Assert.Equal("image/png", type);
        Assert.Equal(RepairWorld.Png, bytes);
        await using var db = w.Db(w.A);
        var stored = await db.RepairPhotos.AsNoTracking().SingleAsync();
        Assert.Equal(id, stored.RepairOrderId);
        Assert.Equal(RepairWorld.Png.Length, stored.Size);
    }

    [Fact]
    public async Task A_text_file_named_png_is_refused_and_nothing_is_registered()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var desk = w.Desk(w.A);

        await Assert.ThrowsAsync<DomainException>(() => desk.RegisterAsync(RepairWorld.Intake(unit),
            [new PhotoUpload("ok.png", RepairWorld.Png), new PhotoUpload("照片.png", Encoding.UTF8.GetBytes("这不是图片，只是改了扩展名"))]));

        await using var db = w.Db(w.A);
        Assert.Equal(0, await db.RepairOrders.CountAsync());
        Assert.Equal(0, await db.RepairPhotos.CountAsync());
        // The failed registration used no number.
        Assert.Equal("BX-20261123-0001", (await desk.RegisterAsync(RepairWorld.Intake(unit), [])).Number);
    }

    [Fact]
    public async Task Seven_photos_are_refused_and_six_are_accepted()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var desk = w.Desk(w.A);
        PhotoUpload[] Photos(int n) => Enumerable.Range(1, n).Select(i => new PhotoUpload($"{i}.png", RepairWorld.Png)).ToArray();

        await Assert.ThrowsAsync<DomainException>(() => desk.RegisterAsync(RepairWorld.Intake(unit), Photos(7)));
        await using (var db = w.Db(w.A))
        {
            Assert.Equal(0, await db.RepairOrders.CountAsync());
            Assert.Equal(0, await db.RepairPhotos.CountAsync());
        }

        var (id, _) = await desk.RegisterAsync(RepairWorld.Intake(unit), Photos(6));
        Assert.Equal(6, (await desk.GetAsync(id)).Photos.Count);
    }

    /// <summary>A client that skips the picker's browser-side scaling and hands the service a big file: the service
    /// refuses it by its real size (issue 9, hostile files), whatever the browser declared.</summary>
    [Fact]
    public async Task A_photo_over_3_mb_sent_past_the_picker_is_refused_and_nothing_is_registered()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var desk = w.Desk(w.A);
        var big = new byte[RepairPhotoRules.MaxStoredBytes + 1];
        RepairWorld.Png.CopyTo(big, 0);

        var refused = await Assert.ThrowsAsync<DomainException>(() => desk.RegisterAsync(RepairWorld.Intake(unit), [new PhotoUpload("大图.png", big)]));

        Assert.Contains("3 MB", refused.Text.Zh);
        Assert.Contains("3 MB", refused.Text.En);
        await using var db = w.Db(w.A);
        Assert.Equal(0, await db.RepairOrders.CountAsync());
        Assert.Equal(0, await db.RepairPhotos.CountAsync());
    }

    [Fact]
    public async Task An_owner_submits_in_the_portal_and_rates_the_finished_work_which_closes_the_order()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var portal = w.Portal(w.A, owner);
        Assert.Contains("水电", await portal.CategoriesAsync());

        var (id, number) = await portal.SubmitAsync(unit, "水电", "热水器不出热水", RepairUrgency.Normal, "周六上午", [new PhotoUpload("热水器.png", RepairWorld.Png)]);

        Assert.Equal("BX-20261123-0001", number);
        var order = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairChannel.OwnerPortal, order.Channel);
        Assert.Equal(owner, order.OwnerId);
        Assert.Equal("周六上午", order.PreferredTime);
        Assert.Equal(RepairStatus.Registered, order.Status);
        // The desk sees it to dispatch.
        Assert.Equal([id], (await w.Desk(w.A).ListAsync(new RepairListQuery(RepairFilter.ToDispatch), 1, 20)).Items.Select(r => r.Id));

        var early = await Assert.ThrowsAsync<DomainException>(() => portal.RateAsync(id, Satisfaction.VerySatisfied, ServiceAttitude.Good, true, true, null));
        Assert.IsNotType<RecordNotFoundException>(early);
        Assert.Equal(RepairStatus.Registered, (await w.OrderAsync(w.A, id)).Status);

        await w.DispatchAndCompleteAsync(w.A, id, tech);
        var detail = await portal.GetAsync(id);
        Assert.Equal(RepairStatus.Completed, detail.Order.Status);
        Assert.Equal(CallbackStatus.Pending, Assert.Single(detail.Callbacks).Status);

        Assert.Null(await portal.RateAsync(id, Satisfaction.VerySatisfied, ServiceAttitude.Good, true, true, "师傅很专业"));

        order = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairStatus.Closed, order.Status);
        await using (var db = w.Db(w.A))
        {
            var c = await db.Callbacks.AsNoTracking().SingleAsync();
            Assert.Equal(CallbackStatus.Done, c.Status);
            Assert.Equal(CallbackChannel.OwnerPortal, c.Channel);
            Assert.Equal(Satisfaction.VerySatisfied, c.Satisfaction);
            Assert.Equal("张伟", c.Respondent);
        }
        // Rated once only; the desk's worklist has nothing left to call.
        await Assert.ThrowsAsync<DomainException>(() => portal.RateAsync(id, Satisfaction.VeryDissatisfied, ServiceAttitude.Poor, false, false, "改评价"));
        Assert.Equal(new CallbackCounts(0, 0, 0, 0), await w.Callbacks(w.A).CountsAsync());
    }

    [Fact]
    public async Task The_desk_cannot_register_as_the_owner_portal_and_an_owner_cannot_use_the_desk()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit) with { Channel = RepairChannel.OwnerPortal }, []));
        var asOwner = w.As(Roles.Owner, w.A, "u-owner", "业主", owner);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            asOwner.GetRequiredService<RepairService>().RegisterAsync(RepairWorld.Intake(unit), []));
        // Staff without an owner record cannot use the portal.
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            w.As(Roles.Owner, w.A, "u-x", "无主", null).GetRequiredService<PortalRepairService>().MyRequestsAsync(1, 20));
    }
}
