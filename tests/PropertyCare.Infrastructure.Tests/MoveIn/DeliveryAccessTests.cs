using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>Who may do what with a delivery inspection and a move-in procedure, and attacks from another project and
/// from another owner: writes refused to HQ, technicians and owners; another project's records and files are "not found";
/// an owner reads only their own unit's inspection and its files.</summary>
[Collection(RepairsCollection.Name)]
public class DeliveryAccessTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Theory]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Owner)]
    public async Task Writes_are_refused_to_hq_technicians_and_owners(string role)
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, owner) = await w.BatchWithUnitAsync(w.A);
        var desk = w.Inspections(w.A);
        var (id, v) = await desk.SignedAsync(batch, unit, ("客厅", "墙面", "裂缝"));
        var pid = await w.Procedures(w.A).StartAsync(batch, unit);
        var pv = (await w.Procedures(w.A).GetAsync(pid)).Version;
        int? ownerId = role == Roles.Owner ? owner : null;
        var s = w.Inspections(w.A, role, ownerId);
        var p = w.Procedures(w.A, role, ownerId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => s.StartAsync(batch, unit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.RecordAsync(id, v, "客厅", "墙面", CheckResult.Passed, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.ReadMetersAsync(id, v, new MeterReadings(1, 1, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.AddPhotosAsync(id, [new PhotoUpload("a.png", RepairWorld.Png)]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.SignOnTabletAsync(id, v, RepairWorld.Png));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.CompleteAsync(id, v));
        await Assert.ThrowsAsync<AccessDeniedException>(() => p.StartAsync(batch, unit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => p.TickDocumentAsync(pid, pv, "购房合同", true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => p.RecordFeeAsync(pid, pv, "物业费", 1m, "R1"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => p.HandOverKeysAsync(pid, pv, [new("入户门钥匙", 1)], "张伟"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => p.CompleteAsync(pid, pv, UnitState.Occupied));
        if (role == Roles.HqAuditor)
        {
            // HQ reads.
            Assert.Equal(id, (await s.GetAsync(id)).Id);
            Assert.Equal(pid, (await p.GetAsync(pid)).Id);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => s.GetAsync(id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => p.GetAsync(pid));
        }
        Assert.Equal((InspectionStatus.InProgress, v), ((await desk.GetAsync(id)).Status, (await desk.GetAsync(id)).Version));
    }

    [Fact]
    public async Task Another_projects_inspection_procedure_batch_and_signature_are_not_found()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, _) = await w.BatchWithUnitAsync(w.A);
        var desk = w.Inspections(w.A);
        var (id, v) = await desk.SignedAsync(batch, unit);
        var signature = (await desk.GetAsync(id)).SignatureFileId!.Value;
        var pid = await w.Procedures(w.A).StartAsync(batch, unit);

        var other = w.Inspections(w.B);
        var otherP = w.Procedures(w.B);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => other.GetAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => other.UnitAsync(batch, unit));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => other.StartAsync(batch, unit));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => other.RecordAsync(id, v, "客厅", "墙面", CheckResult.Passed, null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => other.CompleteAsync(id, v));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => otherP.GetAsync(pid));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => otherP.TickDocumentAsync(pid, 1, "购房合同", true));
        var files = w.As(Roles.ServiceDesk, w.B).GetRequiredService<AttachmentService>();
        await Assert.ThrowsAsync<RecordNotFoundException>(() => files.ReadAsync(signature));
        Assert.Equal(RepairWorld.Png, (await w.As(Roles.ServiceDesk, w.A).GetRequiredService<AttachmentService>().ReadAsync(signature)).Bytes);
    }

    [Fact]
    public async Task An_owner_sees_only_their_own_units_inspection_and_its_files()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, owner) = await w.BatchWithUnitAsync(w.A);
        var (_, _, neighbour) = await w.BatchWithUnitAsync(w.A, "1202", "李娜", "13800138001");
        var desk = w.Inspections(w.A);
        var (id, v) = await desk.SignedAsync(batch, unit, ("客厅", "墙面", "墙面裂缝"));
        await desk.AddPhotosAsync(id, [new PhotoUpload("crack.png", RepairWorld.Png)]);
        await desk.CompleteAsync(id, v);
        var d = await desk.GetAsync(id);
        var signature = d.SignatureFileId!.Value;
        var photo = Assert.Single(d.Photos).Id;

        var mine = Assert.Single(await w.PortalDelivery(w.A, owner).MineAsync());
        Assert.Equal((id, 4, 3, 1), (mine.Id, mine.Lines, mine.Passed, mine.Failed));
        var defect = Assert.Single(mine.Defects);
        Assert.Equal(RepairStatus.Registered, defect.RepairStatus);
        Assert.NotNull(defect.RepairNumber);
        Assert.Equal(photo, Assert.Single(mine.Photos).Id);
        var ownFiles = w.As(Roles.Owner, w.A, $"u-owner-{owner}", "业主", owner).GetRequiredService<AttachmentService>();
        Assert.Equal(RepairWorld.Png, (await ownFiles.ReadAsync(signature)).Bytes);
        Assert.Equal(RepairWorld.Png, (await ownFiles.ReadAsync(photo)).Bytes);

        Assert.Empty(await w.PortalDelivery(w.A, neighbour).MineAsync());
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.PortalDelivery(w.A, neighbour).GetAsync(id));
        var theirFiles = w.As(Roles.Owner, w.A, $"u-owner-{neighbour}", "业主", neighbour).GetRequiredService<AttachmentService>();
        await Assert.ThrowsAsync<RecordNotFoundException>(() => theirFiles.ReadAsync(signature));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => theirFiles.ReadAsync(photo));
        // Staff cannot use the owner's portal reads.
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.As(Roles.ServiceDesk, w.A).GetRequiredService<Infrastructure.MoveIn.PortalDeliveryService>().MineAsync());
    }
}
