using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>个人信息保护: the desk may name someone else as an order's contact (a tenant, a relative). The owner sees the
/// order in the portal, but that person's number is theirs: the owner gets the mask, like the desk's lists.</summary>
[Collection(RepairsCollection.Name)]
public class PortalContactPrivacyTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_portal_shows_a_desk_entered_third_party_number_masked_and_the_owners_own_number_as_it_is()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var (tenantOrder, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit) with { ContactName = "租户王先生", ContactPhone = "13755556666" }, []);
        var (ownOrder, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit) with { ContactName = "张伟", ContactPhone = "13800138000" }, []);

        var portal = w.Portal(w.A, owner);
        var seen = await portal.GetAsync(tenantOrder);
        Assert.Equal("137****6666", seen.ContactPhone);
        Assert.True(seen.PhoneMasked);
        Assert.Equal("13800138000", (await portal.GetAsync(ownOrder)).ContactPhone);
    }
}
