using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>The desk's workflow through the services: register → classify and dispatch → the handler plans and handles →
/// callback closes; consultations answered; repeats found at classification; notices queued; validation saves nothing; a
/// stale version is refused; the phone reveal is logged.</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintDeskWorkflowTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_complaint_goes_from_the_desk_to_the_handler_and_closes_at_a_satisfied_callback_with_the_owner_told_each_step()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var (id, number) = await w.Desk(w.A).RegisterAsync(ComplaintWorld.Intake(a.Unit), a.Owner, [new PhotoUpload("灯.png", RepairWorld.Png)]);
        Assert.Equal("TS-20261123-0001", number);
        var d = await w.Desk(w.A).GetAsync(id);
        Assert.Equal((ComplaintStatus.Registered, "张伟", "138****8000", false), (d.Status, d.CustomerName, d.CustomerPhoneMasked, d.CustomerHidden));
        Assert.Single(d.Photos);

        await w.DeskFlow(w.A).ClassifyAsync(id, d.Version, ComplaintWorld.Valid(a.Handler));
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Dispatched, "工程部", "王师傅", a.Head, 1), (c.Status, c.Department, c.HandlerName, c.DepartmentHeadId, c.DispatchLevel));

        // The handler sees it in their list, without the complainant.
        var mine = await w.Tech(w.A, a.Handler).ListAsync(new(), 1, 20);
        Assert.Equal("***", Assert.Single(mine.Items).CustomerName);
        var seen = await w.Tech(w.A, a.Handler).GetAsync(id);
        Assert.Equal(("***", (string?)null, (int?)null, true), (seen.CustomerName, seen.CustomerPhoneMasked, seen.OwnerId, seen.CustomerHidden));
        Assert.Equal("楼道灯坏了一周没人修", seen.Facts);

        await w.TechFlow(w.A, a.Handler).PlanAsync(id, c.Version, "明日上午更换灯具");
        // The department head may record the handling too.
        await w.TechFlow(w.A, a.Head).HandleAsync(id, await w.VersionAsync(w.A, id), "已更换灯具，测试正常", "客户认可");
        await w.ManagerFlow(w.A).ManagerOpinionAsync(id, await w.VersionAsync(w.A, id), "处理及时");
        await w.DeskFlow(w.A).FollowUpAsync(id, await w.VersionAsync(w.A, id), FollowUpChannel.Phone, "告知已修好");
        await w.DeskFlow(w.A).CallbackAsync(id, await w.VersionAsync(w.A, id), new ComplaintCallbackAnswer(Satisfaction.Satisfied, false, null));

        c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Closed, true, "处理及时"), (c.Status, c.HandledOnTime, c.ManagerOpinion));
        Assert.Single(c.FollowUps);
        Assert.Single(c.Callbacks);
        var outbox = await w.OutboxAsync(w.A);
        Assert.Equal(["Sms:投诉已受理", "InApp:新派单：" + number, "Sms:投诉处理方案", "Sms:投诉已处理", "Sms:投诉已关闭"], outbox);
    }

    [Fact]
    public async Task A_complaint_without_an_owner_tells_only_the_handler()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var (id, _) = await w.Desk(w.A).RegisterAsync(ComplaintWorld.Intake(null), null, []);
        await w.DeskFlow(w.A).ClassifyAsync(id, 0, ComplaintWorld.Valid(a.Handler));
        Assert.Equal(["InApp:新派单：" + (await w.GetAsync(w.A, id)).Number], await w.OutboxAsync(w.A));
    }

    [Fact]
    public async Task A_consultation_is_answered_and_closed_and_the_owner_told()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.RegisteredAsync(w.A, a, ComplaintKind.Consultation);
        await w.DeskFlow(w.A).AnswerAsync(id, 0, "物业费可在业主端缴纳");
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Closed, true), (c.Status, c.HandledOnTime));
        Assert.Equal(["Sms:咨询已答复"], await w.OutboxAsync(w.A));
    }

    [Fact]
    public async Task The_same_unit_and_category_within_the_window_is_flagged_repeat_when_the_desk_classifies()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var first = await w.DispatchedAsync(w.A, a);
        var second = await w.RegisteredAsync(w.A, a);
        Assert.False((await w.GetAsync(w.A, second)).IsRepeat); // no category yet at the desk
        await w.DeskFlow(w.A).ClassifyAsync(second, 0, ComplaintWorld.Valid(a.Handler));
        var s = await w.GetAsync(w.A, second);
        Assert.Equal((true, (int?)first), (s.IsRepeat, s.RepeatOfId));
        Assert.True((await w.GetAsync(w.A, first)).IsRepeat);
        Assert.Equal([second, first], (await w.Desk(w.A).ListAsync(new(RepeatOnly: true, Status: ComplaintStatus.Dispatched), 1, 20)).Items.Select(r => r.Id));
        // A different category is not a repeat.
        var third = await w.RegisteredAsync(w.A, a);
        await w.DeskFlow(w.A).ClassifyAsync(third, 0, ComplaintWorld.Valid(a.Handler, "保洁卫生", "保洁部"));
        Assert.False((await w.GetAsync(w.A, third)).IsRepeat);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_bilingual_messages_and_nothing_is_saved()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var bad = ComplaintWorld.Intake(a.Unit) with { Facts = " ", CustomerPhone = "123" };
        var e = await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).RegisterAsync(bad, a.Owner, []));
        Assert.Contains(e.Errors, x => x.Field == "Facts" && x.Message.Zh.Length > 0 && x.Message.En.Length > 0);
        Assert.Contains(e.Errors, x => x.Field == "CustomerPhone");
        // An owner who does not own the unit.
        var (_, stranger) = await w.W.AddUnitAsync(w.A, "0909", "陌生人", "13900000009");
        await Assert.ThrowsAsync<ValidationException>(() => w.Desk(w.A).RegisterAsync(ComplaintWorld.Intake(a.Unit), stranger, []));
        await using (var db = w.W.Db(w.A)) Assert.Equal(0, await db.Complaints.CountAsync());

        var id = await w.RegisteredAsync(w.A, a);
        // A handler who is not on this project's staff (B's technician), and a missing reason.
        var bStaff = await w.W.AddUserAsync(w.B, Roles.Technician, "tech-b", "乙方师傅");
        await Assert.ThrowsAsync<ValidationException>(() => w.DeskFlow(w.A).ClassifyAsync(id, 0, ComplaintWorld.Valid(bStaff)));
        await Assert.ThrowsAsync<ValidationException>(() => w.DeskFlow(w.A).ClassifyAsync(id, 0, ComplaintWorld.Valid(a.Handler) with { ClassReason = "" }));
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Registered, 0, (string?)null), (c.Status, c.Version, c.HandlerId));
        Assert.Empty(await w.OutboxAsync(w.A));
    }

    [Fact]
    public async Task Every_step_refuses_a_stale_version()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        var stale = (await w.GetAsync(w.A, id)).Version - 1;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.TechFlow(w.A, a.Handler).PlanAsync(id, stale, "方案"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.DeskFlow(w.A).FollowUpAsync(id, stale, FollowUpChannel.Phone, "跟进"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.DeskFlow(w.A).ReassignAsync(id, stale, "工程部", a.Head));
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Dispatched, stale + 1, 0), (c.Status, c.Version, c.FollowUps.Count));
    }

    [Fact]
    public async Task The_desk_reveals_the_phone_and_the_reveal_is_logged_with_the_client_ip()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.RegisteredAsync(w.A, a);
        var sp = w.Scope(Roles.ServiceDesk, w.A, "u-desk", "客服小李");
        sp.GetRequiredService<TenantContext>().ClientIp = "10.1.2.3";
        Assert.Equal("13800138000", await sp.GetRequiredService<ComplaintService>().RevealPhoneAsync(id));
        await using var db = w.W.Db(w.A);
        var log = await db.SensitiveAccesses.SingleAsync();
        Assert.Equal(("Complaint", (int?)id, "ComplainantPhone", "u-desk", "10.1.2.3"), (log.EntityType, log.EntityId, log.Field, log.UserId, log.ClientIp));
    }

    [Fact]
    public async Task The_desk_records_the_plan_for_the_handler_and_a_dissatisfied_callback_sends_it_back_as_a_second_dispatch()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        await w.DeskFlow(w.A).PlanAsync(id, await w.VersionAsync(w.A, id), "更换灯具");
        await w.DeskFlow(w.A).HandleAsync(id, await w.VersionAsync(w.A, id), "已更换", null);
        await w.DeskFlow(w.A).CallbackAsync(id, await w.VersionAsync(w.A, id), new ComplaintCallbackAnswer(Satisfaction.Dissatisfied, false, "灯还是不亮"));
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Dispatched, 2), (c.Status, c.DispatchLevel));
        Assert.Single((await w.Desk(w.A).ListAsync(new(Level: 2), 1, 20)).Items);
        Assert.Empty((await w.Desk(w.A).ListAsync(new(Level: 1), 1, 20)).Items);
    }

    [Fact]
    public async Task Reassigning_tells_the_new_handler_who_then_sees_it_and_the_old_one_no_longer_does()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        var other = await w.W.AddUserAsync(w.A, Roles.Technician, "tech-new", "赵师傅");
        await w.DeskFlow(w.A).ReassignAsync(id, await w.VersionAsync(w.A, id), "保洁部", other);
        var c = await w.GetAsync(w.A, id);
        Assert.Equal(("保洁部", other, "赵师傅", ComplaintStatus.Dispatched), (c.Department, c.HandlerId, c.HandlerName, c.Status));
        Assert.Single((await w.Tech(w.A, other).ListAsync(new(), 1, 20)).Items);
        Assert.Empty((await w.Tech(w.A, a.Handler).ListAsync(new(), 1, 20)).Items);
        await using var db = w.W.Db(w.A);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("新派单")));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == other));
    }

    [Fact]
    public async Task The_handler_puts_it_off_within_the_limit_only_with_a_reason()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        await w.TechFlow(w.A, a.Handler).PlanAsync(id, await w.VersionAsync(w.A, id), "更换灯具");
        var v = await w.VersionAsync(w.A, id);
        var e = await Assert.ThrowsAsync<ValidationException>(() => w.TechFlow(w.A, a.Handler).DelayAsync(id, v, new DateOnly(2026, 11, 27), " "));
        Assert.Contains(e.Errors, x => x.Field == "DelayReason");
        await Assert.ThrowsAsync<ValidationException>(() => w.TechFlow(w.A, a.Handler).DelayAsync(id, v, new DateOnly(2027, 1, 30), "等配件"));
        Assert.Null((await w.GetAsync(w.A, id)).DelayReason);
        await w.TechFlow(w.A, a.Handler).DelayAsync(id, v, new DateOnly(2026, 11, 27), "等配件到货");
        Assert.Equal("等配件到货", (await w.GetAsync(w.A, id)).DelayReason);
    }

    [Fact]
    public async Task A_closed_complaint_is_reopened_as_a_repeat_and_second_dispatch_and_the_handler_is_told()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        await w.DeskFlow(w.A).PlanAsync(id, await w.VersionAsync(w.A, id), "更换灯具");
        await w.DeskFlow(w.A).HandleAsync(id, await w.VersionAsync(w.A, id), "已更换", null);
        await w.DeskFlow(w.A).CallbackAsync(id, await w.VersionAsync(w.A, id), new ComplaintCallbackAnswer(Satisfaction.VerySatisfied, false, null));
        await Assert.ThrowsAsync<ValidationException>(async () => await w.DeskFlow(w.A).ReopenAsync(id, await w.VersionAsync(w.A, id), ""));
        Assert.Equal(ComplaintStatus.Closed, (await w.GetAsync(w.A, id)).Status);
        await w.DeskFlow(w.A).ReopenAsync(id, await w.VersionAsync(w.A, id), "灯又不亮了");
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Dispatched, 2, true, 1), (c.Status, c.DispatchLevel, c.IsRepeat, c.ReopenCount));
        await using var db = w.W.Db(w.A);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Recipient == a.Handler));
    }
}
