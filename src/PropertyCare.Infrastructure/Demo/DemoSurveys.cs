using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Surveys;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>满意度调查 demo, quality part B: a closed company-wide campaign of last quarter answered in every demo estate
/// (about two answers in three, a few by phone, some comments), and an open company-wide campaign of this month that
/// the demo owner has not answered yet (a few neighbours have). Written with the domain's steps and past times (the
/// services act "now" and send messages; the demo sends none); invitations per project, inside the project.</summary>
internal static class DemoSurveys
{
    private static readonly string[] Comments = ["保安巡逻很到位，谢谢", "地库照明不足，希望改善", "维修师傅态度很好", "绿化修剪不及时", "停车位太紧张"];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Project> projects, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var hq = await users.FindByNameAsync("hq");
        var staff = await users.FindByNameAsync("staff");
        var owner = await users.FindByNameAsync("owner");
        if (hq?.CompanyId is not { } companyId || staff == null || owner?.OwnerId is not { } demoOwner) return;
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using (var check = new AppDbContext(options, null))
            if (await check.SurveyCampaigns.AnyAsync(c => c.CompanyId == companyId, ct)) return;

        var time = services.GetRequiredService<TimeProvider>();
        var first = ProjectClock.For(time, projects[0]);
        var today = first.Today;
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var lastQuarter = quarterStart.AddMonths(-3);
        var now = first.UtcNow;

        var closed = SurveyCampaign.Create(companyId, null, new CampaignDraft($"{lastQuarter.Year} 年第 {(lastQuarter.Month - 1) / 3 + 1} 季度业主满意度调查", "感谢您对物业服务的支持！",
            SurveyItem.Standard(), SurveyTarget.AllOccupied, 100, lastQuarter.AddDays(14), lastQuarter.AddDays(35), 3), 20261001, hq.Id, hq.DisplayName,
            first.ToUtc(lastQuarter.AddDays(10).ToDateTime(new TimeOnly(9, 0))));
        closed.Start(first.ToUtc(lastQuarter.AddDays(14).ToDateTime(new TimeOnly(8, 30))));
        closed.Close(first.ToUtc(lastQuarter.AddDays(36).ToDateTime(new TimeOnly(8, 30))));
        var open = SurveyCampaign.Create(companyId, null, new CampaignDraft($"{today:yyyy 年 M 月}业主满意度调查", "请花一分钟为我们的服务打分，您的意见是我们改进的方向。",
            SurveyItem.Standard(), SurveyTarget.AllOccupied, 100, today.AddDays(-3), today.AddDays(14), 3), 20261101, hq.Id, hq.DisplayName, now.AddDays(-4));
        open.Start(now.AddDays(-3));
        await using (var db = new AppDbContext(options, null))
        {
            db.SurveyCampaigns.AddRange(closed, open);
            await db.SaveChangesAsync(ct);
        }

        var random = new Random(20261126);
        foreach (var project in projects.Where(p => p.CompanyId == companyId))
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity(hq.Id, hq.DisplayName, companyId, new HashSet<string> { Roles.HqAuditor }, null));
            scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
            await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            var clock = ProjectClock.For(time, project);
            var targets = await SurveyInviter.TargetUnitsAsync(db, closed, project.Id, ct);
            var owners = await MoveIn.MoveInQueries.OwnersAsync(db, targets, ct);
            var demoUnits = await db.UnitOwnerships.Where(o => o.OwnerId == demoOwner).Select(o => o.UnitId).ToListAsync(ct);
            foreach (var (campaign, answerShare) in new[] { (closed, 0.65), (open, 0.2) })
            {
                var invitedAt = campaign.StartedAt!.Value;
                foreach (var unitId in targets.Union(campaign == open ? demoUnits : []).Distinct())
                {
                    int? ownerId = owners.TryGetValue(unitId, out var o) ? o.Id : demoUnits.Contains(unitId) ? demoOwner : null;
                    // The open campaign's households were reminded yesterday (its first reminder): the next one is two days
                    // away, so a demo started now does not text hundreds of households at its first 08:30 job run.
                    var remindedYesterday = campaign == open;
                    db.SurveyInvitations.Add(new SurveyInvitation
                    {
                        ProjectId = project.Id, CampaignId = campaign.Id, UnitId = unitId, OwnerId = ownerId, InvitedAt = invitedAt,
                        Reminders = remindedYesterday ? 1 : 0, LastRemindedAt = remindedYesterday ? now.AddDays(-1) : null,
                    });
                    // The demo owner answers the closed campaign but not the open one (the portal demo answers it).
                    if (demoUnits.Contains(unitId) ? campaign == open : random.NextDouble() >= answerShare) continue;
                    var scores = campaign.Items.Select(_ => random.NextDouble() < 0.08 ? (int?)null : Score(random)).ToList();
                    if (scores.All(s => s == null)) scores[0] = 4;
                    var byPhone = random.NextDouble() < 0.15;
                    var at = invitedAt.AddHours(2 + random.Next(0, 24 * 10));
                    db.SurveyResponses.Add(new SurveyResponse
                    {
                        ProjectId = project.Id, CampaignId = campaign.Id, UnitId = unitId, OwnerId = ownerId, Scores = scores,
                        Comment = random.NextDouble() < 0.25 ? Comments[random.Next(Comments.Length)] : null,
                        Channel = byPhone ? ResponseChannel.PhoneInterview : ResponseChannel.Portal,
                        RecordedById = byPhone ? staff.Id : $"owner-{ownerId}", RecordedByName = byPhone ? staff.DisplayName : o.Name ?? "业主",
                        SubmittedAt = at > clock.UtcNow ? clock.UtcNow.AddHours(-1) : at,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Mostly satisfied, some neutral, a few unhappy: 5 35 %, 4 35 %, 3 18 %, 2 8 %, 1 4 %.</summary>
    private static int Score(Random r) => r.NextDouble() switch { < 0.35 => 5, < 0.70 => 4, < 0.88 => 3, < 0.96 => 2, _ => 1 };
}
