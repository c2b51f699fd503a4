using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>The complaints demo: every state, the 二次派单 with its dispatch record, the repeat pair, follow-ups, heads of
/// department, earlier months — and consistent with the jobs (nothing is due for escalation the moment it is seeded).</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintDemoTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_demo_has_every_state_a_second_dispatch_a_repeat_and_earlier_months()
    {
        await using var w = await ComplaintJobWorld.CreateAsync(Provider, new DateTime(2026, 11, 26, 9, 30, 0));
        await w.AddUserAsync(w.A, Roles.ServiceDesk, "staff", "客服 王芳");
        var manager = await w.AddUserAsync(w.A, Roles.ProjectManager, "manager", "客服经理 李静");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "tech", "维修 张强");
        int ownerId;
        await using (var db = w.Db(w.A))
        {
            var b = new Building { Name = "1栋", Floors = 30 };
            db.Buildings.Add(b);
            await db.SaveChangesAsync();
            var owners = new List<(Unit, Owner)>();
            for (var i = 0; i < 21; i++)
            {
                var u = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 1 + i / 4, Room = $"{1 + i / 4}0{1 + i % 4}", Area = 90m, Type = "三室两厅", State = UnitState.Occupied };
                var o = new Owner { Name = $"业主{i:00}", IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = $"138001380{i:00}" };
                db.Units.Add(u); db.Owners.Add(o); owners.Add((u, o));
            }
            await db.SaveChangesAsync();
            foreach (var (u, o) in owners) db.UnitOwnerships.Add(new UnitOwnership { UnitId = u.Id, OwnerId = o.Id, IsPrimary = true });
            await db.SaveChangesAsync();
            ownerId = owners[0].Item2.Id;
        }
        using (var scope = w.App.Provider.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "owner", DisplayName = "业主00", CompanyId = w.A.CompanyId, OwnerId = ownerId, IsActive = true, CreatedAt = DateTime.UtcNow })).Succeeded);
        }

        await DemoComplaints.SeedAsync(w.App.Provider, w.A, CancellationToken.None);
        await DemoComplaints.SeedAsync(w.App.Provider, w.A, CancellationToken.None); // a second start adds nothing

        await using var check = w.Db(w.A);
        var all = await check.Complaints.AsNoTracking().ToListAsync();
        Assert.Equal(15, all.Count);
        Assert.Equal(all.Count, all.Select(c => c.Number).Distinct().Count());
        foreach (var s in Enum.GetValues<ComplaintStatus>()) Assert.Contains(all, c => c.Status == s);
        var mine = Assert.Single(all, c => c.FiledByOwner);
        Assert.Equal((ComplaintStatus.Registered, ownerId, ComplaintChannel.Portal), (mine.Status, mine.OwnerId!.Value, mine.Channel));
        Assert.Contains(all, c => c.Status == ComplaintStatus.Planned && c.DelayReason != null);
        Assert.Contains(all, c => c.Status == ComplaintStatus.Closed && c.Class == ComplaintClass.Valid && c.LastSatisfaction is { } s && Complaint.IsSatisfied(s));
        Assert.Contains(all, c => c.Status == ComplaintStatus.Closed && c.Class == ComplaintClass.ToImprove && c.Callbacks.Any(b => b.AcceptsExplanation));
        Assert.Contains(all, c => c.Status == ComplaintStatus.Closed && c.Class == ComplaintClass.Invalid);
        Assert.Contains(all, c => c.Kind == ComplaintKind.Consultation && c.Status == ComplaintStatus.Closed && c.Result != null);
        Assert.Contains(all, c => c.Kind == ComplaintKind.Praise);
        var second = Assert.Single(all, c => c.DispatchLevel == 2);
        Assert.Equal([1, 2], second.Dispatches.Select(d => d.Level));
        Assert.Equal(tech, second.DepartmentHeadId);
        var repeats = all.Where(c => c.IsRepeat).ToList();
        Assert.Equal(2, repeats.Count);
        Assert.Equal((repeats[0].UnitId, repeats[0].Category), (repeats[1].UnitId, repeats[1].Category));
        Assert.All(all.Where(c => c.Status is ComplaintStatus.Dispatched or ComplaintStatus.Planned), c => Assert.NotEmpty(c.FollowUps));
        var settings = await check.ComplaintSettings.AsNoTracking().SingleAsync();
        Assert.Equal(tech, settings.Department("工程部")!.HeadUserId);
        Assert.Equal(manager, settings.Department("客服部")!.HeadUserId);

        // The statistics of the quarter (and the earlier months) have something; the job has nothing to escalate now.
        var q = await w.Statistics(w.A).GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Quarter, 2026, 4));
        Assert.True(q.Figures.Received >= 12);
        Assert.True((await w.Statistics(w.A).GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 9))).Figures.Received >= 1);
        Assert.Equal(0, await w.Escalation(w.A).RunAsync());
    }
}
