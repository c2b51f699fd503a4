using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Portal.Renovation;
using PropertyCare.Web.Components.Pages.Renovation.Deposit;

namespace PropertyCare.Web.Tests;

/// <summary>The deposit ledger and a receipt of project 1 by URL: the desk of project 1 sees them; the desk of project 2,
/// with its own project or project 1 in the address, gets "not found"; an owner's portal summary of someone else's
/// application is "not found".</summary>
[Collection("web")]
public sealed class DepositUrlAttackTests(WebAppFixture app)
{
    [Fact]
    public async Task Another_projects_ledger_and_receipt_are_not_found_by_url()
    {
        var (applicationId, number, entryId, receipt) = await ApplicationWithReceiptAsync();
        foreach (var (page, parameters, secret) in new (Type, Dictionary<string, object?>, string)[]
        {
            (typeof(DepositPage), new() { ["ApplicationId"] = applicationId }, number),
            (typeof(DepositReceiptPrintPage), new() { ["EntryId"] = entryId }, receipt),
        })
        {
            var own = await RenderAsync("staff", page, 1, parameters);
            Assert.DoesNotContain("data-test=\"not-found\"", own);
            Assert.Contains(secret, own);
            Assert.Contains("¥3,000.00", own);
            foreach (var project in new[] { 1, 2 })
            {
                var html = await RenderAsync("staff2", page, project, parameters);
                Assert.Contains("data-test=\"not-found\"", html);
                Assert.DoesNotContain(secret, html);
            }
        }
        // The desk's own ledger page: the derived balance, the entry with its receipt link, why no refund yet, the collect form
        // (the desk may write) and no reverse button (only the manager reverses).
        var ledger = await RenderAsync("staff", typeof(DepositPage), 1, new() { ["ApplicationId"] = applicationId });
        Assert.Contains($"/p/1/renovations/receipts/{entryId}/print", ledger);
        Assert.Contains("data-test=\"refund-blockers\"", ledger);
        Assert.Contains("data-test=\"refund-blocker\"", ledger);
        Assert.Contains("data-test=\"collect-form\"", ledger);
        Assert.DoesNotContain("data-test=\"reverse-open\"", ledger);
        Assert.Contains("data-test=\"reverse-open\"", await RenderAsync("manager", typeof(DepositPage), 1, new() { ["ApplicationId"] = applicationId }));
        var hq = await RenderAsync("hq", typeof(Components.Pages.Hq.HqDepositsPage), null, []);
        Assert.Contains("data-test=\"hq-deposit-row\"", hq);
        Assert.Contains("data-test=\"hq-deposit-total\"", hq);
        var ownerView = await RenderAsync("owner", typeof(MyDepositSummary), null, new() { ["ApplicationId"] = applicationId });
        Assert.Contains("data-test=\"not-found\"", ownerView);
        Assert.DoesNotContain("¥3,000.00", ownerView);
    }

    /// <summary>An approved application in project 1 on a unit the demo owner does not own, with its deposit collected
    /// through the service (so it has a receipt).</summary>
    private async Task<(int Id, string Number, long EntryId, string Receipt)> ApplicationWithReceiptAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DbContextOptions<AppDbContext>>();
        var owner = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("owner");
        int unitId, ownerId;
        decimal area;
        Domain.Tenancy.Project project;
        await using (var db = new AppDbContext(options, null))
        {
            project = await db.Projects.Include(p => p.Company).FirstAsync(p => p.Id == 1);
            var busy = await db.RenovationApplications.IgnoreQueryFilters().Select(a => a.UnitId).ToListAsync();
            var o = await db.UnitOwnerships.IgnoreQueryFilters()
                .Where(x => x.IsPrimary && x.OwnerId != owner!.OwnerId && x.Unit!.ProjectId == 1 && x.Unit.State != Domain.Owners.UnitState.NotDelivered && !busy.Contains(x.UnitId))
                .OrderByDescending(x => x.UnitId).Select(x => new { x.UnitId, x.OwnerId, x.Unit!.Area }).FirstAsync();
            (unitId, ownerId, area) = (o.UnitId, o.OwnerId, o.Area);
        }
        sp.GetRequiredService<TenantContext>().SetUser(new UserIdentity("u-test", "测试", project.CompanyId, new HashSet<string> { Roles.ProjectManager }, null));
        sp.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        var settings = RenovationSettings.Defaults(1);
        int id;
        var number = $"ZX-URL-{Guid.NewGuid():N}"[..20];
        await using (var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var a = RenovationApplication.File(unitId, ownerId, new ApplicationDetails("好家装饰", "91310000MA1K", "王工", "13900001111", ["墙面涂刷/贴砖"],
                today, today.AddDays(30), null), settings, false, "u-test", DateTime.UtcNow, today.AddDays(-2));
            a.Number = number;
            a.DeskCheck(true, null, "u-test", DateTime.UtcNow);
            a.Review(ReviewDecision.Approved, null, settings, area, "u-test", DateTime.UtcNow);
            db.RenovationApplications.Add(a);
            await db.SaveChangesAsync();
            id = a.Id;
        }
        var (entryId, receipt) = await sp.GetRequiredService<DepositService>().CollectAsync(id, LedgerAccount.Deposit, null, 3000m, PaymentMethod.Cash, null);
        return (id, number, entryId, receipt);
    }

    private async Task<string> RenderAsync(string userName, Type page, int? projectId, Dictionary<string, object?> parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        // The portal component sits inside the portal's gate (which enters the owner's project): do the same here.
        if (projectId == null) sp.GetRequiredService<TenantAccessor>().EnterTrusted((await sp.GetRequiredService<TenantAccessor>().AccessibleProjectsAsync()).First());
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", projectId is { } p ? $"http://localhost/p/{p}/renovations/deposits" : "http://localhost/my/renovations");
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
