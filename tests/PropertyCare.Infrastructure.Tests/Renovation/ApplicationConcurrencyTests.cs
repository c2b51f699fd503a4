using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Tests.Repairs;
using Microsoft.EntityFrameworkCore;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Two desks at once: a stale version is refused; two applications for one unit at the same moment leave one;
/// two filings for different units at the same moment get different numbers.</summary>
[Collection(RepairsCollection.Name)]
public class ApplicationConcurrencyTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_stale_version_is_refused_and_changes_nothing()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = await w.FiledAsync(w.A, unit, owner);
        var seen = await w.VersionAsync(w.A, id);
        await w.Desk(w.A).DeskCheckAsync(id, seen, false, "缺图");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Desk(w.A, "u-desk2").WithdrawAsync(id, seen, "不装了"));
        Assert.Equal(RenovationStatus.Returned, (await w.AppAsync(w.A, id)).Status);
    }

    [Fact]
    public async Task Two_applications_for_one_unit_at_once_leave_one_and_the_other_is_told_why()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var desk1 = w.Desk(w.A, "u-d1");
        var desk2 = w.Desk(w.A, "u-d2");
        var results = await Task.WhenAll(Try(() => desk1.FileAsync(unit, owner, ApplicationWorld.Form(), [])),
            Try(() => desk2.FileAsync(unit, owner, ApplicationWorld.Form("吊顶"), [])));
        await using var db = w.W.Db(w.A);
        Assert.Equal(1, await db.RenovationApplications.CountAsync());
        var refused = Assert.Single(results, r => r != null);
        Assert.Equal("该房屋已有未结案的装修申请，不能重复申请", Assert.IsAssignableFrom<DomainException>(refused).Text.Zh);
    }

    [Fact]
    public async Task Filings_for_different_units_at_once_get_different_numbers()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var units = new List<(int, int)>();
        for (var i = 0; i < 3; i++) units.Add(await w.UnitAsync(w.A, $"050{i}"));
        var numbers = await Task.WhenAll(units.Select((u, i) => w.Desk(w.A, $"u-d{i}").FileAsync(u.Item1, u.Item2, ApplicationWorld.Form(), [])));
        Assert.Equal(3, numbers.Select(n => n.Number).Distinct().Count());
    }

    private static async Task<Exception?> Try(Func<Task> f)
    {
        try { await f(); return null; }
        catch (Exception e) { return e; }
    }
}
