using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>Who may do what with batches, slots, appointments and take-over defects, and attacks from another project:
/// its records by id are "not found", and nothing of it changes.</summary>
[Collection(RepairsCollection.Name)]
public class MoveInAccessTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Theory]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Owner)]
    public async Task Writes_are_refused_to_hq_technicians_and_owners(string role)
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var batch = await w.StartedBatchAsync(w.A, u1);
        var slot = await w.SlotAsync(w.A, batch);
        var a = await w.Appointments(w.A).BookAsync(slot, u1);
        var takeOver = await w.TakeOver(w.A).StartAsync(batch, null, "会所", MoveInWorld.Day1);
        var defect = await w.TakeOver(w.A).AddDefectAsync(takeOver, "电梯", "按钮失灵", null, []);

        var batches = w.Batches(w.A, role);
        var appointments = w.Appointments(w.A, role);
        var svc = w.TakeOver(w.A, role);
        var refused = new List<Func<Task>>
        {
            () => batches.PlanAsync(MoveInWorld.Draft(), [u1]),
            () => batches.CloseAsync(batch, 1),
            () => batches.PickUnitsAsync(1, null, null, null),
            () => appointments.OpenSlotAsync(batch, MoveInWorld.Day1, new(14, 0), new(15, 0), 3),
            () => appointments.ChangeCapacityAsync(slot, 1, 5),
            () => appointments.BookAsync(slot, u1),
            () => appointments.MoveAsync(a, 1, slot),
            () => appointments.CancelAsync(a, 1, "x"),
            () => appointments.AttendAsync(a, 1),
            () => svc.StartAsync(batch, null, "泳池", MoveInWorld.Day1),
            () => svc.RecordItemAsync(takeOver, 1, "电梯", CheckResult.Passed, null),
            () => svc.AddDefectAsync(takeOver, "电梯", "x", null, []),
            () => svc.PromiseAsync(defect, 1, MoveInWorld.Day1),
            () => svc.CloseDefectAsync(defect, 1, "x"),
            () => svc.CompleteAsync(takeOver, 1),
        };
        foreach (var call in refused) await Assert.ThrowsAsync<AccessDeniedException>(call);

        // HQ reads; technicians and owners do not read the desk's screens.
        if (role == Roles.HqAuditor)
        {
            Assert.Single(await batches.ListAsync());
            Assert.Single(await appointments.DayAsync(MoveInWorld.Day1));
            Assert.Single((await svc.OpenDefectsAsync(false, 1, 10)).Items);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => batches.ListAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => appointments.DayAsync(MoveInWorld.Day1));
            await Assert.ThrowsAsync<AccessDeniedException>(() => svc.OpenDefectsAsync(false, 1, 10));
        }
        Assert.Equal(AppointmentStatus.Booked, (await w.AppointmentAsync(w.A, a)).Status);
    }

    [Fact]
    public async Task Staff_cannot_use_the_portal_service()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var desk = w.W.As(Roles.ServiceDesk, w.A).GetRequiredService<PortalMoveInService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => desk.MyDeliveriesAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => desk.BookAsync(1, 1));
    }

    [Fact]
    public async Task Another_projects_batch_slot_appointment_defect_and_photo_are_not_found_and_unchanged()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (theirUnit, theirOwner) = await w.AddUnitAsync(w.B, "1201", "外人");
        var batch = await w.StartedBatchAsync(w.B, theirUnit);
        var slot = await w.SlotAsync(w.B, batch);
        var a = await w.Appointments(w.B).BookAsync(slot, theirUnit);
        var inspection = await w.TakeOver(w.B).StartAsync(batch, null, "会所", MoveInWorld.Day1);
        var defect = await w.TakeOver(w.B).AddDefectAsync(inspection, "电梯", "按钮失灵", null, [new PhotoUpload("p.png", RepairWorld.Png)]);
        int photo;
        await using (var db = w.Db(w.B)) photo = await db.Attachments.Select(x => x.Id).SingleAsync();
        var (myUnit, me) = await w.AddUnitAsync(w.A, "1201");

        var batches = w.Batches(w.A, Roles.ProjectManager);
        var appointments = w.Appointments(w.A, Roles.ProjectManager);
        var takeOver = w.TakeOver(w.A, Roles.ProjectManager);
        var files = w.W.As(Roles.ProjectManager, w.A).GetRequiredService<AttachmentService>();
        var portal = w.Portal(w.A, me);
        var notFound = new List<Func<Task>>
        {
            () => batches.GetAsync(batch),
            () => batches.ProgressAsync(batch),
            () => batches.UnitsAsync(batch, BatchUnitFilter.All, null, 1, 10),
            () => batches.StartAsync(batch, 1),
            () => batches.CloseAsync(batch, 2),
            () => appointments.SlotsAsync(batch),
            () => appointments.OpenSlotAsync(batch, MoveInWorld.Day1, new(14, 0), new(15, 0), 3),
            () => appointments.ChangeCapacityAsync(slot, 1, 5),
            () => appointments.BookAsync(slot, myUnit),
            () => appointments.GetAsync(a),
            () => appointments.NoticeAsync(a),
            () => appointments.MoveAsync(a, 1, slot),
            () => appointments.CancelAsync(a, 1, "x"),
            () => appointments.AttendAsync(a, 1),
            () => takeOver.ListAsync(batch),
            () => takeOver.StartAsync(batch, null, "泳池", MoveInWorld.Day1),
            () => takeOver.GetAsync(inspection),
            () => takeOver.RecordItemAsync(inspection, 1, "电梯", CheckResult.Passed, null),
            () => takeOver.AddDefectAsync(inspection, "电梯", "x", null, []),
            () => takeOver.DefectAsync(defect),
            () => takeOver.PromiseAsync(defect, 1, MoveInWorld.Day1),
            () => takeOver.AddDefectPhotosAsync(defect, [new PhotoUpload("q.png", RepairWorld.Png)]),
            () => takeOver.CompleteAsync(inspection, 1),
            () => files.ReadAsync(photo),
            () => portal.NoticeAsync(a),
            () => portal.MoveAsync(a, 1, slot),
            () => portal.CancelAsync(a, 1, "x"),
        };
        foreach (var call in notFound) await Assert.ThrowsAsync<RecordNotFoundException>(call);
        Assert.Empty(await batches.ListAsync());
        Assert.Empty(await appointments.DayAsync(MoveInWorld.Day1));
        Assert.Empty((await takeOver.OpenDefectsAsync(false, 1, 10)).Items);
        // The owner of project B's unit, signed in to project A, sees nothing there either.
        Assert.Empty(await w.Portal(w.A, theirOwner).MyDeliveriesAsync());

        await using var check = w.Db(w.B);
        var stored = await check.DeliveryAppointments.AsNoTracking().SingleAsync(x => x.Id == a);
        Assert.Equal((slot, AppointmentStatus.Booked, 0), (stored.SlotId, stored.Status, stored.Moves));
        Assert.Equal(DefectStatus.Open, await check.TakeOverDefects.Where(x => x.Id == defect).Select(x => x.Status).SingleAsync());
        Assert.Equal(BatchStatus.InProgress, await check.DeliveryBatches.Where(x => x.Id == batch).Select(x => x.Status).SingleAsync());
        Assert.Equal(1, await check.Attachments.CountAsync());
        Assert.Equal(1, await check.DeliverySlots.CountAsync());
    }
}
