using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Desk;

namespace PropertyCare.Web.Tests;

/// <summary>工作台 (/p/{id}/home): the desk of project 1 gets its counters; staff of another project get
/// "not found" for project 1, exactly as for any record of a project they do not work in.</summary>
[Collection("web")]
public sealed class DeskHomeTests(WebAppFixture app)
{
    [Fact]
    public async Task Staff_signed_in_get_the_home_page_and_it_needs_a_sign_in()
    {
        var anonymous = await app.Client().GetAsync("/p/1/home");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, "staff")).StatusCode);
        var page = await client.GetAsync("/p/1/home");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Staff_of_project_1_see_the_counters_that_open_the_filtered_lists()
    {
        var html = await RenderAsync("staff", 1);
        Assert.DoesNotContain("data-test=\"not-found\"", html);
        foreach (var counter in new[] { "home-to-dispatch", "home-in-progress", "home-overdue", "home-callbacks-today", "home-callbacks-overdue" })
            Assert.Contains($"data-test=\"{counter}\"", html);
        foreach (var link in new[] { "/p/1/repairs?filter=ToDispatch", "/p/1/repairs?filter=InProgress", "/p/1/repairs?overdue=true",
                     "/p/1/callbacks?bucket=DueToday", "/p/1/callbacks?bucket=Overdue" })
            Assert.Contains($"href=\"{link}\"", html);
        // The demo data has orders waiting for dispatch in project 1.
        Assert.Contains("data-test=\"home-dispatch-row\"", html);
    }

    [Fact]
    public async Task Staff_of_project_2_only_get_not_found_for_project_1()
    {
        var html = await RenderAsync("staff2", 1);
        Assert.Contains("data-test=\"not-found\"", html);
        Assert.DoesNotContain("home-to-dispatch", html);
        Assert.DoesNotContain("BX-", html);

        var own = await RenderAsync("staff2", 2);
        Assert.DoesNotContain("data-test=\"not-found\"", own);
        Assert.Contains("data-test=\"home-to-dispatch\"", own);
    }

    /// <summary>Renders the page as the circuit does after sign-in: the user's identity from their claims in the
    /// tenant context, then the component with its project gate (the app renders without prerendering, so a plain
    /// GET only returns the shell).</summary>
    private async Task<string> RenderAsync(string userName, int projectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", $"http://localhost/p/{projectId}/home");
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<DeskHome>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["ProjectId"] = projectId }));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
