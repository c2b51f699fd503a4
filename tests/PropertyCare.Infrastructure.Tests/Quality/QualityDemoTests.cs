using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Quality;
using PropertyCare.Infrastructure.Tests.Complaints;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Quality;

/// <summary>The quality demo: the week before last drawn with one 不实 (its notice answered) and one 真实, the rest to call;
/// last week's callbacks left for the weekly job's 立即执行, which then draws them.</summary>
[Collection(RepairsCollection.Name)]
public class QualityDemoTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Demo_has_a_drawn_week_with_an_untrue_audit_and_an_answered_notice_and_last_week_left_to_draw()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 26, 9, 30, 0));
        await w.AddUserAsync(w.A, Roles.ServiceDesk, "staff", "客服 王芳");
        await w.AddUserAsync(w.A, Roles.ProjectManager, "manager", "客服经理 李静");
        await w.AddUserAsync(w.A, Roles.Technician, "tech", "维修 张强");
        var hq = await w.AddUserAsync(w.A, Roles.HqAuditor, "hq", "总部品质 周敏");
        await using (var db = w.Db(w.A))
        {
            var b = new Building { Name = "2栋", Floors = 30 };
            db.Buildings.Add(b);
            await db.SaveChangesAsync();
            var pairs = new List<(Unit, Owner)>();
            for (var i = 0; i < 60; i++)
            {
                var u = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 1 + i / 4, Room = $"{1 + i / 4}0{1 + i % 4}", Area = 90m, Type = "三室两厅", State = UnitState.Occupied };
                var o = new Owner { Name = $"业主{i:00}", IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = $"138001380{i:00}" };
                db.Units.Add(u); db.Owners.Add(o); pairs.Add((u, o));
            }
            await db.SaveChangesAsync();
            foreach (var (u, o) in pairs) db.UnitOwnerships.Add(new UnitOwnership { UnitId = u.Id, OwnerId = o.Id, IsPrimary = true });
            await db.SaveChangesAsync();
        }

        await DemoQuality.SeedAsync(w.App.Provider, w.A, CancellationToken.None);
        await DemoQuality.SeedAsync(w.App.Provider, w.A, CancellationToken.None); // a second start adds nothing

        await using var check = w.Db(w.A);
        var sample = await check.CallbackSamples.AsNoTracking().SingleAsync();
        Assert.Equal(new DateOnly(2026, 11, 9), sample.WeekStart);
        Assert.Equal(8, sample.Population);
        var audits = await check.CallbackAudits.AsNoTracking().ToListAsync();
        Assert.Equal(3, audits.Count); // the unsatisfied one + 2 random (10 % of 8 → 1, at least 3)
        Assert.Single(audits, a => a.Reason == SampleReason.Unsatisfied);
        Assert.Single(audits, a => a.Authenticity == Authenticity.Untrue);
        Assert.Single(audits, a => a.Authenticity == Authenticity.Genuine);
        Assert.Single(audits, a => a.Status == AuditStatus.Pending);
        var notice = await check.RectificationNotices.AsNoTracking().SingleAsync();
        Assert.Equal(RectificationStatus.Answered, notice.Status);
        Assert.Contains(await check.OutboxMessages.AsNoTracking().ToListAsync(), m => m.Recipient == hq && m.Subject.Contains("已回复"));

        // Monday's 立即执行 (any day this week) draws last week: 6 callbacks, one unsatisfied → 3.
        Assert.Equal(3, await w.As(Roles.ProjectManager, w.A, "system").GetRequiredService<CallbackSampleJob>().RunAsync());
    }
}
