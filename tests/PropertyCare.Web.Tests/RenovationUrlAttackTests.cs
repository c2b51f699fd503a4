using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Portal.Renovation;
using PropertyCare.Web.Components.Pages.Renovation;

namespace PropertyCare.Web.Tests;

/// <summary>Renovation applications of project 1 (the demo) by URL: the desk of project 1 sees the application page and
/// the permit; the desk of project 2, with either project in the address, gets "not found"; an owner opening another
/// owner's application in the portal gets "not found".</summary>
[Collection("web")]
public sealed class RenovationUrlAttackTests(WebAppFixture app)
{
    [Fact]
    public async Task Another_projects_application_and_permit_are_not_found_by_url()
    {
        var (id, number) = await DemoWorkingAsync();
        foreach (var page in new[] { typeof(RenovationDetailPage), typeof(RenovationPrintPage) })
        {
            var own = await RenderAsync("staff", page, 1, new() { ["ApplicationId"] = id });
            Assert.DoesNotContain("data-test=\"not-found\"", own);
            Assert.Contains(page == typeof(RenovationPrintPage) ? "XK-" + number[3..] : number, own);
            foreach (var project in new[] { 1, 2 })
            {
                var html = await RenderAsync("staff2", page, project, new() { ["ApplicationId"] = id });
                Assert.Contains("data-test=\"not-found\"", html);
                Assert.DoesNotContain(number[3..], html);
            }
        }
    }

    [Fact]
    public async Task An_owner_cannot_open_another_owners_application()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("owner");
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var others = await db.RenovationApplications.IgnoreQueryFilters().Where(a => a.OwnerId != owner!.OwnerId).Select(a => new { a.Id, a.Number }).FirstAsync();
        var mine = await db.RenovationApplications.IgnoreQueryFilters().Where(a => a.OwnerId == owner!.OwnerId).Select(a => new { a.Id, a.Number }).FirstAsync();
        var html = await RenderAsync("owner", typeof(MyRenovationDetail), null, new() { ["ApplicationId"] = others.Id });
        Assert.Contains("data-test=\"not-found\"", html);
        Assert.DoesNotContain(others.Number, html);
        var own = await RenderAsync("owner", typeof(MyRenovationDetail), null, new() { ["ApplicationId"] = mine.Id });
        Assert.Contains(mine.Number, own);
        Assert.Contains("data-test=\"next-step\"", own);
    }

    private async Task<(int Id, string Number)> DemoWorkingAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var a = await db.RenovationApplications.IgnoreQueryFilters().Where(x => x.ProjectId == 1 && x.Status == RenovationStatus.Working).OrderBy(x => x.Id).FirstAsync();
        return (a.Id, a.Number);
    }

    private async Task<string> RenderAsync(string userName, Type page, int? projectId, Dictionary<string, object?> parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        var id = parameters["ApplicationId"];
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", projectId is { } p ? $"http://localhost/p/{p}/renovations/{id}/permit" : $"http://localhost/my/renovations/{id}");
        var all = new Dictionary<string, object?>(parameters);
        if (projectId is { } pid) all["ProjectId"] = pid;
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(page, ParameterView.FromDictionary(all));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
