using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>The owner's complaints in the portal (part B): filing with photos for their own unit only, seeing only their
/// own, answering the callback (closes or goes back as 二次派单 by the closure rules), reopening within the window, and
/// every step refused on a stale version, for another owner and for staff.</summary>
[Collection(RepairsCollection.Name)]
public class PortalComplaintServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly PhotoUpload Photo = new("楼道.png", RepairWorld.Png);

    [Fact]
    public async Task An_owner_files_with_photos_from_the_portal_for_their_own_unit()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101", "张伟", "13800138000");
        var (id, number) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾三天没人清理", "尽快清理", [Photo, Photo]);

        Assert.Matches(@"^TS-20261123-0001$", number);
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintChannel.Portal, owner, true, "张伟", "13800138000", "业主端", ComplaintStatus.Registered),
            (c.Channel, c.OwnerId, c.FiledByOwner, c.CustomerName, c.CustomerPhone, c.ReceivedByName, c.Status));
        Assert.Equal($"u-owner-{owner}", c.ReceivedById);
        await using var db = w.W.Db(w.A);
        Assert.Equal(2, await db.Attachments.CountAsync(a => a.Kind == AttachmentKind.ComplaintPhoto && a.RecordId == id));

        var d = await w.Portal(w.A, owner).GetAsync(id);
        Assert.Equal(2, d.Photos.Count);
        Assert.Equal("物业将于 2026-11-26 前给出处理方案", d.Deadline!.Zh); // 3 working days after Monday
        Assert.Equal("1栋-1单元-0101", d.Address);
    }

    [Fact]
    public async Task Filing_is_refused_for_another_owners_unit_without_facts_with_too_many_photos_and_for_staff()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (otherUnit, _) = await w.OwnerAsync(w.A, "0102", "李娜", "13900139000");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, otherUnit, "噪音", null, []));
        var v = await Assert.ThrowsAsync<ValidationException>(() => w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "  ", null, []));
        Assert.Contains(v.Errors, e => e.Field == nameof(Complaint.Facts));
        var k = await Assert.ThrowsAsync<ValidationException>(() => w.Portal(w.A, owner).FileAsync(ComplaintKind.Report, unit, "有人违建", null, []));
        Assert.Contains(k.Errors, e => e.Field == "Kind");
        await Assert.ThrowsAsync<DomainException>(() => w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "噪音", null, Enumerable.Repeat(Photo, 10).ToList()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.PortalAs(Roles.ServiceDesk, w.A).FileAsync(ComplaintKind.Complaint, unit, "噪音", null, []));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.PortalAs(Roles.ServiceDesk, w.A).MineAsync(1, 10));
        await using var db = w.W.Db(w.A);
        Assert.Equal(0, await db.Complaints.CountAsync()); // nothing saved on any error
        Assert.Equal(0, await db.Attachments.CountAsync());
    }

    [Fact]
    public async Task An_owner_sees_only_their_own_and_another_owners_complaint_is_not_found_in_any_project()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (otherUnit, other) = await w.OwnerAsync(w.A, "0102", "李娜", "13900139000");
        var (bUnit, bOwner) = await w.OwnerAsync(w.B, "0101", "王芳", "13700137000");
        var (mine, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Suggestion, unit, "建议增加儿童游乐设施", null, []);
        var (theirs, _) = await w.Portal(w.A, other).FileAsync(ComplaintKind.Complaint, otherUnit, "电梯经常停运", null, []);
        var (inB, _) = await w.Portal(w.B, bOwner).FileAsync(ComplaintKind.Complaint, bUnit, "停车位被占", null, []);

        var page = await w.Portal(w.A, owner).MineAsync(1, 10);
        Assert.Equal([mine], page.Items.Select(r => r.Id));
        Assert.Equal(1, page.Total);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, owner).GetAsync(theirs));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, owner).GetAsync(inB));
        await w.HandledAsync(w.A, theirs);
        var v = (await w.GetAsync(w.A, theirs)).Version;
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, owner).AnswerCallbackAsync(theirs, v, Satisfaction.Satisfied, false, null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, owner).ReopenAsync(theirs, v, "还是不行"));
        Assert.Equal(ComplaintStatus.Handled, (await w.GetAsync(w.A, theirs)).Status);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.PortalAs(Roles.ServiceDesk, w.A).GetAsync(mine));
    }

    [Fact]
    public async Task A_satisfied_callback_from_the_portal_closes_a_valid_complaint()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾三天没人清理", null, []);
        await w.HandledAsync(w.A, id);
        var d = await w.Portal(w.A, owner).GetAsync(id);
        Assert.True(d.CanAnswerCallback);
        Assert.Equal(("当天安排保洁清理楼道", "楼道已清理干净"), (d.Plan, d.Result));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Portal(w.A, owner).AnswerCallbackAsync(id, d.Version - 1, Satisfaction.Satisfied, false, null));
        await w.Portal(w.A, owner, "张伟").AnswerCallbackAsync(id, d.Version, Satisfaction.VerySatisfied, false, "清理得很干净");
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Closed, "张伟", Satisfaction.VerySatisfied, "清理得很干净"), (c.Status, c.ClosedBy, c.LastSatisfaction, c.CustomerOpinion));
        Assert.Equal("张伟", Assert.Single(c.Callbacks).By);
        var after = await w.Portal(w.A, owner).GetAsync(id);
        Assert.False(after.CanAnswerCallback);
        Assert.True(after.CanReopen);
    }

    [Fact]
    public async Task An_unsatisfied_callback_goes_back_as_a_second_dispatch_shown_as_escalated_and_needs_the_opinion()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾三天没人清理", null, []);
        await w.HandledAsync(w.A, id);
        var v = (await w.GetAsync(w.A, id)).Version;
        var e = await Assert.ThrowsAsync<ValidationException>(() => w.Portal(w.A, owner).AnswerCallbackAsync(id, v, Satisfaction.Dissatisfied, true, null));
        Assert.Contains(e.Errors, x => x.Field == nameof(Complaint.CustomerOpinion));
        Assert.Equal(ComplaintStatus.Handled, (await w.GetAsync(w.A, id)).Status);

        // A valid complaint closes only when the customer is satisfied: accepting the explanation is not enough.
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, v, Satisfaction.Dissatisfied, true, "还是有垃圾");
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Dispatched, 2), (c.Status, c.DispatchLevel));
        var d = await w.Portal(w.A, owner).GetAsync(id);
        Assert.True(d.Escalated);
        Assert.False(d.Callbacks.Single().Closed);
    }

    [Fact]
    public async Task A_to_improve_complaint_closes_when_the_owner_accepts_the_explanation()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "小区外墙渗水", null, []);
        await w.HandledAsync(w.A, id, ComplaintClass.ToImprove);
        // Not accepted (and only 一般): back to the department; the owner's "accepts" box is what decides.
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, (await w.GetAsync(w.A, id)).Version, Satisfaction.Neutral, false, "解释不清楚");
        Assert.Equal(ComplaintStatus.Dispatched, (await w.GetAsync(w.A, id)).Status);
        await w.StepAsync(w.A, id, (c, s, now, t) => c.RecordPlan("联系开发商维修外墙", "王师傅", now, s, t));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.Handle("已向开发商发函并说明", null, "王师傅", now, s, t));
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, (await w.GetAsync(w.A, id)).Version, Satisfaction.Neutral, true, "理解，等开发商维修");
        Assert.Equal(ComplaintStatus.Closed, (await w.GetAsync(w.A, id)).Status);
    }

    [Fact]
    public async Task The_owner_reopens_within_the_window_only()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var (unit, owner) = await w.OwnerAsync(w.A, "0101");
        var (id, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道垃圾三天没人清理", null, []);
        var (late, _) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道灯不亮", null, []);
        foreach (var x in new[] { id, late })
        {
            await w.HandledAsync(w.A, x);
            await w.Portal(w.A, owner).AnswerCallbackAsync(x, (await w.GetAsync(w.A, x)).Version, Satisfaction.Satisfied, false, null);
        }
        var v = (await w.GetAsync(w.A, id)).Version;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Portal(w.A, owner).ReopenAsync(id, v + 1, "又堆满了"));
        await w.Portal(w.A, owner).ReopenAsync(id, v, "又堆满了");
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Dispatched, true, 1, 2), (c.Status, c.IsRepeat, c.ReopenCount, c.DispatchLevel));

        w.W.Clock.Advance(TimeSpan.FromDays(31));
        var d = await w.Portal(w.A, owner).GetAsync(late);
        Assert.False(d.CanReopen);
        await Assert.ThrowsAsync<DomainException>(() => w.Portal(w.A, owner).ReopenAsync(late, d.Version, "又坏了"));
        Assert.Equal(ComplaintStatus.Closed, (await w.GetAsync(w.A, late)).Status);
    }
}
