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
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Portal.Renovation;
using PropertyCare.Web.Components.Pages.RenovationWorks;

namespace PropertyCare.Web.Tests;

/// <summary>The works page and the stop-work notice of a stopped renovation in project 1, by URL: the desk of project 1
/// sees them; the desk of project 2, with either project in the address, gets "not found"; an owner who is not the
/// applicant gets "not found" from the portal summary.</summary>
[Collection("web")]
public sealed class RenovationWorksUrlAttackTests(WebAppFixture app)
{
    private const string Number = "ZX-URLTEST-0001";

    [Fact]
    public async Task Another_projects_works_page_and_stop_notice_are_not_found_by_url()
    {
        var (id, _) = await StoppedApplicationAsync();
        foreach (var page in new[] { typeof(RenovationWorksPage), typeof(StopNoticePage) })
        {
            var own = await RenderAsync("staff", page, 1, new() { ["ApplicationId"] = id });
            Assert.DoesNotContain("data-test=\"not-found\"", own);
            Assert.Contains(Number, own);
            foreach (var project in new[] { 1, 2 })
            {
                var html = await RenderAsync("staff2", page, project, new() { ["ApplicationId"] = id });
                Assert.Contains("data-test=\"not-found\"", html);
                Assert.DoesNotContain(Number, html);
            }
        }
    }

    [Fact]
    public async Task An_owner_who_did_not_apply_sees_not_found_and_the_applicant_sees_the_violation()
    {
        var (id, ownerId) = await StoppedApplicationAsync();
        var other = await RenderAsync("owner", typeof(MyWorksSummary), 1, new() { ["ApplicationId"] = id }, ownerOverride: null);
        Assert.Contains("data-test=\"not-found\"", other);
        Assert.DoesNotContain("楼道堆放砂浆", other);
        var mine = await RenderAsync("owner", typeof(MyWorksSummary), 1, new() { ["ApplicationId"] = id }, ownerOverride: ownerId);
        Assert.Contains("楼道堆放砂浆", mine);
    }

    /// <summary>A stopped renovation in project 1 on a unit of an owner who is not the demo owner, with its violation (made
    /// once, through the domain's steps).</summary>
    private async Task<(int Id, int OwnerId)> StoppedApplicationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DbContextOptions<AppDbContext>>();
        var demoOwner = (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("owner"))!.OwnerId;
        Domain.Tenancy.Project project;
        await using (var raw = new AppDbContext(options, null))
        {
            var existing = await raw.RenovationApplications.IgnoreQueryFilters().Where(a => a.Number == Number).Select(a => new { a.Id, a.OwnerId }).FirstOrDefaultAsync();
            if (existing != null) return (existing.Id, existing.OwnerId);
            project = await raw.Projects.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == 1);
        }
        await using var inner = app.Services.CreateAsyncScope();
        inner.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity("system", "测试", project.CompanyId, new HashSet<string>(), null));
        inner.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        await using var db = inner.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var taken = await db.RenovationApplications.Select(a => a.UnitId).ToListAsync();
        var pick = await db.UnitOwnerships.Where(o => o.IsPrimary && o.OwnerId != demoOwner && !taken.Contains(o.UnitId) && o.Unit!.State != Domain.Owners.UnitState.NotDelivered)
            .OrderByDescending(o => o.UnitId).Select(o => new { o.UnitId, o.OwnerId }).FirstAsync();
        var settings = RenovationSettings.Defaults(1);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var a = RenovationApplication.File(pick.UnitId, pick.OwnerId, new ApplicationDetails("好家装饰有限公司", "91310000MA1FL0001X", "王师傅", "13900139000",
            ["墙面涂刷/贴砖"], today, today.AddDays(30), null), settings, false, "system", now, today);
        a.Number = Number;
        db.RenovationApplications.Add(a);
        await db.SaveChangesAsync();
        var unit = await db.Units.SingleAsync(u => u.Id == pick.UnitId);
        a.DeskCheck(true, null, "system", now);
        a.Review(ReviewDecision.Approved, null, settings, unit.Area, "system", now);
        var entries = new List<DepositLedgerEntry> { DepositLedgerEntry.Collect(a.Id, LedgerAccount.Deposit, null, a.DepositDue, PaymentMethod.Cash, "SJ-URLTEST-1", "system", "测试", now) };
        entries.AddRange(a.FeesDue.Select((f, i) => DepositLedgerEntry.Collect(a.Id, LedgerAccount.Fee, f.Name, f.Amount, PaymentMethod.Cash, $"SJ-URLTEST-{i + 2}", "system", "测试", now)));
        db.DepositLedger.AddRange(entries);
        a.IssuePermit("XK-URLTEST", DepositLedger.Balance(entries), DepositLedger.FeesPaid(entries), 1, unit, "system", now);
        await db.SaveChangesAsync();
        var v = RenovationViolation.Record(a, null, "公共区域保护", "楼道堆放砂浆", today, today, "测试", now);
        db.RenovationViolations.Add(v);
        await db.SaveChangesAsync();
        a.Stop("违章未整改", v.Id, now);
        await db.SaveChangesAsync();
        return (a.Id, pick.OwnerId);
    }

    private async Task<string> RenderAsync(string userName, Type page, int? projectId, Dictionary<string, object?> parameters, int? ownerOverride = -1)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var identity = AppClaimsFactory.ToIdentity(principal);
        // The portal summary is a component placed on the owner's page: the test stands in the owner's project, as the portal does.
        if (ownerOverride is not -1) identity = identity with { OwnerId = ownerOverride ?? identity.OwnerId };
        var tenant = sp.GetRequiredService<TenantContext>();
        tenant.SetUser(identity);
        if (page == typeof(MyWorksSummary))
        {
            await using var raw = new AppDbContext(sp.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
            sp.GetRequiredService<TenantAccessor>().EnterTrusted(await raw.Projects.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == projectId));
        }
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", $"http://localhost/p/{projectId}/renovations");
        var all = new Dictionary<string, object?>(parameters);
        if (page != typeof(MyWorksSummary) && projectId is { } id) all["ProjectId"] = id;
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(page, ParameterView.FromDictionary(all));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
