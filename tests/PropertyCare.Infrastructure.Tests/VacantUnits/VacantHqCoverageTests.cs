using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>HQ's overview shows each project's coverage of its current cycle, for its own company's projects only.</summary>
[Collection(RepairsCollection.Name)]
public class VacantHqCoverageTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task HQ_sees_the_coverage_of_its_own_companys_projects_and_not_another_companys()
    {
        await using var w = await VacantWorld.CreateAsync(Provider);
        var (u1, _) = await w.VacantUnitAsync(w.A, "0101");
        await w.VacantUnitAsync(w.A, "0102");
        await w.VacantUnitAsync(w.B, "0101");
        await w.Desk(w.A).InspectAsync(u1, null, VacantWorld.Answers(("无虫害", "有蚂蚁")), VacantWorld.Meters, []);

        var rows = await w.W.As(Roles.HqAuditor, w.A, "u-hq").GetRequiredService<HqQueries>().VacantCoverageAsync();

        var a = Assert.Single(rows);
        Assert.Equal((w.A.Id, "2026-11"), (a.ProjectId, a.CycleKey));
        Assert.Equal(new Coverage(2, 1, 1, 0.5m), a.Coverage);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(Roles.ProjectManager, w.A).GetRequiredService<HqQueries>().VacantCoverageAsync());
    }
}
