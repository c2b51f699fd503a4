using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Complaints;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Complaints;

namespace PropertyCare.Web.Tests;

/// <summary>Complaints part A by URL: a complaint the desk of project 1 registered opens on its page for that desk (phone
/// masked); the desk of project 2, with either project in the address, gets "not found" and nothing of it; the
/// technician (a department user it is not assigned to) gets "not found" too.</summary>
[Collection("web")]
public sealed class ComplaintUrlAttackTests(WebAppFixture app)
{
    [Fact]
    public async Task Another_projects_complaint_and_one_not_assigned_are_not_found_by_url()
    {
        var (id, number) = await RegisterAsync();
        var own = await RenderAsync("staff", 1, id);
        Assert.DoesNotContain("data-test=\"not-found\"", own);
        Assert.Contains(number, own);
        Assert.Contains("139****0417", own);
        Assert.DoesNotContain("13900000417", own);
        foreach (var project in new[] { 1, 2 })
        {
            var html = await RenderAsync("staff2", project, id);
            Assert.Contains("data-test=\"not-found\"", html);
            Assert.DoesNotContain(number, html);
        }
        var tech = await RenderAsync("tech", 1, id);
        Assert.Contains("data-test=\"not-found\"", tech);
        Assert.DoesNotContain(number, tech);
        Assert.DoesNotContain("网址攻击测试", tech);
    }

    [Fact]
    public async Task The_handler_opens_the_complaint_dispatched_to_them_without_the_complainant()
    {
        var (id, number) = await RegisterAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = await AsAsync(scope, "staff", 1);
            var techId = (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("tech"))!.Id;
            await sp.GetRequiredService<ComplaintWorkflowService>().ClassifyAsync(id, 0,
                new ComplaintClassification(ComplaintClass.Valid, "地面未及时清理", "保洁卫生", SameDayReason.Safety, "保洁部", techId, ""));
        }
        var tech = await RenderAsync("tech", 1, id);
        Assert.DoesNotContain("data-test=\"not-found\"", tech);
        Assert.Contains(number, tech);
        Assert.Contains("大堂地面湿滑无警示", tech);
        Assert.Contains("data-test=\"action-plan\"", tech);
        Assert.DoesNotContain("网址攻击测试", tech);
        Assert.DoesNotContain("0417", tech);
        Assert.DoesNotContain("data-test=\"action-follow-up\"", tech);
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

    private async Task<(int Id, string Number)> RegisterAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = await AsAsync(scope, "staff", 1);
        return await sp.GetRequiredService<ComplaintService>().RegisterAsync(
            new ComplaintIntake(ComplaintKind.Complaint, ComplaintChannel.Visit, null, "网址攻击测试", "13900000417", "大堂地面湿滑无警示", null, null, SameDayReason.None), null, []);
    }

    private async Task<string> RenderAsync(string userName, int projectId, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = await AsAsync(scope, userName, null);
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", $"http://localhost/p/{projectId}/complaints/{id}");
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ComplaintDetailPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["ProjectId"] = projectId, ["Id"] = id }));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
