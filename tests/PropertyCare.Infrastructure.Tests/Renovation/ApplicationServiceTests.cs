using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>The desk's path of an application on a real database: filing (number, owner of the unit, delivered unit, one
/// open per unit), desk check and return (owner told), review (money fixed), workers, permit from the ledger (unit
/// 装修中 in the same save), extensions, list filters and paging, settings.</summary>
[Collection(RepairsCollection.Name)]
public class ApplicationServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Filing_numbers_per_day_copies_the_scope_and_keeps_the_documents()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (u1, o1) = await w.UnitAsync(w.A, "0101");
        var (u2, o2) = await w.UnitAsync(w.A, "0102");
        var first = await w.Desk(w.A).FileAsync(u1, o1, ApplicationWorld.Form(), [new PhotoUpload("水电图.png", RepairWorld.Png)]);
        var second = await w.Desk(w.A).FileAsync(u2, o2, ApplicationWorld.Form("吊顶"), []);
        Assert.Equal("ZX-20261123-0001", first.Number);
        Assert.Equal("ZX-20261123-0002", second.Number);
        var d = await w.Desk(w.A).GetAsync(first.Id);
        Assert.Equal(RenovationStatus.Submitted, d.Status);
        Assert.Equal("1栋-1单元-0101", d.Address);
        Assert.Equal("139****5678", d.ContractorMaskedPhone);
        Assert.Equal("水电图.png", Assert.Single(d.Documents).FileName);
        Assert.True(d.Scope.Single(s => s.Name == "水电改造").NeedsReview);
        // Another project counts from 1 again.
        var (ub, ob) = await w.UnitAsync(w.B, "0101");
        Assert.Equal("ZX-20261123-0001", (await w.Desk(w.B).FileAsync(ub, ob, ApplicationWorld.Form(), [])).Number);
    }

    [Fact]
    public async Task Filing_is_refused_for_a_non_owner_an_undelivered_unit_a_prohibited_item_and_a_second_open_application()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var (other, otherOwner) = await w.UnitAsync(w.A, "0102");
        var (bare, bareOwner) = await w.UnitAsync(w.A, "0103", UnitState.NotDelivered);
        Assert.Equal("OwnerId", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).FileAsync(unit, otherOwner, ApplicationWorld.Form(), []))).Errors).Field);
        Assert.Contains("未交付", (await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).FileAsync(bare, bareOwner, ApplicationWorld.Form(), []))).Text.Zh);
        Assert.Contains("燃气公司", (await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).FileAsync(unit, owner, ApplicationWorld.Form("移动燃气管道"), []))).Text.Zh);
        await w.FiledAsync(w.A, unit, owner);
        var e = await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).FileAsync(unit, owner, ApplicationWorld.Form(), []));
        Assert.Equal("该房屋已有未结案的装修申请，不能重复申请", e.Text.Zh);
        await using var db = w.W.Db(w.A);
        Assert.Equal(1, await db.RenovationApplications.CountAsync());
        Assert.Equal(0, await db.Attachments.CountAsync());
    }

    [Fact]
    public async Task A_bad_document_saves_nothing()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        await Assert.ThrowsAnyAsync<DomainException>(() => w.Desk(w.A).FileAsync(unit, owner, ApplicationWorld.Form(), [new PhotoUpload("x.png", [1, 2, 3])]));
        await using var db = w.W.Db(w.A);
        Assert.Equal(0, await db.RenovationApplications.CountAsync());
    }

    [Fact]
    public async Task Returned_by_the_desk_the_owner_is_told_corrected_resubmitted_then_reviewed_and_told_again()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var account = await w.V.PortalAccountAsync(w.A, owner, "owner-zw");
        var id = await w.FiledAsync(w.A, unit, owner);
        await w.Desk(w.A).DeskCheckAsync(id, await w.VersionAsync(w.A, id), false, "缺少水电改造图");
        Assert.Equal(["Sms:装修申请需补充资料", "InApp:装修申请需补充资料"], await w.OutboxAsync(w.A));
        await w.Portal(w.A, owner).ChangeAndResubmitAsync(id, await w.VersionAsync(w.A, id), ApplicationWorld.Form("水电改造"), [new PhotoUpload("图.png", RepairWorld.Png)]);
        Assert.Equal(RenovationStatus.Submitted, (await w.AppAsync(w.A, id)).Status);
        await w.Desk(w.A).DeskCheckAsync(id, await w.VersionAsync(w.A, id), true, null);
        // The desk cannot approve.
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Desk(w.A).ReviewAsync(id, 0, ReviewDecision.Approved, null));
        await w.Manager(w.A).ReviewAsync(id, await w.VersionAsync(w.A, id), ReviewDecision.ApprovedWithConditions, "隐蔽工程验收后方可封闭");
        var a = await w.AppAsync(w.A, id);
        Assert.Equal((RenovationStatus.Approved, 3000m), (a.Status, a.DepositDue));
        Assert.Equal(268.50m, Assert.Single(a.FeesDue).Amount);   // 3 元/㎡ × 89.5
        Assert.Equal(4, (await w.OutboxAsync(w.A)).Count(m => m.EndsWith("装修申请已批准") || m.EndsWith("需补充资料")));
    }

    [Fact]
    public async Task The_desk_changes_a_submitted_application_with_documents_in_one_save_and_a_bad_document_changes_nothing()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = await w.FiledAsync(w.A, unit, owner);
        var v = await w.VersionAsync(w.A, id);
        await Assert.ThrowsAnyAsync<DomainException>(() => w.Desk(w.A).ChangeAsync(id, v, ApplicationWorld.Form("吊顶"), [new PhotoUpload("坏.png", [1, 2, 3])]));
        Assert.Equal(2, (await w.AppAsync(w.A, id)).Scope.Count);
        await w.Desk(w.A).ChangeAsync(id, v, ApplicationWorld.Form("吊顶"), [new PhotoUpload("吊顶图.png", RepairWorld.Png)]);
        var d = await w.Desk(w.A).GetAsync(id);
        Assert.Equal(["吊顶"], d.Scope.Select(s => s.Name));
        Assert.Equal("吊顶图.png", Assert.Single(d.Documents).FileName);
    }

    [Fact]
    public async Task The_permit_needs_the_ledger_to_show_the_money_and_a_worker_and_turns_the_unit_renovating_in_the_same_save()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101", UnitState.Renovating);
        var id = await w.ApprovedAsync(w.A, unit, owner);
        await w.CollectAsync(w.A, id, deposit: 2000m, fees: false);
        var e = await Assert.ThrowsAsync<ValidationException>(async () => await w.Desk(w.A).IssuePermitAsync(id, await w.VersionAsync(w.A, id)));
        Assert.Equal(["Deposit", "Fees", "Workers"], e.Errors.Select(x => x.Field));
        Assert.Equal(RenovationStatus.Approved, (await w.AppAsync(w.A, id)).Status);
        await w.CollectAsync(w.A, id, deposit: 1000m);
        var workerId = await w.Desk(w.A).RegisterWorkerAsync(id, "李师傅", "11010519491231002X", "13700001111", "电工");
        var d = await w.Desk(w.A).GetAsync(id);
        Assert.Equal((3000m, true), (d.DepositHeld, d.PermitReady));
        Assert.Equal("1101**********002X", Assert.Single(d.Workers).MaskedIdNumber);
        var permit = await w.Desk(w.A).IssuePermitAsync(id, d.Version);
        Assert.Equal("XK-20261123-0001", permit);
        var a = await w.AppAsync(w.A, id);
        Assert.Equal((RenovationStatus.Working, UnitState.Vacant), (a.Status, a.StateBefore)); // delivered as 装修中 → 空置 after
        Assert.Equal(UnitState.Renovating, await w.UnitStateAsync(w.A, unit));
        var print = await w.Desk(w.A).PermitAsync(id);
        Assert.Equal((3000m, "08:00–12:00、14:00–18:00"), (print.DepositCollected, print.HoursText));
        await w.Desk(w.A).RevokeWorkerAsync(workerId, (await w.Desk(w.A).GetAsync(id)).Workers[0].Version);
        Assert.Empty((await w.Desk(w.A).PermitAsync(id)).Workers);
    }

    [Fact]
    public async Task The_unit_change_and_the_permit_are_one_save_a_stale_unit_refuses_both()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = await w.ApprovedAsync(w.A, unit, owner);
        await w.CollectAsync(w.A, id);
        await w.Desk(w.A).RegisterWorkerAsync(id, "李师傅", "11010519491231002X", "13700001111", null);
        // The application changed since the desk looked at it: nothing happens to the unit either.
        var stale = await w.VersionAsync(w.A, id) - 1;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Desk(w.A).IssuePermitAsync(id, stale));
        Assert.Equal(UnitState.Vacant, await w.UnitStateAsync(w.A, unit));
        Assert.Null((await w.AppAsync(w.A, id)).PermitNumber);
    }

    [Fact]
    public async Task Extensions_requested_by_the_desk_and_decided_by_the_manager_owner_told()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = await w.WorkingAsync(w.A, unit, owner);
        var end = (await w.AppAsync(w.A, id)).ApprovedEnd;
        await w.Desk(w.A).RequestExtensionAsync(id, await w.VersionAsync(w.A, id), end.AddDays(15), "瓷砖到货延误");
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Desk(w.A).DecideExtensionAsync(id, 0, true, null));
        await w.Manager(w.A).DecideExtensionAsync(id, await w.VersionAsync(w.A, id), true, null);
        Assert.Equal(end.AddDays(15), (await w.AppAsync(w.A, id)).ApprovedEnd);
        Assert.Contains("Sms:装修延期已批准", await w.OutboxAsync(w.A));
        Assert.Contains("Sms:装修许可证已办理", await w.OutboxAsync(w.A));
    }

    [Fact]
    public async Task The_list_filters_by_status_search_and_overdue_and_pages()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        for (var i = 1; i <= 5; i++)
        {
            var (u, o) = await w.UnitAsync(w.A, $"020{i}");
            await w.FiledAsync(w.A, u, o);
        }
        var (wu, wo) = await w.UnitAsync(w.A, "0301");
        var working = await w.WorkingAsync(w.A, wu, wo);
        var desk = w.Desk(w.A);
        var page = await desk.ListAsync(new(), 1, 4);
        Assert.Equal((6, 4), (page.Total, page.Items.Count));
        Assert.Equal(2, (await desk.ListAsync(new(), 2, 4)).Items.Count);
        Assert.Equal(5, (await desk.ListAsync(new(RenovationStatus.Submitted), 1, 20)).Total);
        Assert.Equal("1栋-1单元-0203", Assert.Single((await desk.ListAsync(new(Search: "0203"), 1, 20)).Items).Address);
        Assert.Empty((await desk.ListAsync(new(OverdueOnly: true), 1, 20)).Items);
        w.W.Clock.Advance(TimeSpan.FromDays(63));
        var overdue = Assert.Single((await w.Desk(w.A).ListAsync(new(OverdueOnly: true), 1, 20)).Items);
        Assert.Equal((working, true), (overdue.Id, overdue.Overdue));
    }

    [Fact]
    public async Task Settings_are_the_defaults_until_the_manager_saves_them_validated_and_versioned()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var s = await w.Settings(w.A).GetAsync();
        Assert.Equal((0, 3000m), (s.Version, s.DepositAmount));
        s.DepositMode = DepositMode.PerSquareMeter;
        s.DepositAmount = 30m;
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Settings(w.A, Roles.ServiceDesk).SaveAsync(s, 0));
        await w.Settings(w.A).SaveAsync(s, 0);
        var saved = await w.Settings(w.A).GetAsync();
        Assert.Equal((DepositMode.PerSquareMeter, 30m), (saved.DepositMode, saved.DepositAmount));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Settings(w.A).SaveAsync(s, 0)); // stale: saved meanwhile
        saved.WorkingHours = [];
        await Assert.ThrowsAsync<ValidationException>(() => w.Settings(w.A).SaveAsync(saved, saved.Version));
        Assert.Equal(2, (await w.Settings(w.A).GetAsync()).WorkingHours.Count);
        Assert.Equal(3000m, (await w.Settings(w.B).GetAsync()).DepositAmount); // B untouched
        // The deposit of an approval follows: 30 × 89.5.
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        Assert.Equal(2685m, (await w.AppAsync(w.A, await w.ApprovedAsync(w.A, unit, owner))).DepositDue);
    }
}
