using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Isolation attacks: another project's application, worker and document by id are "not found"; an owner
/// sees and acts on only their own applications; HQ reads its own company's and writes nothing; technicians nothing.</summary>
[Collection(RepairsCollection.Name)]
public class ApplicationAccessTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private sealed record Ctx(int Unit, int Owner, int AppId, int WorkerId, int DocumentId);

    private static async Task<Ctx> ArrangeAsync(ApplicationWorld w, Project p)
    {
        var (unit, owner) = await w.UnitAsync(p, "0101");
        var id = (await w.Desk(p).FileAsync(unit, owner, ApplicationWorld.Form(), [new PhotoUpload("图.png", RepairWorld.Png)])).Id;
        var worker = await w.Desk(p).RegisterWorkerAsync(id, "李师傅", "11010519491231002X", "13700001111", null);
        var doc = (await w.Desk(p).GetAsync(id)).Documents[0].Id;
        return new(unit, owner, id, worker, doc);
    }

    private static readonly Dictionary<string, Func<IServiceProvider, Ctx, Task>> DeskCalls = new()
    {
        ["Get"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().GetAsync(c.AppId),
        ["Change"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().ChangeAsync(c.AppId, 0, ApplicationWorld.Form()),
        ["DeskCheck"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().DeskCheckAsync(c.AppId, 0, true, null),
        ["Withdraw"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().WithdrawAsync(c.AppId, 0, "不装了"),
        ["RegisterWorker"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().RegisterWorkerAsync(c.AppId, "王", "11010519491231002X", "13700001111", null),
        ["RevokeWorker"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().RevokeWorkerAsync(c.WorkerId, 0),
        ["IssuePermit"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().IssuePermitAsync(c.AppId, 0),
        ["AddDocuments"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().AddDocumentsAsync(c.AppId, [new PhotoUpload("a.png", RepairWorld.Png)]),
        ["Permit"] = (sp, c) => sp.GetRequiredService<RenovationApplicationService>().PermitAsync(c.AppId),
        ["Document"] = (sp, c) => sp.GetRequiredService<AttachmentService>().ReadAsync(c.DocumentId),
    };

    [Fact]
    public async Task Another_projects_application_worker_and_document_are_not_found()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var c = await ArrangeAsync(w, w.B);
        foreach (var (name, call) in DeskCalls)
        {
            var e = await Record.ExceptionAsync(() => call(w.W.As(Roles.ProjectManager, w.A, "u-mgr", "经理"), c));
            Assert.True(e is RecordNotFoundException, $"{name}: {e?.GetType().Name ?? "no exception"}");
        }
        Assert.Empty((await w.Manager(w.A).ListAsync(new(), 1, 20)).Items);
        await using var db = w.W.Db(w.B);
        Assert.Equal(RenovationStatus.Submitted, (await db.RenovationApplications.SingleAsync()).Status);
        Assert.Single(await db.RenovationWorkers.Where(x => !x.Revoked).ToListAsync());
    }

    [Theory]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Owner)]
    public async Task Every_desk_write_is_refused_to_roles_without_RenovationWrite_and_changes_nothing(string role)
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var c = await ArrangeAsync(w, w.A);
        var writes = DeskCalls.Where(x => x.Key is not ("Get" or "Permit" or "Document")).ToList();
        writes.Add(new("File", (sp, x) => sp.GetRequiredService<RenovationApplicationService>().FileAsync(x.Unit, x.Owner, ApplicationWorld.Form(), [])));
        writes.Add(new("Review", (sp, x) => sp.GetRequiredService<RenovationApplicationService>().ReviewAsync(x.AppId, 0, ReviewDecision.Approved, null)));
        writes.Add(new("Settings", (sp, x) => sp.GetRequiredService<RenovationSettingsService>().SaveAsync(RenovationSettings.Defaults(0), 0)));
        foreach (var (name, call) in writes)
        {
            var e = await Record.ExceptionAsync(() => call(w.W.As(role, w.A, "u-x", "某人"), c));
            Assert.True(e is AccessDeniedException, $"{name}: {e?.GetType().Name ?? "no exception"}");
        }
        var a = await w.AppAsync(w.A, c.AppId);
        Assert.Equal((RenovationStatus.Submitted, 0), (a.Status, a.Version));
    }

    [Fact]
    public async Task HQ_reads_its_own_companys_applications_and_documents()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var c = await ArrangeAsync(w, w.A);
        Assert.Equal(c.AppId, (await w.As(Roles.HqAuditor, w.A).GetAsync(c.AppId)).Id);
        Assert.Single((await w.As(Roles.HqAuditor, w.A).ListAsync(new(), 1, 10)).Items);
        await w.Files(w.A, Roles.HqAuditor).ReadAsync(c.DocumentId);
    }

    [Fact]
    public async Task An_owner_sees_and_acts_on_only_their_own_applications_and_documents()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var mine = await ArrangeAsync(w, w.A);
        var (otherUnit, other) = await w.UnitAsync(w.A, "0202", owner: "李娜", phone: "13900000000");
        var theirs = (await w.Portal(w.A, other).FileAsync(otherUnit, ApplicationWorld.Form(), [new PhotoUpload("他的图.png", RepairWorld.Png)])).Id;
        var theirDoc = (await w.Desk(w.A).GetAsync(theirs)).Documents[0].Id;

        var me = w.Portal(w.A, mine.Owner);
        Assert.Equal([mine.AppId], (await me.MineAsync(1, 10)).Items.Select(r => r.Id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => me.GetAsync(theirs));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => me.WithdrawAsync(theirs, 0, "不装了"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => me.ChangeAndResubmitAsync(theirs, 0, ApplicationWorld.Form(), []));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => me.RequestExtensionAsync(theirs, 0, ApplicationWorld.Today.AddDays(90), "x"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => me.FileAsync(otherUnit, ApplicationWorld.Form(), []));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => me.PermitAsync(theirs));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.Owner, mine.Owner).ReadAsync(theirDoc));
        await w.Files(w.A, Roles.Owner, mine.Owner).ReadAsync(mine.DocumentId);
        Assert.Equal(RenovationStatus.Submitted, (await w.AppAsync(w.A, theirs)).Status);
        // The owner of another project's application with the same id space sees nothing here either.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.B, mine.Owner).GetAsync(mine.AppId));
    }

    [Fact]
    public async Task The_owner_files_for_their_own_unit_withdraws_before_the_permit_but_not_after()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var me = w.Portal(w.A, owner);
        var units = await me.MyUnitsAsync();
        Assert.False(Assert.Single(units).HasOpenApplication);
        Assert.Contains((await me.FormAsync()).ScopeCatalog, i => i.Prohibited);
        var (id, number) = await me.FileAsync(unit, ApplicationWorld.Form(), []);
        Assert.True((await w.AppAsync(w.A, id)).FiledByOwner);
        Assert.True(Assert.Single(await me.MyUnitsAsync()).HasOpenApplication);
        await me.WithdrawAsync(id, await w.VersionAsync(w.A, id), "先不装了");
        Assert.Equal(RenovationStatus.Withdrawn, (await w.AppAsync(w.A, id)).Status);
        var again = (await me.FileAsync(unit, ApplicationWorld.Form(), [])).Id;   // a new one after the withdrawal
        Assert.NotEqual(id, again);
        var working = again;
        await w.Desk(w.A).DeskCheckAsync(working, await w.VersionAsync(w.A, working), true, null);
        await w.Manager(w.A).ReviewAsync(working, await w.VersionAsync(w.A, working), ReviewDecision.Approved, null);
        await w.CollectAsync(w.A, working);
        await w.Desk(w.A).RegisterWorkerAsync(working, "李师傅", "11010519491231002X", "13700001111", null);
        await w.Desk(w.A).IssuePermitAsync(working, await w.VersionAsync(w.A, working));
        var version = await w.VersionAsync(w.A, working);
        await Assert.ThrowsAsync<IllegalStepException>(() => me.WithdrawAsync(working, version, "不装了"));
        await me.RequestExtensionAsync(working, await w.VersionAsync(w.A, working), ApplicationWorld.Today.AddDays(80), "瓷砖延误");
        Assert.NotNull((await me.GetAsync(working)).PendingExtension);
        Assert.Equal("XK-20261123-0002", (await me.PermitAsync(working)).PermitNumber);
    }
}
