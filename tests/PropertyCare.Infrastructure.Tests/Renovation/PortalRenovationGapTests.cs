using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Gaps the mutation run found in the owner's renovation portal: the units offered for filing (own and delivered
/// only, by address, a rejected application not open), and a correction that really changes the form, keeps its documents
/// and is refused on a stale version.</summary>
[Collection(RepairsCollection.Name)]
public class PortalRenovationGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_owner_is_offered_only_their_own_delivered_units_by_address_and_a_rejected_application_is_not_open()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (second, owner) = await w.UnitAsync(w.A, "0102");
        var (first, other) = await w.UnitAsync(w.A, "0101");
        var (notDelivered, _) = await w.UnitAsync(w.A, "0103", UnitState.NotDelivered);
        await using (var db = w.W.Db(w.A))
        {
            // The same owner also owns 0101 (bought with another) and the not-delivered 0103.
            db.UnitOwnerships.Add(new UnitOwnership { UnitId = first, OwnerId = owner });
            db.UnitOwnerships.Add(new UnitOwnership { UnitId = notDelivered, OwnerId = owner });
            await db.SaveChangesAsync();
        }
        await w.UnitAsync(w.A, "0104"); // someone else's delivered unit
        var rejected = await w.UnderReviewAsync(w.A, second, owner);
        await w.Manager(w.A).ReviewAsync(rejected, await w.VersionAsync(w.A, rejected), ReviewDecision.Rejected, "不符合规定");

        var units = await w.Portal(w.A, owner).MyUnitsAsync();
        Assert.Equal([(first, false), (second, false)], units.Select(u => (u.UnitId, u.HasOpenApplication)));
        Assert.Equal(["1栋-1单元-0101", "1栋-1单元-0102"], units.Select(u => u.Address));
        Assert.True(other > 0);
    }

    [Fact]
    public async Task A_correction_changes_the_form_keeps_its_documents_and_is_refused_on_a_stale_version()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = await w.FiledAsync(w.A, unit, owner);
        await w.Desk(w.A).DeskCheckAsync(id, await w.VersionAsync(w.A, id), false, "缺少水电改造图");
        var v = await w.VersionAsync(w.A, id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            w.Portal(w.A, owner).ChangeAndResubmitAsync(id, v - 1, ApplicationWorld.Form("吊顶"), [new PhotoUpload("图.png", RepairWorld.Png)]));
        var a = await w.AppAsync(w.A, id);
        Assert.Equal((RenovationStatus.Returned, v), (a.Status, a.Version));

        var form = ApplicationWorld.Form("水电改造") with { ContractorCompany = "新家装饰有限公司" };
        await w.Portal(w.A, owner).ChangeAndResubmitAsync(id, v, form, [new PhotoUpload("图.png", RepairWorld.Png)]);
        a = await w.AppAsync(w.A, id);
        Assert.Equal((RenovationStatus.Submitted, "新家装饰有限公司"), (a.Status, a.ContractorCompany));
        await using var db = w.W.Db(w.A);
        Assert.Equal(1, await db.Attachments.CountAsync(x => x.Kind == AttachmentKind.RenovationDocument && x.RecordId == id));
    }
    [Fact]
    public async Task The_portal_form_is_for_owners_only()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var desk = w.W.As(PropertyCare.Domain.Access.Roles.ServiceDesk, w.A, "u-desk", "客服小李").GetRequiredService<PropertyCare.Infrastructure.Renovation.PortalRenovationService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => desk.FormAsync());
    }

    [Fact]
    public async Task The_owner_gets_at_most_50_applications_a_page_whatever_is_asked()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        await using (var db = w.W.Db(w.A))
        {
            var settings = RenovationSettings.Defaults(w.A.Id);
            // 51 withdrawn applications for the same unit (a withdrawn one is not open, so they do not clash).
            for (var i = 1; i <= 51; i++)
            {
                var app = RenovationApplication.File(unit, owner, ApplicationWorld.Form(), settings, true, $"u-owner-{owner}", w.W.Clock.Now.UtcDateTime, ApplicationWorld.Today);
                app.Number = $"ZX-20261123-{i:D4}";
                app.Withdraw("业主暂缓装修");
                db.RenovationApplications.Add(app);
            }
            await db.SaveChangesAsync();
        }

        var page = await w.Portal(w.A, owner).MineAsync(1, 100);
        Assert.Equal((51, 50), (page.Total, page.Items.Count));
        Assert.Single((await w.Portal(w.A, owner).MineAsync(2, 100)).Items);
    }
}
