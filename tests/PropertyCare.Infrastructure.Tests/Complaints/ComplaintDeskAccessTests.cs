using PropertyCare.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>Isolation attacks on the desk's complaint services: another project's complaint by id is "not found" for the
/// read and every step; a department user acting on a complaint not assigned to them gets "not found" too; an owner, a
/// technician or HQ cannot call the desk's writes; HQ reads its own company's projects only.</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintDeskAccessTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static ComplaintService Svc(IServiceProvider sp) => sp.GetRequiredService<ComplaintService>();
    private static ComplaintWorkflowService Flow(IServiceProvider sp) => sp.GetRequiredService<ComplaintWorkflowService>();

    /// <summary>Every read and step of the desk, by id, with version 0 (the attacker guesses).</summary>
    private static readonly Dictionary<string, Func<IServiceProvider, int, string, Task>> Calls = new()
    {
        ["Get"] = (sp, id, h) => Svc(sp).GetAsync(id),
        ["Reveal"] = (sp, id, h) => Svc(sp).RevealPhoneAsync(id),
        ["Classify"] = (sp, id, h) => Flow(sp).ClassifyAsync(id, 0, ComplaintWorld.Valid(h)),
        ["Reassign"] = (sp, id, h) => Flow(sp).ReassignAsync(id, 0, "工程部", h),
        ["Answer"] = (sp, id, h) => Flow(sp).AnswerAsync(id, 0, "答复"),
        ["Plan"] = (sp, id, h) => Flow(sp).PlanAsync(id, 0, "方案"),
        ["Delay"] = (sp, id, h) => Flow(sp).DelayAsync(id, 0, new DateOnly(2026, 12, 1), "等配件"),
        ["Handle"] = (sp, id, h) => Flow(sp).HandleAsync(id, 0, "已处理", null),
        ["ManagerOpinion"] = (sp, id, h) => Flow(sp).ManagerOpinionAsync(id, 0, "同意"),
        ["FollowUp"] = (sp, id, h) => Flow(sp).FollowUpAsync(id, 0, FollowUpChannel.Phone, "跟进"),
        ["Callback"] = (sp, id, h) => Flow(sp).CallbackAsync(id, 0, new ComplaintCallbackAnswer(Satisfaction.Satisfied, false, null)),
        ["Reopen"] = (sp, id, h) => Flow(sp).ReopenAsync(id, 0, "又坏了"),
        ["ShareContact"] = (sp, id, h) => Flow(sp).ShareContactAsync(id, 0),
    };

    [Fact]
    public async Task Another_projects_complaint_is_not_found_for_the_read_and_every_step()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var b = await w.ArrangeAsync(w.B);
        var id = await w.RegisteredAsync(w.B, b);
        var a = await w.ArrangeAsync(w.A);
        foreach (var (name, call) in Calls)
        {
            var e = await Record.ExceptionAsync(() => call(w.Scope(Roles.ProjectManager, w.A, "u-mgr", "经理"), id, a.Handler));
            Assert.True(e is RecordNotFoundException, $"{name}: {e?.GetType().Name ?? "no exception"}");
        }
        Assert.Empty((await w.Desk(w.A).ListAsync(new(), 1, 20)).Items);
        var c = await w.GetAsync(w.B, id);
        Assert.Equal((ComplaintStatus.Registered, 0), (c.Status, c.Version));
    }

    [Fact]
    public async Task A_department_user_sees_and_works_only_what_is_assigned_to_them()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);
        var other = await w.W.AddUserAsync(w.A, Roles.Technician, "tech-other", "赵师傅");
        Assert.Empty((await w.Tech(w.A, other).ListAsync(new(), 1, 20)).Items);
        var v = await w.VersionAsync(w.A, id);
        foreach (var call in new Func<Task>[]
                 {
                     () => w.Tech(w.A, other).GetAsync(id),
                     () => w.TechFlow(w.A, other).PlanAsync(id, v, "方案"),
                     () => w.TechFlow(w.A, other).DelayAsync(id, v, new DateOnly(2026, 12, 1), "等配件"),
                     () => w.TechFlow(w.A, other).HandleAsync(id, v, "已处理", null),
                 })
            await Assert.ThrowsAsync<RecordNotFoundException>(call);
        // The head of the department sees it, without the complainant.
        var head = await w.Tech(w.A, a.Head).ListAsync(new(), 1, 20);
        Assert.Equal("***", Assert.Single(head.Items).CustomerName);
        // The desk's own steps are not theirs at all.
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.TechFlow(w.A, a.Handler).FollowUpAsync(id, v, FollowUpChannel.Phone, "跟进"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Tech(w.A, a.Handler).RevealPhoneAsync(id));
        Assert.Equal((ComplaintStatus.Dispatched, v), ((await w.GetAsync(w.A, id)).Status, await w.VersionAsync(w.A, id)));
    }

    [Theory]
    [InlineData(Roles.Owner)]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.Technician)]
    public async Task The_desks_writes_are_refused_to_roles_without_ComplaintsWrite_and_change_nothing(string role)
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.RegisteredAsync(w.A, a);
        var writes = Calls.Where(c => c.Key is not ("Get" or "Plan" or "Delay" or "Handle")).ToList();
        writes.Add(new("Register", (sp, x, h) => Svc(sp).RegisterAsync(ComplaintWorld.Intake(a.Unit), a.Owner, [])));
        writes.Add(new("Units", (sp, x, h) => Svc(sp).UnitsAsync(null)));
        writes.Add(new("Staff", (sp, x, h) => Svc(sp).StaffAsync()));
        foreach (var (name, call) in writes)
        {
            var e = await Record.ExceptionAsync(() => call(w.Scope(role, w.A, "u-x", "某人", role == Roles.Owner ? a.Owner : null), id, a.Handler));
            Assert.True(e is AccessDeniedException, $"{name}: {e?.GetType().Name ?? "no exception"}");
        }
        if (role == Roles.Owner)
            await Assert.ThrowsAsync<AccessDeniedException>(() => Svc(w.Scope(role, w.A, "u-x", "某人", a.Owner)).ListAsync(new(), 1, 20));
        var c = await w.GetAsync(w.A, id);
        Assert.Equal((ComplaintStatus.Registered, 0), (c.Status, c.Version));
    }

    [Fact]
    public async Task HQ_reads_its_own_companys_complaints_with_the_phone_masked_and_cannot_enter_another_companys_project()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.RegisteredAsync(w.A, a);
        var hq = Svc(w.Scope(Roles.HqAuditor, w.A, "u-hq", "总部"));
        Assert.Equal("138****8000", (await hq.GetAsync(id)).CustomerPhoneMasked);
        Assert.Single((await hq.ListAsync(new(), 1, 20)).Items);

        var sp = w.W.App.Provider.CreateScope().ServiceProvider;
        sp.GetRequiredService<TenantContext>().SetUser(new UserIdentity("u-hq", "总部", w.A.CompanyId, new HashSet<string> { Roles.HqAuditor }, null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => sp.GetRequiredService<TenantAccessor>().EnterAsync(w.B.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sp.GetRequiredService<ComplaintService>().ListAsync(new(), 1, 20));
    }
}
