using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>Complaint photos and the two sheets (part B) by kind of user: staff who read complaints; a department user
/// only for what is dispatched to them (handler or department head) and never the record sheet; an owner only their own
/// photos; another project's photo or sheet is "not found".</summary>
[Collection(RepairsCollection.Name)]
public class PortalComplaintFilesAndSheetsTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<int> PhotoOfAsync(PortalComplaintWorld w, Domain.Tenancy.Project p, int complaintId)
    {
        await using var db = w.W.Db(p);
        return await db.Attachments.Where(a => a.Kind == AttachmentKind.ComplaintPhoto && a.RecordId == complaintId).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task A_complaint_photo_is_read_by_staff_the_assigned_department_user_and_its_owner_only()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (_, other) = await w.OwnerAsync(w.A, "0102", "李娜", "13900139000");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾三天没人清理", null, [new("a.png", RepairWorld.Png)]);
        var photo = await PhotoOfAsync(w, w.A, id);

        Assert.Equal("image/png", (await w.Files(w.A, Roles.ServiceDesk).ReadAsync(photo)).ContentType);
        Assert.Equal("image/png", (await w.Files(w.A, Roles.HqAuditor).ReadAsync(photo)).ContentType);
        Assert.Equal("image/png", (await w.Files(w.A, Roles.Owner, $"u-owner-{owner}", owner).ReadAsync(photo)).ContentType);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.Owner, $"u-owner-{other}", other).ReadAsync(photo));
        // Not yet dispatched: no department user may open it.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.Technician, "u-tech").ReadAsync(photo));

        await w.HandledAsync(w.A, id, handlerId: "u-tech");
        Assert.Equal("image/png", (await w.Files(w.A, Roles.Technician, "u-tech").ReadAsync(photo)).ContentType);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.Technician, "u-tech2").ReadAsync(photo));
        // Another project's desk, and an owner signed in to another project.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.B, Roles.ServiceDesk).ReadAsync(photo));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.B, Roles.Owner, $"u-owner-{owner}", owner).ReadAsync(photo));
    }

    [Fact]
    public async Task The_department_head_reads_the_photo_of_their_departments_complaint()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        await using (var db = w.W.Db(w.A))
        {
            var s = new ComplaintSettings { ProjectId = w.A.Id, Version = 1 };
            s.Change(s.Current, s.Categories, [new ComplaintDepartment { Name = "工程部", HeadUserId = "u-head", HeadName = "李主管" }]);
            db.ComplaintSettings.Add(s);
            await db.SaveChangesAsync();
        }
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "电梯异响", null, [new("a.png", RepairWorld.Png)]);
        var photo = await PhotoOfAsync(w, w.A, id);
        await w.HandledAsync(w.A, id, handlerId: "u-tech");
        Assert.Equal("image/png", (await w.Files(w.A, Roles.Technician, "u-head").ReadAsync(photo)).ContentType);
        var sheet = await w.Sheets(w.A, Roles.Technician, "u-head").HandlingSheetAsync(id);
        Assert.Equal("工程部", sheet.Department);
    }

    [Fact]
    public async Task The_sheets_carry_the_record_and_the_handling_with_the_phone_masked_and_are_refused_by_kind_of_user()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101", "张伟", "13800138000");
        var (id, number) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾三天没人清理", "尽快清理", []);

        var record = await w.Sheets(w.A, Roles.ServiceDesk).RecordSheetAsync(id);
        Assert.Equal((number, "张伟", "1栋-1单元-0101", "138****8000", "网站/业主端", "业主端", "投诉"),
            (record.Number, record.CustomerName, record.Address, record.MaskedPhone, record.Channel, record.ReceiverName, record.Kind));
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), record.ReceivedAtLocal);
        Assert.Equal(number, (await w.Sheets(w.A, Roles.HqAuditor).RecordSheetAsync(id)).Number);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Sheets(w.A, Roles.Technician, "u-tech").RecordSheetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Sheets(w.A, Roles.Owner).RecordSheetAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Sheets(w.B, Roles.ServiceDesk).RecordSheetAsync(id));

        await w.HandledAsync(w.A, id, handlerId: "u-tech");
        await w.StepAsync(w.A, id, (c, s, now, t) => c.RecordManagerOpinion("同意处理结果", "经理老周"));
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, (await w.GetAsync(w.A, id)).Version, Satisfaction.Satisfied, false, "满意");
        var h = await w.Sheets(w.A, Roles.ServiceDesk).HandlingSheetAsync(id);
        Assert.Equal(("工程部", "王师傅", "有效投诉（物业保洁不到位）", "当天安排保洁清理楼道", "楼道已清理干净", "处理及时", "同意处理结果", "满意", "满意", "138****8000"),
            (h.Department, h.HandlerName, h.Classification, h.Plan, h.Result, h.ReceiverOpinion, h.ManagerOpinion, h.CustomerOpinion, h.Satisfaction, h.MaskedPhone));
        // The handler prints the handling sheet of their own complaint, without the complainant's phone; nobody else of the departments.
        var mine = await w.Sheets(w.A, Roles.Technician, "u-tech").HandlingSheetAsync(id);
        Assert.Equal((number, (string?)null), (mine.Number, mine.MaskedPhone));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Sheets(w.A, Roles.Technician, "u-tech2").HandlingSheetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Sheets(w.A, Roles.Owner).HandlingSheetAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Sheets(w.B, Roles.ProjectManager).HandlingSheetAsync(id));
    }
}
