using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Gaps the mutation run found in the owner's works page: patrols and violations newest first, the latest
/// acceptance of this application only (with its time and items), nothing shown before any acceptance.</summary>
[Collection(RepairsCollection.Name)]
public class WorksPortalGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_owner_sees_patrols_and_violations_newest_first_and_the_latest_acceptance_of_this_application_only()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, _, owner) = await w.WorkingAsync(w.A, "0101");
        var (otherApp, _, _) = await w.WorkingAsync(w.A, "0102", "李娜", "13700137000");
        // Another application's failed acceptance is never shown here.
        await w.Acceptance(w.A).RecordAsync(otherApp, (await w.AppAsync(w.A, otherApp)).Version, WorksWorld.AcceptanceAnswers(("防水闭水", "渗漏")), ["别家的整改"], null, []);
        var none = await w.Portal(w.A, owner).SummaryAsync(app);
        Assert.Equal(((bool?)null, (DateTime?)null), (none.AcceptancePassed, none.AcceptedAt));
        Assert.Empty(none.RectificationItems);

        await w.Acceptance(w.A).RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(("防水闭水", "渗漏")), ["卫生间重做防水"], null, []);
        w.W.Clock.Advance(TimeSpan.FromHours(1));
        await w.Acceptance(w.A).RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(("防水闭水", "仍渗漏")), ["重做防水层", "闭水 48 小时"], null, []);

        w.W.Clock.Advance(TimeSpan.FromHours(1));
        var first = await w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(("噪音", "午休时间电钻")), null, [],
            [new ViolationInput("噪音", "12:30 使用电钻", w.Today.AddDays(2), [])]);
        w.W.Clock.Advance(TimeSpan.FromHours(2));
        var second = await w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(("公共区域保护", "楼道未铺保护")), null, [],
            [new ViolationInput("公共区域保护", "楼道地面未铺保护膜", w.Today.AddDays(2), [])]);
        var s = await w.Portal(w.A, owner).SummaryAsync(app);
        Assert.Equal(2, s.Patrols.Count);
        Assert.True(s.Patrols[0].At > s.Patrols[1].At);
        Assert.Equal([second.ViolationIds.Single(), first.ViolationIds.Single()], s.Violations.Select(v => v.Id));
        Assert.False(s.AcceptancePassed);
        Assert.Equal(new DateTime(2026, 11, 23, 11, 0, 0), s.AcceptedAt);
        Assert.Equal(["重做防水层", "闭水 48 小时"], s.RectificationItems);
    }

    [Fact]
    public async Task Of_two_acceptances_recorded_at_the_same_instant_the_owner_sees_the_one_recorded_last()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, _, owner) = await w.WorkingAsync(w.A, "0101");
        await w.Acceptance(w.A).RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(("防水闭水", "渗漏")), ["卫生间重做防水"], null, []);
        // The clock does not move: both carry the same time, and the later record (the passed one) is what stands.
        await w.Acceptance(w.A).RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(), [], null, []);

        var s = await w.Portal(w.A, owner).SummaryAsync(app);
        Assert.True(s.AcceptancePassed);
        Assert.Empty(s.RectificationItems);
        Assert.Equal(RenovationStatus.Accepted, s.Status);
    }
}
