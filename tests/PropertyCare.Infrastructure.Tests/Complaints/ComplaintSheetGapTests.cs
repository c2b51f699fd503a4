using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>The handling sheet and complaint photos (part B) where the first tests left gaps (mutation run of int14): the
/// company printed is the project's own, the escalation flag follows the dispatch level, the callback printed is the last
/// round; a complaint photo that belongs to no complaint (an orphan upload) is opened by nobody.</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintSheetGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_handling_sheet_prints_the_projects_company_escalation_by_level_and_the_last_callback()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾三天没人清理", null, []);
        await w.HandledAsync(w.A, id);

        var first = await w.Sheets(w.A, Roles.ServiceDesk).HandlingSheetAsync(id);
        Assert.Equal(("甲", "翠湖花园", false), (first.CompanyName, first.ProjectName, first.Escalated));
        Assert.Equal("有效投诉（物业保洁不到位）", first.Classification);
        Assert.Null(first.CallbackAtLocal);

        // Round 1 at Monday 10:00 local: not satisfied, back to the department (level 2).
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, (await w.GetAsync(w.A, id)).Version, Satisfaction.Dissatisfied, false, "还是有垃圾");
        w.W.Clock.Advance(TimeSpan.FromHours(2));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.RecordPlan("再次安排保洁", "王师傅", now, s, t));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.Handle("楼道已彻底清理", null, "王师傅", now, s, t));
        // Round 2 the next day at 12:00 local: satisfied, closed.
        w.W.Clock.Advance(TimeSpan.FromDays(1));
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, (await w.GetAsync(w.A, id)).Version, Satisfaction.Satisfied, false, "这次干净了");

        var h = await w.Sheets(w.A, Roles.ServiceDesk).HandlingSheetAsync(id);
        Assert.Equal(2, (await w.GetAsync(w.A, id)).DispatchLevel);
        Assert.Equal(("甲", true, "满意", "这次干净了"), (h.CompanyName, h.Escalated, h.Satisfaction, h.CustomerOpinion));
        Assert.Equal(new DateTime(2026, 11, 24, 12, 0, 0), h.CallbackAtLocal);
    }

    [Fact]
    public async Task The_handling_sheet_of_the_other_company_prints_that_company()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.B, "0101");
        var (id, _) = await w.Portal(w.B, owner).FileAsync(ComplaintKind.Complaint, unit, "停车位被占", null, []);
        Assert.Equal(("乙", "滨江壹号"), ((await w.Sheets(w.B, Roles.ServiceDesk).HandlingSheetAsync(id)).CompanyName, (await w.Sheets(w.B, Roles.ServiceDesk).RecordSheetAsync(id)).ProjectName));
        Assert.Equal("乙", (await w.Sheets(w.B, Roles.ServiceDesk).RecordSheetAsync(id)).CompanyName);
    }

    [Fact]
    public async Task A_complaint_photo_that_belongs_to_no_complaint_is_opened_by_nobody()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (_, owner) = await w.OwnerAsync(w.A, "0101");
        int orphan;
        await using (var db = w.W.Db(w.A))
        {
            var a = Attachment.Of(AttachmentKind.ComplaintPhoto, null, new PhotoUpload("楼道.png", RepairWorld.Png), "业主", w.W.Clock.GetUtcNow().UtcDateTime);
            db.Attachments.Add(a);
            await db.SaveChangesAsync();
            orphan = a.Id;
        }
        await using (var db = w.W.Db(w.A))
            Assert.Null((await db.Attachments.SingleAsync(a => a.Id == orphan)).RecordId);

        foreach (var role in new[] { Roles.ServiceDesk, Roles.ProjectManager, Roles.HqAuditor, Roles.Technician })
            await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, role).ReadAsync(orphan));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.Owner, $"u-owner-{owner}", owner).ReadAsync(orphan));
    }
}
