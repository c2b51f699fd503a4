using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>The demo's delivery: in 翠湖花园's batch 一期交付, one inspection signed with two defects that became
/// warranty repair orders, one in progress, and one unit whose move-in is completed (已入住).</summary>
[Collection(RepairsCollection.Name)]
public sealed class DemoDeliveryTests
{
    [Fact]
    public async Task The_demo_has_a_signed_inspection_with_two_warranty_repairs_one_in_progress_and_a_unit_moved_in()
    {
        await using var app = new AppServices();
        await DemoData.SeedAsync(app.Provider);
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Name == "翠湖花园");
        var inspections = await db.DeliveryInspections.IgnoreQueryFilters().Where(i => i.ProjectId == project.Id).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(3, inspections.Count);
        var batch = await db.DeliveryBatches.IgnoreQueryFilters().SingleAsync(b => b.Id == inspections[0].BatchId);
        Assert.StartsWith(DemoDelivery.BatchName, batch.Name);
        Assert.Equal(BatchStatus.InProgress, batch.Status);
        Assert.All(inspections, i => Assert.Equal(batch.Id, i.BatchId));

        var signed = inspections[0];
        Assert.Equal((InspectionStatus.Completed, SignatureKind.Tablet), (signed.Status, signed.SignatureKind!.Value));
        Assert.Equal(2, signed.Defects.Count);
        var orderIds = signed.Defects.Select(d => d.RepairOrderId!.Value).ToList();
        var orders = await db.RepairOrders.IgnoreQueryFilters().Where(o => orderIds.Contains(o.Id)).ToListAsync();
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal((FeeKind.Warranty, signed.UnitId), (o.ExpectedFee, o.UnitId!.Value)));
        var signature = await db.Attachments.IgnoreQueryFilters().SingleAsync(a => a.Id == signed.SignatureFileId);
        Assert.Equal("image/png", signature.ContentType);

        Assert.Equal(InspectionStatus.InProgress, inspections[1].Status);
        Assert.Contains(inspections[1].Lines, l => l.Result == CheckResult.NotChecked);

        var procedure = await db.MoveInProcedures.IgnoreQueryFilters().SingleAsync(p => p.BatchId == batch.Id);
        Assert.Equal((ProcedureStatus.Completed, inspections[2].UnitId), (procedure.Status, procedure.UnitId));
        Assert.Equal(UnitState.Occupied, (await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == procedure.UnitId)).State);
    }
}
