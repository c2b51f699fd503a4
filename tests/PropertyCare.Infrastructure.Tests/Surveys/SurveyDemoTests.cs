using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Demo;
using PropertyCare.Infrastructure.Identity;

namespace PropertyCare.Infrastructure.Tests.Surveys;

/// <summary>The survey demo: a closed company-wide campaign answered in every project of the company, an open one the
/// demo owner can answer in the portal (and nothing in another company); seeding twice adds nothing.</summary>
public class SurveyDemoTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Demo_has_a_closed_campaign_with_answers_and_an_open_one_for_the_demo_owner()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        await w.W.AddUserAsync(w.A, Roles.HqAuditor, "hq", "总部品质 周敏");
        await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "staff", "客服 王芳");
        var (unit, owner) = await w.OwnerAsync(w.A, "101");
        for (var i = 2; i <= 12; i++) await w.OwnerAsync(w.A, $"1{i:00}");
        for (var i = 1; i <= 6; i++) await w.OwnerAsync(w.A2, $"2{i:00}");
        await w.OwnerAsync(w.B, "101");
        using (var scope = w.W.App.Provider.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "owner", DisplayName = "业主101", CompanyId = w.A.CompanyId, OwnerId = owner, IsActive = true, CreatedAt = DateTime.UtcNow })).Succeeded);
        }

        await DemoSurveys.SeedAsync(w.W.App.Provider, [w.A, w.A2, w.B], default);
        await DemoSurveys.SeedAsync(w.W.App.Provider, [w.A, w.A2, w.B], default);

        var list = (await w.Hq(w.A).ListAsync(1, 20)).Items;
        Assert.Equal(2, list.Count);
        var closed = Assert.Single(list, r => r.Status == CampaignStatus.Closed);
        var open = Assert.Single(list, r => r.Status == CampaignStatus.Open);
        Assert.True(closed.IsCompanyWide && open.IsCompanyWide);
        Assert.Equal(18, closed.Invited);
        Assert.InRange(closed.Answered, 1, 18);
        var results = await w.HqResults(w.A).ResultsAsync(closed.Id);
        Assert.Equal([w.A.Id, w.A2.Id], results.Projects.Select(p => p.ProjectId));
        Assert.NotNull(results.Overall.Index);
        Assert.DoesNotContain(await w.InvitationsAsync(closed.Id), i => i.ProjectId == w.B.Id);

        // The demo owner: the open campaign waits for their answer, which the portal takes.
        var mine = await w.Portal(w.A, owner).MineAsync();
        Assert.Contains(mine, m => m.CampaignId == open.Id && m.TakesAnswers && m.Answered == 0);
        await w.Portal(w.A, owner).AnswerAsync(open.Id, unit, null, Enumerable.Repeat((int?)5, SurveyItem.Standard().Count).ToList(), "很满意");
        Assert.Equal(1, (await w.Portal(w.A, owner).MineAsync()).Single(m => m.CampaignId == open.Id).Answered);

        // The open campaign's households were reminded yesterday: the first 08:30 run of a fresh demo texts nobody.
        Assert.Equal(0, (await w.Job(w.A).RunAsync()).Reminded);
    }
}
