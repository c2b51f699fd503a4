using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>Every vacant-unit write refused to HQ, technicians and owners (and the frequency to the desk), and another
/// project's task, inspection, custody or file by id answered "not found"; an owner sees only their own units' records.</summary>
[Collection(RepairsCollection.Name)]
public class VacantAccessTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private static PhotoUpload Scan => new("委托书.png", RepairWorld.Png);

    private sealed record Ctx(int Unit, int Owner, int TaskId, int CustodyId, int InspectionId);

    private static async Task<Ctx> ArrangeAsync(VacantWorld w, Project p)
    {
        var (unit, owner) = await w.VacantUnitAsync(p, "0101");
        await w.VacantUnitAsync(p, "0102");
        await w.StaffAsync(p, $"desk-{p.Id}", "客服");
        await w.CycleJob(p).RunAsync();
        var task = (await w.TasksAsync(p)).First(t => t.UnitId != unit);
        var inspection = await w.Desk(p).InspectAsync(unit, null, VacantWorld.Answers(("无损坏", "墙面开裂")), VacantWorld.Meters, [new PhotoUpload("裂缝.png", RepairWorld.Png)]);
        var custody = await w.Keys(p).AcceptAsync(unit, owner, new(2026, 11, 20), "入户门钥匙", Scan);
        return new(unit, owner, task.Id, custody, inspection.Id);
    }

    private static readonly Dictionary<string, Func<IServiceProvider, Ctx, Task>> Writes = new()
    {
        ["Inspect"] = (sp, c) => sp.GetRequiredService<VacantUnitService>().InspectAsync(c.Unit, null, VacantWorld.Answers(), VacantWorld.Meters, []),
        ["Target"] = (sp, c) => sp.GetRequiredService<VacantUnitService>().TargetAsync(c.Unit),
        ["Accept"] = (sp, c) => sp.GetRequiredService<KeyCustodyService>().AcceptAsync(c.Unit, c.Owner, new(2026, 11, 20), "备用钥匙", Scan),
        ["Lend"] = (sp, c) => sp.GetRequiredService<KeyCustodyService>().LendAsync(c.CustodyId, 0, "王师傅", "维修", new DateTime(2026, 11, 24, 12, 0, 0)),
        ["TakeBack"] = (sp, c) => sp.GetRequiredService<KeyCustodyService>().TakeBackAsync(c.CustodyId, 0),
        ["ReturnToOwner"] = (sp, c) => sp.GetRequiredService<KeyCustodyService>().ReturnToOwnerAsync(c.CustodyId, 0),
        ["RunCycleNow"] = (sp, c) => sp.GetRequiredService<VacantCycleJob>().RunNowAsync(),
        ["SetFrequency"] = (sp, c) => sp.GetRequiredService<VacantSettingsService>().SetFrequencyAsync(0, InspectionFrequency.Weekly),
    };

    [Theory]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Owner)]
    public async Task Every_write_is_refused_to_roles_without_MoveInWrite_and_changes_nothing(string role)
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var c = await ArrangeAsync(w, w.A);
        await using var before = w.W.Db(w.A);
        var counts = (await before.VacantUnitInspections.CountAsync(), await before.KeyCustodies.CountAsync(), await before.RepairOrders.CountAsync());
        foreach (var (name, call) in Writes)
        {
            var sp = w.W.As(role, w.A, "u-desk", "某人", c.Owner);
            var ex = await Record.ExceptionAsync(() => call(sp, c));
            Assert.True(ex is AccessDeniedException, $"{name} by {role}: {ex?.GetType().Name ?? "allowed"}");
        }
        await using var after = w.W.Db(w.A);
        Assert.Equal(counts, (await after.VacantUnitInspections.CountAsync(), await after.KeyCustodies.CountAsync(), await after.RepairOrders.CountAsync()));
        Assert.Equal(CustodyStatus.Held, (await after.KeyCustodies.SingleAsync()).Status);
    }

    [Fact]
    public async Task The_desk_may_not_set_the_frequency_and_HQ_reads_but_owners_and_technicians_do_not()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        await ArrangeAsync(w, w.A);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Settings(w.A, Roles.ServiceDesk).SetFrequencyAsync(0, InspectionFrequency.Weekly));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(Roles.ServiceDesk, w.A).GetRequiredService<VacantCycleJob>().RunNowAsync());
        Assert.Equal(0, (await w.W.As(Roles.ProjectManager, w.A).GetRequiredService<VacantCycleJob>().RunNowAsync()).Created); // the arrangement made them all
        Assert.Equal(2, (await w.W.As(Roles.HqAuditor, w.A).GetRequiredService<VacantUnitService>().ListAsync(1, 10)).Total);
        foreach (var role in new[] { Roles.Technician, Roles.Owner })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(role, w.A).GetRequiredService<VacantUnitService>().ListAsync(1, 10));
            await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(role, w.A).GetRequiredService<KeyCustodyService>().ListAsync(false, 1, 10));
        }
    }

    [Fact]
    public async Task Another_projects_task_inspection_custody_and_files_are_not_found_by_id()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var a = await ArrangeAsync(w, w.A);
        var b = await ArrangeAsync(w, w.B);
        var desk = w.Desk(w.A);
        var keys = w.Keys(w.A);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.InspectionAsync(b.InspectionId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.InspectAsync(a.Unit, b.TaskId, VacantWorld.Answers(), VacantWorld.Meters, []));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.InspectAsync(b.Unit, null, VacantWorld.Answers(), VacantWorld.Meters, []));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.TargetAsync(b.Unit));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => keys.GetAsync(b.CustodyId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => keys.LendAsync(b.CustodyId, 1, "王师傅", "维修", new DateTime(2026, 11, 24, 12, 0, 0)));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => keys.ReturnToOwnerAsync(b.CustodyId, 1));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => keys.AcceptAsync(b.Unit, b.Owner, new(2026, 11, 20), "钥匙", Scan));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, a.Owner).GetAsync(b.InspectionId));

        await using var db = w.W.Db(w.B);
        foreach (var fileId in await db.Attachments.Select(f => f.Id).ToListAsync())
            await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.ServiceDesk).ReadAsync(fileId));
        // Nothing of B changed.
        Assert.Equal(CustodyStatus.Held, (await db.KeyCustodies.SingleAsync()).Status);
        Assert.Equal(1, await db.VacantUnitInspections.CountAsync());
    }

    [Fact]
    public async Task An_owner_reads_the_photos_of_their_own_units_inspection_but_never_the_key_authorisation_nor_another_units_photos()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var c = await ArrangeAsync(w, w.A);
        var (other, otherOwner) = await w.VacantUnitAsync(w.A, "0103", "李娜", "13900139000");
        var otherInspection = await w.Desk(w.A).InspectAsync(other, null, VacantWorld.Answers(), VacantWorld.Meters, [new PhotoUpload("客厅.png", RepairWorld.Png)]);
        var photo = Assert.Single((await w.Desk(w.A).InspectionAsync(c.InspectionId)).Photos).Id;
        var otherPhoto = Assert.Single((await w.Desk(w.A).InspectionAsync(otherInspection.Id)).Photos).Id;
        var scan = (await w.Keys(w.A).GetAsync(c.CustodyId)).AuthorisationFileId;

        var mine = w.Files(w.A, Roles.Owner, c.Owner);
        Assert.Equal("image/png", (await mine.ReadAsync(photo)).ContentType);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => mine.ReadAsync(scan));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => mine.ReadAsync(otherPhoto));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, otherOwner).GetAsync(c.InspectionId));
        Assert.Equal(otherInspection.Id, Assert.Single((await w.Portal(w.A, otherOwner).MyInspectionsAsync(1, 10)).Items).Id);
        // Staff read the scan.
        Assert.Equal("image/png", (await w.Files(w.A, Roles.ServiceDesk).ReadAsync(scan)).ContentType);
    }
}
