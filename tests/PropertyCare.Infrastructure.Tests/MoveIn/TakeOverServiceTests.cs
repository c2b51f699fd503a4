using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>接管验收 through the service: a building of the batch or a facility, the default checklist, defects with
/// photos, the defect's lifecycle (promise, rectified, closed by a named checker or returned), completion needing the
/// defects, and the open-defects list with late ones first.</summary>
[Collection(RepairsCollection.Name)]
public class TakeOverServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task An_inspection_completes_only_when_every_item_is_checked_and_each_failed_item_has_a_defect()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        await w.AddUnitAsync(w.A, "101", building: "9栋");
        var batch = await w.StartedBatchAsync(w.A, u1);
        var svc = w.TakeOver(w.A);
        var detailOfBatch = await w.Batches(w.A).GetAsync(batch);
        var building = Assert.Single(detailOfBatch.Buildings);
        var nine = await w.Batches(w.A).BuildingsAsync();

        await Assert.ThrowsAsync<ValidationException>(() => svc.StartAsync(batch, nine.Single(b => b.Name == "9栋").Id, null, MoveInWorld.Day1));
        await Assert.ThrowsAsync<ValidationException>(() => svc.StartAsync(batch, building.Id, "会所", MoveInWorld.Day1));
        var id = await svc.StartAsync(batch, building.Id, null, MoveInWorld.Day1);
        var detail = await svc.GetAsync(id);
        Assert.Equal(("1栋", TakeOverInspection.DefaultChecklist.Length), (detail.Target, detail.Items.Count));

        foreach (var item in TakeOverInspection.DefaultChecklist)
        {
            var v = (await svc.GetAsync(id)).Version;
            if (item == "电梯") await svc.RecordItemAsync(id, v, item, CheckResult.Failed, "轿厢壁板划伤");
            else await svc.RecordItemAsync(id, v, item, CheckResult.Passed, null);
        }
        var e = await Assert.ThrowsAsync<DomainException>(async () => await svc.CompleteAsync(id, (await svc.GetAsync(id)).Version));
        Assert.Contains("电梯", e.Text.Zh);
        await Assert.ThrowsAsync<ValidationException>(() => svc.AddDefectAsync(id, "不存在的项目", "问题", null, []));

        var defect = await svc.AddDefectAsync(id, "电梯", "轿厢壁板划伤", "1号梯", [new PhotoUpload("a.png", RepairWorld.Png)]);
        await svc.CompleteAsync(id, (await svc.GetAsync(id)).Version);
        detail = await svc.GetAsync(id);
        Assert.Equal(TakeOverStatus.Completed, detail.Status);
        var row = Assert.Single(detail.Defects);
        Assert.Equal((defect, "工程部老王"), (row.Id, Assert.Single(row.Photos).UploadedBy));
        Assert.Equal(AttachmentKind.TakeOverDefectPhoto, row.Photos[0].Kind);
        // Completed with the defect open: it stays on the open list.
        Assert.Equal([defect], (await svc.OpenDefectsAsync(false, 1, 20)).Items.Select(d => d.Id));
        await Assert.ThrowsAsync<DomainException>(() => svc.AddDefectAsync(id, "电梯", "再登记", null, []));
    }

    [Fact]
    public async Task A_defect_is_promised_rectified_returned_promised_again_and_closed_only_by_a_named_check()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var batch = await w.StartedBatchAsync(w.A, u1);
        var svc = w.TakeOver(w.A);
        var id = await svc.StartAsync(batch, null, "地下车库", MoveInWorld.Day1);
        var d = await svc.AddDefectAsync(id, "消防设施", "喷淋头缺失", "B1-12", []);
        async Task<int> V() => (await svc.DefectAsync(d)).Version;

        await Assert.ThrowsAsync<IllegalStepException>(async () => await svc.CloseDefectAsync(d, await V(), "老王")); // not rectified
        await Assert.ThrowsAsync<ValidationException>(async () => await svc.PromiseAsync(d, await V(), new DateOnly(2026, 11, 22))); // past
        await svc.PromiseAsync(d, await V(), new DateOnly(2026, 11, 30));
        await svc.MarkRectifiedAsync(d, await V());
        await Assert.ThrowsAsync<ValidationException>(async () => await svc.ReturnDefectAsync(d, await V(), "老王", ""));
        await svc.ReturnDefectAsync(d, await V(), "老王", "喷淋头型号不符");
        var row = await svc.DefectAsync(d);
        Assert.Equal((DefectStatus.Returned, null as DateOnly?, 1, "喷淋头型号不符"), (row.Status, row.PromisedOn, row.Returns, row.ReturnReason));
        await svc.PromiseAsync(d, await V(), new DateOnly(2026, 12, 2));
        await svc.MarkRectifiedAsync(d, await V());
        await Assert.ThrowsAsync<ValidationException>(async () => await svc.CloseDefectAsync(d, await V(), " "));
        var stale = await V();
        await svc.CloseDefectAsync(d, stale, "工程部老王");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => svc.CloseDefectAsync(d, stale, "工程部老王"));
        row = await svc.DefectAsync(d);
        Assert.Equal((DefectStatus.Closed, "工程部老王"), (row.Status, row.CheckedBy));
        Assert.Empty((await svc.OpenDefectsAsync(false, 1, 20)).Items);
        await using var db = w.Db(w.A);
        // Recorded, promised, rectified, returned, promised, rectified, closed: every step kept.
        Assert.Equal(7, await db.ChangeRecords.CountAsync(c => c.EntityType == nameof(TakeOverDefect) && c.EntityId == d));
    }

    [Fact]
    public async Task The_open_defects_list_shows_late_ones_first_by_the_projects_today()
    {
        await using var w = await MoveInWorld.CreateAsync(Provider);
        var (u1, _) = await w.AddUnitAsync(w.A, "1201");
        var batch = await w.StartedBatchAsync(w.A, u1);
        var svc = w.TakeOver(w.A);
        var id = await svc.StartAsync(batch, null, "会所", MoveInWorld.Day1);
        var open = await svc.AddDefectAsync(id, "门窗", "窗框渗水", null, []);
        var soon = await svc.AddDefectAsync(id, "电梯", "按钮失灵", null, []);
        var due = await svc.AddDefectAsync(id, "给排水", "地漏堵塞", null, []);
        await svc.PromiseAsync(soon, (await svc.DefectAsync(soon)).Version, new DateOnly(2026, 11, 28));
        await svc.PromiseAsync(due, (await svc.DefectAsync(due)).Version, new DateOnly(2026, 11, 24));

        // Tuesday 24th, 23:30 in Shanghai (15:30 UTC): the promise of the 24th is not late yet.
        w.Clock.Advance(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero) - w.Clock.Now);
        Assert.Empty((await svc.OpenDefectsAsync(true, 1, 20)).Items);
        // 00:30 on the 25th in Shanghai, although UTC still says the 24th: late.
        w.Clock.Advance(TimeSpan.FromHours(1));
        var list = await svc.OpenDefectsAsync(false, 1, 20);
        Assert.Equal([due, soon, open], list.Items.Select(d => d.Id));
        Assert.Equal([true, false, false], list.Items.Select(d => d.IsLate));
        Assert.Equal([due], (await svc.OpenDefectsAsync(true, 1, 20)).Items.Select(d => d.Id));
        Assert.Equal(3, (await svc.OpenDefectsAsync(false, 2, 2)).Total);
        Assert.Single((await svc.OpenDefectsAsync(false, 2, 2)).Items);
    }
}
