using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.MoveIn;
using PropertyCare.Web.Components.Pages.Portal;

namespace PropertyCare.Web.Tests;

/// <summary>Move-in records of project 1 (the demo batch) by URL: the desk of project 1 sees them; the desk of project 2,
/// putting their own project or project 1 in the address, gets "not found"; an owner opening another owner's notice
/// gets "not found".</summary>
[Collection("web")]
public sealed class MoveInUrlAttackTests(WebAppFixture app)
{
    [Fact]
    public async Task Another_projects_batch_take_over_and_notice_are_not_found_by_url()
    {
        var (batch, takeOver, appointment, batchName) = await DemoIdsAsync();
        var pages = new (Type Page, Dictionary<string, object?> Parameters)[]
        {
            (typeof(BatchDetailPage), new() { ["BatchId"] = batch }),
            (typeof(TakeOverPage), new() { ["TakeOverId"] = takeOver }),
            (typeof(MoveInNoticePage), new() { ["AppointmentId"] = appointment }),
        };
        foreach (var (page, parameters) in pages)
        {
            var own = await RenderAsync("staff", page, 1, parameters);
            Assert.DoesNotContain("data-test=\"not-found\"", own);
            Assert.Contains(batchName, own);
            foreach (var project in new[] { 1, 2 })
            {
                var html = await RenderAsync("staff2", page, project, parameters);
                Assert.Contains("data-test=\"not-found\"", html);
                Assert.DoesNotContain(batchName, html);
            }
        }
    }

    [Fact]
    public async Task An_owner_cannot_open_another_owners_notice()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var owner = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("owner");
        await using var db = new AppDbContext(sp.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var mine = await db.UnitOwnerships.IgnoreQueryFilters().Where(o => o.OwnerId == owner!.OwnerId).Select(o => o.UnitId).ToListAsync();
        var others = await db.DeliveryAppointments.IgnoreQueryFilters().Where(a => !mine.Contains(a.UnitId)).Select(a => a.Id).FirstAsync();
        var html = await RenderAsync("owner", typeof(MyMoveInNotice), null, new() { ["AppointmentId"] = others });
        Assert.Contains("data-test=\"not-found\"", html);
        Assert.DoesNotContain("入伙通知书", html);
    }

    private async Task<(int Batch, int TakeOver, int Appointment, string BatchName)> DemoIdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var b = await db.DeliveryBatches.IgnoreQueryFilters().Where(x => x.ProjectId == 1).OrderBy(x => x.Id).FirstAsync();
        var t = await db.TakeOverInspections.IgnoreQueryFilters().Where(x => x.BatchId == b.Id).Select(x => x.Id).FirstAsync();
        var a = await db.DeliveryAppointments.IgnoreQueryFilters().Where(x => x.BatchId == b.Id).Select(x => x.Id).FirstAsync();
        return (b.Id, t, a, b.Name);
    }

    /// <summary>Renders the page as the circuit does after sign-in (see DeskHomeTests): the user's identity in the tenant
    /// context, then the component with its gate.</summary>
    private async Task<string> RenderAsync(string userName, Type page, int? projectId, Dictionary<string, object?> parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", projectId is { } p ? $"http://localhost/p/{p}/move-in" : "http://localhost/my/move-in");
        var all = new Dictionary<string, object?>(parameters);
        if (projectId is { } id) all["ProjectId"] = id;
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(page, ParameterView.FromDictionary(all));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
