using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>What the owner does in the portal reaches the desk (and the handler when it goes back to them): a filing
/// does not wait unseen in the list. Never another project's desk; never a message for a step that failed.</summary>
[Collection(RepairsCollection.Name)]
public class PortalComplaintDeskNoticeTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<List<(string Recipient, string Subject)>> InAppAsync(PortalComplaintWorld w, Domain.Tenancy.Project p)
    {
        await using var db = w.W.Db(p);
        return (await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == Channel.InApp).OrderBy(m => m.Id)
            .Select(m => new { m.Recipient, m.Subject }).ToListAsync()).Select(m => (m.Recipient, m.Subject)).ToList();
    }

    [Fact]
    public async Task The_desk_hears_of_a_filing_a_callback_answered_and_a_reopening_and_the_handler_when_it_comes_back()
    {
        await using var w = await PortalComplaintWorld.CreateAsync(Provider);
        var desk1 = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "desk-a1", "客服甲");
        var desk2 = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "desk-a2", "客服乙");
        var otherDesk = await w.W.AddUserAsync(w.B, Roles.ServiceDesk, "desk-b1", "客服丙");
        var (unit, owner) = await w.OwnerAsync(w.A, "0301");

        var (id, number) = await w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, "楼道灯坏了", null, []);
        var filed = await InAppAsync(w, w.A);
        Assert.Equal(new[] { (desk1, $"业主提交：{number}"), (desk2, $"业主提交：{number}") }.OrderBy(x => x.Item1, StringComparer.Ordinal), filed.OrderBy(x => x.Recipient, StringComparer.Ordinal));
        Assert.Empty(await InAppAsync(w, w.B));

        // A refused step tells nobody.
        await Assert.ThrowsAsync<Domain.Common.ValidationException>(() => w.Portal(w.A, owner).FileAsync(ComplaintKind.Complaint, unit, " ", null, []));
        Assert.Equal(2, (await InAppAsync(w, w.A)).Count);

        // Handled; the owner answers 不太满意 in the portal: back to the handler as a 二次派单, and the desk knows.
        await w.HandledAsync(w.A, id, handlerId: "u-tech");
        var v = (await w.GetAsync(w.A, id)).Version;
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, v, Satisfaction.Dissatisfied, false, "灯还是不亮");
        var back = (await InAppAsync(w, w.A)).Skip(2).ToList();
        Assert.Contains(("u-tech", $"新派单：{number}"), back);
        Assert.Equal(2, back.Count(m => m.Subject == $"回访不满意：{number}"));

        // Handled again, 满意 closes it; the desk is told it closed (no handler message).
        await w.StepAsync(w.A, id, (c, s, now, t) => c.RecordPlan("更换灯具", "王师傅", now, s, t));
        await w.StepAsync(w.A, id, (c, s, now, t) => c.Handle("已更换", null, "王师傅", now, s, t));
        v = (await w.GetAsync(w.A, id)).Version;
        await w.Portal(w.A, owner).AnswerCallbackAsync(id, v, Satisfaction.Satisfied, false, null);
        var closed = (await InAppAsync(w, w.A)).Skip(2 + back.Count).ToList();
        Assert.Equal(2, closed.Count(m => m.Subject == $"已回访关闭：{number}"));
        Assert.DoesNotContain(closed, m => m.Recipient == "u-tech");

        // Reopened: desk and handler.
        v = (await w.GetAsync(w.A, id)).Version;
        await w.Portal(w.A, owner).ReopenAsync(id, v, "又坏了");
        var reopened = (await InAppAsync(w, w.A)).Skip(2 + back.Count + closed.Count).ToList();
        Assert.Equal(2, reopened.Count(m => m.Subject == $"业主重新打开：{number}"));
        Assert.Contains(reopened, m => m.Recipient == "u-tech");
        Assert.DoesNotContain(await InAppAsync(w, w.A), m => m.Recipient == otherDesk);
    }
}
