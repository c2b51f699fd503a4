using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Surveys;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Portal.Surveys;
using PropertyCare.Web.Components.Pages.Surveys;

namespace PropertyCare.Web.Tests;

/// <summary>Quality part B by URL, on the demo: HQ's results of last quarter's company campaign, the manager's results and
/// the owner's answer form of the open one render with their data; a campaign of project 2 is "not found" for the desk of
/// project 1 (interview page) and for the owner of project 1 (portal), and shows nothing of itself.</summary>
[Collection("web")]
public sealed class SurveyPagesTests(WebAppFixture app)
{
    [Fact]
    public async Task Demo_campaigns_render_for_hq_the_manager_and_the_owner()
    {
        var (closed, open) = await DemoCampaignsAsync();
        var hq = await RenderAsync<HqSurveyDetail>("hq", $"/hq/surveys/{closed.Id}", new() { ["Id"] = closed.Id });
        Assert.Contains(closed.Title, hq);
        Assert.Contains("data-test=\"survey-items\"", hq);
        Assert.Contains("data-test=\"survey-projects\"", hq);
        var manager = await RenderAsync<ProjectSurveyDetail>("manager", $"/p/1/surveys/{open.Id}", new() { ["ProjectId"] = 1, ["Id"] = open.Id });
        Assert.Contains("data-test=\"survey-items\"", manager);
        Assert.Contains("data-test=\"campaign-interview\"", manager);
        Assert.DoesNotContain("data-test=\"campaign-close\"", manager); // HQ's campaign: read-only for the project
        var owner = await RenderAsync<MySurveyPage>("owner", $"/my/surveys/{open.Id}", new() { ["Id"] = open.Id });
        Assert.Contains(open.Title, owner);
        Assert.Contains("data-test=\"my-survey-submit\"", owner);
        Assert.Contains("data-test=\"score-5\"", owner);
        Assert.Contains("data-test=\"score-na\"", owner);
        var list = await RenderAsync<MySurveys>("owner", "/my/surveys", new());
        Assert.Contains("data-test=\"my-survey-todo\"", list);
    }

    [Fact]
    public async Task Another_projects_campaign_is_not_found_by_url()
    {
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = await AsAsync(scope, "manager", 2);
            var surveys = sp.GetRequiredService<ProjectSurveyService>();
            id = await surveys.CreateAsync(new CampaignDraft("二期专项调查网址攻击", null, SurveyItem.Standard(), SurveyTarget.AllOccupied, 100,
                DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), 0));
            await surveys.StartAsync(id, (await surveys.GetAsync(id)).Version);
        }
        var desk = await RenderAsync<SurveyInterviewPage>("staff", $"/p/1/surveys/{id}/interview", new() { ["ProjectId"] = 1, ["Id"] = id });
        Assert.Contains("data-test=\"action-error\"", desk);
        Assert.DoesNotContain("二期专项调查网址攻击", desk);
        var owner = await RenderAsync<MySurveyPage>("owner", $"/my/surveys/{id}", new() { ["Id"] = id });
        Assert.Contains("data-test=\"action-error\"", owner);
        Assert.DoesNotContain("二期专项调查网址攻击", owner);
        var manager1 = await RenderAsync<ProjectSurveyDetail>("manager", $"/p/1/surveys/{id}", new() { ["ProjectId"] = 1, ["Id"] = id });
        Assert.Contains("data-test=\"action-error\"", manager1);
        Assert.DoesNotContain("二期专项调查网址攻击", manager1);
    }

    private async Task<(SurveyCampaign Closed, SurveyCampaign Open)> DemoCampaignsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var demo = await db.SurveyCampaigns.AsNoTracking().Where(c => c.ProjectId == null).OrderBy(c => c.Id).ToListAsync();
        return (demo.First(c => c.Status == CampaignStatus.Closed), demo.First(c => c.Status == CampaignStatus.Open));
    }

    private async Task<IServiceProvider> AsAsync(AsyncServiceScope scope, string userName, int? projectId)
    {
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        if (projectId is { } p) await sp.GetRequiredService<TenantAccessor>().EnterAsync(p);
        return sp;
    }

    private async Task<string> RenderAsync<TPage>(string userName, string path, Dictionary<string, object?> parameters) where TPage : IComponent
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = await AsAsync(scope, userName, null);
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav) nav.Initialize("http://localhost/", $"http://localhost{path}");
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
