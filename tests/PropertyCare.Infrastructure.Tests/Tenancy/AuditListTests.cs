using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Auditing;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Tenancy;

/// <summary>The audit lists against fixtures with known answers: a record's change history (with what hangs under
/// it), the 保密 access log, and the account audit with its company scope, filters and pages — newest first.</summary>
public class AuditListTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private static readonly DateTime At = new(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Adds change records in the project (in this order, so ids ascend) and returns their ids.</summary>
    private long[] AddChanges(Domain.Tenancy.Project project, params (string Type, int Id, string? ParentType, int? ParentId)[] rows)
    {
        using var ctx = _db.Db(_db.Tenant(project));
        var records = rows.Select(r => new ChangeRecord
        {
            ProjectId = project.Id, EntityType = r.Type, EntityId = r.Id, ParentType = r.ParentType, ParentId = r.ParentId,
            Action = ChangeAction.Updated, At = At, UserId = "u-test", UserName = "测试用户",
        }).ToList();
        foreach (var r in records) { ctx.ChangeRecords.Add(r); ctx.SaveChanges(); }
        return records.Select(r => r.Id).ToArray();
    }

    private HistoryService History(Domain.Tenancy.Project project, string role = Roles.ProjectManager)
    {
        var t = _db.Tenant(project, role);
        return new HistoryService(_db.Factory(t), t);
    }

    [Fact]
    public async Task A_records_history_holds_its_own_changes_and_those_of_what_hangs_under_it_newest_first()
    {
        var ids = AddChanges(_db.A1,
            ("Owner", 5, null, null),          // 0: the owner
            ("OwnerMember", 9, "Owner", 5),    // 1: its member
            ("Owner", 6, null, null),          // 2: another owner
            ("Unit", 5, null, null),           // 3: a unit with the same number
            ("OwnerContact", 4, "Unit", 5),    // 4: hangs under that unit, not under the owner
            ("OwnerMember", 8, "Owner", 6),    // 5: another owner's member
            ("Owner", 5, null, null));         // 6: the owner again
        AddChanges(_db.A2, ("Owner", 5, null, null));

        var page = await History(_db.A1).ForRecordAsync("Owner", 5, 1, 20);

        Assert.Equal([ids[6], ids[1], ids[0]], page.Items.Select(c => c.Id));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task A_records_history_pages_newest_first()
    {
        var ids = AddChanges(_db.A1, Enumerable.Range(0, 5).Select(_ => ("Owner", 5, (string?)null, (int?)null)).ToArray());
        var history = History(_db.A1);

        var second = await history.ForRecordAsync("Owner", 5, 2, 2);
        var third = await history.ForRecordAsync("Owner", 5, 3, 2);
        var beforeFirst = await history.ForRecordAsync("Owner", 5, 0, 2);

        Assert.Equal([ids[2], ids[1]], second.Items.Select(c => c.Id));
        Assert.Equal([ids[0]], third.Items.Select(c => c.Id));
        Assert.Equal([ids[4], ids[3]], beforeFirst.Items.Select(c => c.Id));
        Assert.Equal(5, second.Total);
    }

    [Fact]
    public async Task The_access_log_shows_the_projects_reveals_and_exports_newest_first_in_pages()
    {
        long[] ids;
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            var rows = Enumerable.Range(0, 5).Select(i => new SensitiveAccess
            {
                ProjectId = _db.A1.Id, Kind = SensitiveAccessKind.Reveal, EntityType = "Owner", EntityId = i, Field = "Phone", At = At, UserId = "u-test", UserName = "测试用户",
            }).ToList();
            foreach (var r in rows) { ctx.SensitiveAccesses.Add(r); ctx.SaveChanges(); }
            ids = rows.Select(r => r.Id).ToArray();
        }
        using (var ctx = _db.Db(_db.Tenant(_db.A2)))
        {
            ctx.SensitiveAccesses.Add(new SensitiveAccess { ProjectId = _db.A2.Id, Kind = SensitiveAccessKind.Export, EntityType = "Owner", Field = "*", At = At, UserId = "u-other", UserName = "别人" });
            ctx.SaveChanges();
        }
        var history = History(_db.A1);

        var first = await history.AccessLogAsync(1, 2);
        var second = await history.AccessLogAsync(2, 2);
        var third = await history.AccessLogAsync(3, 2);
        var beforeFirst = await history.AccessLogAsync(0, 2);

        Assert.Equal(5, first.Total);
        Assert.Equal([ids[4], ids[3]], first.Items.Select(a => a.Id));
        Assert.Equal([ids[2], ids[1]], second.Items.Select(a => a.Id));
        Assert.Equal([ids[0]], third.Items.Select(a => a.Id));
        Assert.Equal([ids[4], ids[3]], beforeFirst.Items.Select(a => a.Id));
    }

    // ---- The account audit ----

    private long AddEvent(AccountAction action, int? companyId, string target, string actor)
    {
        using var ctx = _db.Db(null);
        var e = new AccountEvent { At = At, Action = action, CompanyId = companyId, TargetLabel = target, ActorName = actor, TargetUserId = "t", ActorUserId = "a" };
        ctx.AccountEvents.Add(e);
        ctx.SaveChanges();
        return e.Id;
    }

    private AccountEventQueries Events(string role, int? companyId)
    {
        var t = new TenantContext();
        t.SetUser(new UserIdentity("u-audit", "审计", companyId, new HashSet<string> { role }, null));
        return new AccountEventQueries(_db.Factory(t), t);
    }

    private sealed record Log(long ACreated, long BDisabled, long AdminCreated, long ADisabled, long AReset);

    private Log SeedEvents() => new(
        AddEvent(AccountAction.Created, _db.CompanyA.Id, "lina (李娜)", "平台管理员"),
        AddEvent(AccountAction.Disabled, _db.CompanyB.Id, "wangfang (王芳)", "平台管理员"),
        AddEvent(AccountAction.Created, null, "admin2 (第二管理员)", "平台管理员"),
        AddEvent(AccountAction.Disabled, _db.CompanyA.Id, "zhaomin (赵敏)", "李娜"),
        AddEvent(AccountAction.TemporaryPasswordIssued, _db.CompanyA.Id, "业主 139****0001", "李娜"));

    [Fact]
    public async Task The_platform_admin_sees_every_companys_account_events_newest_first()
    {
        var log = SeedEvents();

        var page = await Events(Roles.PlatformAdmin, null).ListAsync(null, null, 1, 20);

        Assert.Equal([log.AReset, log.ADisabled, log.AdminCreated, log.BDisabled, log.ACreated], page.Items.Select(e => e.Id));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task Head_office_sees_only_the_account_events_of_its_own_company()
    {
        var log = SeedEvents();

        var a = await Events(Roles.HqAuditor, _db.CompanyA.Id).ListAsync(null, null, 1, 20);
        var b = await Events(Roles.HqAuditor, _db.CompanyB.Id).ListAsync(null, null, 1, 20);

        Assert.Equal([log.AReset, log.ADisabled, log.ACreated], a.Items.Select(e => e.Id));
        Assert.Equal(3, a.Total);
        Assert.Equal([log.BDisabled], b.Items.Select(e => e.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Events(Roles.HqAuditor, null).ListAsync(null, null, 1, 20));
    }

    [Fact]
    public async Task The_account_audit_is_filtered_by_action()
    {
        var log = SeedEvents();

        var disabled = await Events(Roles.PlatformAdmin, null).ListAsync(AccountAction.Disabled, null, 1, 20);

        Assert.Equal([log.ADisabled, log.BDisabled], disabled.Items.Select(e => e.Id));
        Assert.Equal(2, disabled.Total);
    }

    [Theory]
    [InlineData("zhaomin", new[] { 3 })]     // a target's login
    [InlineData(" 李娜 ", new[] { 4, 3, 0 })] // the actor (events 3 and 4) or the target (event 0)
    [InlineData("平台", new[] { 2, 1, 0 })]   // an actor only
    [InlineData("nobody", new int[0])]
    public async Task The_account_audit_is_searched_by_target_or_actor(string search, int[] expected)
    {
        var log = SeedEvents();
        long[] all = [log.ACreated, log.BDisabled, log.AdminCreated, log.ADisabled, log.AReset];

        var page = await Events(Roles.PlatformAdmin, null).ListAsync(null, search, 1, 20);

        Assert.Equal(expected.Select(i => all[i]), page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task A_search_longer_than_50_characters_is_cut_to_its_first_50()
    {
        var label = new string('x', 50) + "-long-login";
        var id = AddEvent(AccountAction.Created, _db.CompanyA.Id, label, "平台管理员");
        AddEvent(AccountAction.Created, _db.CompanyA.Id, "short", "平台管理员");

        var page = await Events(Roles.PlatformAdmin, null).ListAsync(null, new string('x', 50) + "-something-else", 1, 20);

        Assert.Equal([id], page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task The_account_audit_pages_newest_first()
    {
        var log = SeedEvents();
        var events = Events(Roles.PlatformAdmin, null);

        var second = await events.ListAsync(null, null, 2, 2);
        var third = await events.ListAsync(null, null, 3, 2);
        var beforeFirst = await events.ListAsync(null, null, 0, 2);

        Assert.Equal([log.AdminCreated, log.BDisabled], second.Items.Select(e => e.Id));
        Assert.Equal([log.ACreated], third.Items.Select(e => e.Id));
        Assert.Equal([log.AReset, log.ADisabled], beforeFirst.Items.Select(e => e.Id));
        Assert.Equal((1, 5), (beforeFirst.PageIndex, beforeFirst.Total));
    }

    public void Dispose() => _database?.Dispose();
}
