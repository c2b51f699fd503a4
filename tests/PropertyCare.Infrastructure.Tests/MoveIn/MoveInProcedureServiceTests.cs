using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>办理入伙手续 through the service: completion lists every missing piece and changes nothing, receipt numbers
/// are unique across the project, the owner file is completed through OwnerService, and the unit is delivered with history.</summary>
[Collection(RepairsCollection.Name)]
public class MoveInProcedureServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Completion_lists_every_missing_piece_at_once_and_changes_nothing()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, owner) = await w.BatchWithUnitAsync(w.A);
        await using (var db = w.Db(w.A))
        {
            // An owner file from the developer's list without the ID number.
            var o = await db.Owners.SingleAsync(x => x.Id == owner);
            o.IdNumber = "";
            await db.SaveChangesAsync();
        }
        var p = w.Procedures(w.A);
        var id = await p.StartAsync(batch, unit);
        var d = await p.GetAsync(id);
        Assert.False(d.OwnerFile.Complete);
        Assert.Equal("证件号码", Assert.Single(d.OwnerFile.Missing).Zh);

        var e = await Assert.ThrowsAsync<ValidationException>(() => p.CompleteAsync(id, d.Version, UnitState.Occupied));
        Assert.Equal(["Inspection", "Documents", "Keys", "OwnerFile"], e.Errors.Select(x => x.Field).ToArray());
        Assert.Contains("业主身份证件", e.Errors[1].Message.Zh);
        var after = await p.GetAsync(id);
        Assert.Equal((ProcedureStatus.InProgress, d.Version, UnitState.NotDelivered), (after.Status, after.Version, after.UnitState));
    }

    [Fact]
    public async Task A_complete_move_in_delivers_the_unit_with_history_and_the_owner_file_is_completed_through_the_owner_records()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch, unit, owner) = await w.BatchWithUnitAsync(w.A);
        await using (var db = w.Db(w.A))
        {
            var o = await db.Owners.SingleAsync(x => x.Id == owner);
            o.IdNumber = "";
            await db.SaveChangesAsync();
        }
        var s = w.Inspections(w.A);
        var (iid, iv) = await s.SignedAsync(batch, unit);
        await s.CompleteAsync(iid, iv);

        var p = w.Procedures(w.A);
        var id = await p.StartAsync(batch, unit);
        var d = await p.GetAsync(id);
        var v = d.Version;
        foreach (var doc in d.Documents.Where(x => x.Required)) v = await p.TickDocumentAsync(id, v, doc.Name, true);
        v = await p.RecordFeeAsync(id, v, "物业服务费（首期）", 1890.50m, "SJ-0001");
        v = await p.HandOverKeysAsync(id, v, [new("入户门钥匙", 3), new("单元门禁卡", 2)], "张伟");
        // Still refused for the owner file alone.
        var e = await Assert.ThrowsAsync<ValidationException>(() => p.CompleteAsync(id, v, UnitState.Occupied));
        Assert.Equal("OwnerFile", Assert.Single(e.Errors).Field);

        // The desk completes the owner file through the owner records' own service.
        var owners = w.As(Roles.ServiceDesk, w.A).GetRequiredService<OwnerService>();
        var ov = await owners.GetAsync(owner);
        await owners.UpdateAsync(owner, (await p.GetAsync(id)).OwnerFile.OwnerVersion,
            new OwnerDetails(ov.Name, IdDocumentType.ResidentIdCard, "11010519491231002X", null, null, null, ContactPreference.Phone, null, null));
        Assert.True((await p.GetAsync(id)).OwnerFile.Complete);

        await p.CompleteAsync(id, v, UnitState.Occupied);

        var done = await p.GetAsync(id);
        Assert.Equal((ProcedureStatus.Completed, UnitState.Occupied, UnitState.Occupied), (done.Status, done.DeliveredAs!.Value, done.UnitState));
        await using var check = w.Db(w.A);
        var history = await check.ChangeRecords.AsNoTracking().Where(r => r.EntityType == nameof(Unit) && r.EntityId == unit && r.Action == ChangeAction.Updated)
            .OrderBy(r => r.Id).ToListAsync();
        // The last change of the unit is the delivery (the one before is the test's own arrangement to 未交付).
        var state = Assert.Single(history[^1].Changes, c => c.Field == nameof(Unit.State));
        Assert.Equal((nameof(UnitState.NotDelivered), nameof(UnitState.Occupied)), (state.Old, state.New));
        await Assert.ThrowsAsync<IllegalStepException>(() => p.TickDocumentAsync(id, done.Version, "购房合同", false));
    }

    [Fact]
    public async Task A_receipt_number_is_refused_a_second_time_in_the_project_but_not_in_another_project()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (batch1, unit1, _) = await w.BatchWithUnitAsync(w.A);
        var (batch2, unit2, _) = await w.BatchWithUnitAsync(w.A, "1202", "李娜", "13800138001");
        var (batchB, unitB, _) = await w.BatchWithUnitAsync(w.B, "0801", "王芳", "13800138002");
        var p = w.Procedures(w.A);
        var first = await p.StartAsync(batch1, unit1);
        await p.RecordFeeAsync(first, (await p.GetAsync(first)).Version, "装修保证金", 2000m, "SJ-0001");
        var second = await p.StartAsync(batch2, unit2);
        var v = (await p.GetAsync(second)).Version;

        var e = await Assert.ThrowsAsync<ValidationException>(() => p.RecordFeeAsync(second, v, "物业服务费", 300m, " SJ-0001 "));
        Assert.Equal("ReceiptNumber", Assert.Single(e.Errors).Field);
        Assert.Empty((await p.GetAsync(second)).Fees);
        // The same procedure refuses it too (the domain's own check).
        var fv = (await p.GetAsync(first)).Version;
        await Assert.ThrowsAsync<ValidationException>(() => p.RecordFeeAsync(first, fv, "物业服务费", 300m, "SJ-0001"));

        var pb = w.Procedures(w.B);
        var other = await pb.StartAsync(batchB, unitB);
        await pb.RecordFeeAsync(other, (await pb.GetAsync(other)).Version, "物业服务费", 300m, "SJ-0001");
        Assert.Single((await pb.GetAsync(other)).Fees);
    }
}
