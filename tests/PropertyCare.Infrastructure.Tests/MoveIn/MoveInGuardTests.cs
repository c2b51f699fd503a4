using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>Guards the mutation run of the move-in and vacant-unit services found unwatched (docs/testing.md): the
/// file limit per record and kind, the file lists by kind, the portal services' own permission check, a unit's
/// appointment of an earlier batch, and a move with a stale version.</summary>
[Collection(RepairsCollection.Name)]
public class MoveInGuardTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static PhotoUpload[] Photos(int n) => Enumerable.Range(1, n).Select(i => new PhotoUpload($"p{i}.png", Png)).ToArray();

    private static async Task AddAsync(AppDbContext db, AttachmentKind kind, int record, int n)
    {
        await AttachmentService.AddAsync(db, kind, record, Photos(n), "客服小李", DateTime.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_record_holds_nine_files_of_a_kind_and_other_kinds_and_records_do_not_count_towards_it()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        await using var db = w.Db(w.A);
        await AddAsync(db, AttachmentKind.VacantInspectionPhoto, 1, Attachment.MaxPerRecord); // exactly the limit, in one go
        await Assert.ThrowsAsync<DomainException>(() => AddAsync(db, AttachmentKind.VacantInspectionPhoto, 1, 1));
        await Assert.ThrowsAsync<DomainException>(() => AddAsync(db, AttachmentKind.VacantInspectionPhoto, 3, Attachment.MaxPerRecord + 1));
        await AddAsync(db, AttachmentKind.VacantInspectionPhoto, 2, 1); // another record
        await AddAsync(db, AttachmentKind.DeliveryInspectionPhoto, 1, 1); // another kind on the same record id

        var one = await AttachmentService.ListAsync(db, AttachmentKind.VacantInspectionPhoto, 1, CancellationToken.None);
        Assert.Equal(Attachment.MaxPerRecord, one.Count);
        Assert.Equal(one.Select(a => a.Id).Order(), one.Select(a => a.Id)); // upload order
        Assert.All(one, a => Assert.Equal(AttachmentKind.VacantInspectionPhoto, a.Kind));
        var grouped = await AttachmentService.ListAsync(db, AttachmentKind.VacantInspectionPhoto, [1, 2], CancellationToken.None);
        Assert.Equal([(1, 9), (2, 1)], grouped.OrderBy(g => g.Key).Select(g => (g.Key, g.Value.Count)));
        Assert.Equal(grouped[1].Select(a => a.Id).Order(), grouped[1].Select(a => a.Id));
        Assert.Equal(AttachmentKind.DeliveryInspectionPhoto,
            Assert.Single(await AttachmentService.ListAsync(db, AttachmentKind.DeliveryInspectionPhoto, [1, 2], CancellationToken.None))
                .Value.Single().Kind);
    }

    [Fact]
    public async Task A_staff_account_that_carries_an_owner_id_is_refused_by_every_portal_service()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (_, ownerId) = await w.AddUnitAsync(w.A, "1201");
        // The portal reads "my units" from the owner id; the permission, not the id, decides who is an owner.
        var sp = w.W.As(Roles.ServiceDesk, w.A, "u-desk-owner", "客服兼业主", ownerId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sp.GetRequiredService<PortalDeliveryService>().MineAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => sp.GetRequiredService<PortalVacantService>().MyInspectionsAsync(1, 20));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sp.GetRequiredService<PortalMoveInService>().MyDeliveriesAsync());
    }

    [Fact]
    public async Task A_unit_seen_in_an_earlier_batch_books_again_in_the_next_one()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var first = await w.StartedBatchAsync(w.A, u1);
        var desk = w.Appointments(w.A);
        var a = await desk.BookAsync(await w.SlotAsync(w.A, first), u1);
        await desk.AttendAsync(a, (await w.AppointmentAsync(w.A, a)).Version); // attended stays active in its own batch
        var batches = w.Batches(w.A);
        await batches.CloseAsync(first, (await batches.GetAsync(first)).Version);

        var second = await batches.PlanAsync(MoveInWorld.Draft("二期交付"), [u1]);
        await batches.StartAsync(second, (await batches.GetAsync(second)).Version);
        var b = await desk.BookAsync(await w.SlotAsync(w.A, second), u1);

        Assert.Equal(second, (await w.AppointmentAsync(w.A, b)).BatchId);
    }

    [Fact]
    public async Task Moving_a_booking_with_a_stale_version_is_refused_and_it_stays_where_it_was()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var batch = await w.StartedBatchAsync(w.A, u1);
        var slot = await w.SlotAsync(w.A, batch);
        var later = await w.SlotAsync(w.A, batch, hour: 14);
        var desk = w.Appointments(w.A);
        var a = await desk.BookAsync(slot, u1);
        var seen = (await w.AppointmentAsync(w.A, a)).Version;
        await desk.MoveAsync(a, seen, later);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => desk.MoveAsync(a, seen, slot));
        Assert.Equal(later, (await w.AppointmentAsync(w.A, a)).SlotId);
    }

    [Fact]
    public async Task An_owner_of_two_units_opens_each_inspection_by_its_id_and_sees_its_batch_and_counts_newest_first()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, owner) = await w.AddUnitAsync(w.A, "1201");
        var (u2, _) = await w.AddUnitAsync(w.A, "1202");
        var batch = await w.StartedBatchAsync(w.A, u1, u2);
        int first, second;
        await using (var db = w.Db(w.A))
        {
            db.UnitOwnerships.Add(new UnitOwnership { UnitId = u2, OwnerId = owner }); // the owner bought the flat next door too
            var a = DeliveryInspection.Start(batch, u1, owner, null, ["客厅"], ["墙面", "燃气"]);
            a.Record("客厅", "墙面", CheckResult.Passed, null);
            db.DeliveryInspections.Add(a);
            await db.SaveChangesAsync();
            var b = DeliveryInspection.Start(batch, u2, owner, null, ["客厅"], ["墙面", "燃气"]);
            b.Record("客厅", "燃气", CheckResult.NotApplicable, null);
            db.DeliveryInspections.Add(b);
            await db.SaveChangesAsync();
            (first, second) = (a.Id, b.Id);
        }
        var portal = w.W.As(Roles.Owner, w.A, $"u-owner-{owner}", "业主", owner).GetRequiredService<PortalDeliveryService>();

        Assert.Equal([second, first], (await portal.MineAsync()).Select(i => i.Id)); // newest first
        var view = await portal.GetAsync(second);
        Assert.Equal((second, "一期交付", 2, 0, 1), (view.Id, view.BatchName, view.Lines, view.Passed, view.NotApplicable));
        Assert.Equal((first, 1, 0), ((await portal.GetAsync(first)).Id, (await portal.GetAsync(first)).Passed, (await portal.GetAsync(first)).NotApplicable));
    }
}
