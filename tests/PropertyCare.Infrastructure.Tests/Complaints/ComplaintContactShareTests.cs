using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>提供客户联系方式: the handler sees who complained only once the desk gives it to them (logged), the department
/// head still does not, and a reassignment takes it away.</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintContactShareTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_desk_gives_the_handler_the_contact_logged_and_only_the_handler_sees_it_until_reassigned()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var id = await w.DispatchedAsync(w.A, a);

        var before = await w.Tech(w.A, a.Handler).GetAsync(id);
        Assert.Equal(("***", null, null), (before.CustomerName, before.CustomerPhoneMasked, before.SharedPhone));

        // The handler cannot give it to themselves.
        var v = await w.VersionAsync(w.A, id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.TechFlow(w.A, a.Handler).ShareContactAsync(id, v));
        // A stale version changes nothing.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.DeskFlow(w.A).ShareContactAsync(id, 0));

        await w.DeskFlow(w.A).ShareContactAsync(id, await w.VersionAsync(w.A, id));
        var handler = await w.Tech(w.A, a.Handler).GetAsync(id);
        Assert.Equal(("张伟", "13800138000", false), (handler.CustomerName, handler.SharedPhone, handler.CustomerHidden));
        Assert.Equal(a.Handler, handler.ContactSharedWithId);
        // The department's head is not the person it was given to.
        var head = await w.Tech(w.A, a.Head).GetAsync(id);
        Assert.Equal(("***", null), (head.CustomerName, head.SharedPhone));
        // The desk's own view never carries the full number (it reveals it, logged).
        Assert.Null((await w.Desk(w.A).GetAsync(id)).SharedPhone);

        await using (var db = w.W.Db(w.A))
        {
            var log = await db.SensitiveAccesses.AsNoTracking().SingleAsync(x => x.EntityType == "Complaint" && x.EntityId == id);
            Assert.Equal(("ComplainantContactShared", "u-desk"), (log.Field, log.UserId));
            Assert.Contains("王师傅", log.Detail);
        }
        // Twice is refused (nothing new to give).
        v = await w.VersionAsync(w.A, id);
        await Assert.ThrowsAsync<DomainException>(() => w.DeskFlow(w.A).ShareContactAsync(id, v));

        // Reassigned to the head: the old handler loses it (and no longer sees the complaint), the new one has to be given it.
        await w.DeskFlow(w.A).ReassignAsync(id, await w.VersionAsync(w.A, id), "工程部", a.Head);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Tech(w.A, a.Handler).GetAsync(id));
        var newHandler = await w.Tech(w.A, a.Head).GetAsync(id);
        Assert.Equal(("***", null), (newHandler.CustomerName, newHandler.SharedPhone));
        Assert.Null((await w.GetAsync(w.A, id)).ContactSharedWithId);
    }

    [Fact]
    public async Task Nothing_to_give_before_dispatch_and_never_across_projects()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        var registered = await w.RegisteredAsync(w.A, a);
        var rv = await w.VersionAsync(w.A, registered);
        await Assert.ThrowsAsync<IllegalStepException>(() => w.DeskFlow(w.A).ShareContactAsync(registered, rv));
        var dispatched = await w.DispatchedAsync(w.A, a);
        var dv = await w.VersionAsync(w.A, dispatched);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.DeskFlow(w.B).ShareContactAsync(dispatched, dv));
        Assert.Null((await w.GetAsync(w.A, dispatched)).ContactSharedWithId);
    }
}
