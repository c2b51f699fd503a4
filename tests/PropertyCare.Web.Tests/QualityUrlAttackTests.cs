using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Quality;

namespace PropertyCare.Web.Tests;

/// <summary>Quality part A by URL, on the demo's 不实 audit and its notice (翠湖花园, project 1): the company's HQ opens the
/// call sheet and the notice; HQ of another company gets "not found" and nothing of them; the manager opens the notice in
/// project 1 but not with project 2 in the address (the manager is assigned to both).</summary>
[Collection("web")]
public sealed class QualityUrlAttackTests(WebAppFixture app)
{
    [Fact]
    public async Task Another_companys_hq_and_another_projects_address_do_not_find_the_audit_or_notice()
    {
        int auditId, noticeId;
        string number, sourceNumber;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            var n = await db.RectificationNotices.IgnoreQueryFilters().AsNoTracking().Where(x => x.ProjectId == 1 && x.AuditId != null).OrderBy(x => x.Id).FirstAsync();
            (noticeId, number, auditId) = (n.Id, n.Number, n.AuditId!.Value);
            sourceNumber = await db.CallbackAudits.IgnoreQueryFilters().Where(a => a.Id == auditId).Select(a => a.SourceNumber).FirstAsync();
        }
        var otherHq = await OtherCompanyHqAsync();

        var sheet = await RenderAsync<HqAuditSheetPage>("hq", $"/hq/audits/{auditId}", new() { ["Id"] = auditId });
        Assert.Contains(sourceNumber, sheet);
        Assert.Contains("data-test=\"audit-summary\"", sheet);
        var foreignSheet = await RenderAsync<HqAuditSheetPage>(otherHq, $"/hq/audits/{auditId}", new() { ["Id"] = auditId });
        Assert.Contains("data-test=\"action-error\"", foreignSheet);
        Assert.DoesNotContain(sourceNumber, foreignSheet);
        Assert.DoesNotContain("audit-summary", foreignSheet);

        var notice = await RenderAsync<HqNoticePage>("hq", $"/hq/notices/{noticeId}", new() { ["Id"] = noticeId });
        Assert.Contains(number, notice);
        var foreignNotice = await RenderAsync<HqNoticePage>(otherHq, $"/hq/notices/{noticeId}", new() { ["Id"] = noticeId });
        Assert.Contains("data-test=\"action-error\"", foreignNotice);
        Assert.DoesNotContain(number, foreignNotice);

        var own = await RenderAsync<ProjectNoticePage>("manager", $"/p/1/quality/notices/{noticeId}", new() { ["ProjectId"] = 1, ["Id"] = noticeId });
        Assert.Contains(number, own);
        var wrongProject = await RenderAsync<ProjectNoticePage>("manager", $"/p/2/quality/notices/{noticeId}", new() { ["ProjectId"] = 2, ["Id"] = noticeId });
        Assert.DoesNotContain(number, wrongProject);
        Assert.Contains("data-test=\"action-error\"", wrongProject);
    }

    /// <summary>An HQ auditor of a second company (made once per app).</summary>
    private async Task<string> OtherCompanyHqAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("hq-other") is not null) return "hq-other";
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var company = new Company { Name = "别家物业", Code = "OTHERQ", CreatedAt = DateTime.UtcNow };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = "hq-other", DisplayName = "别家总部", CompanyId = company.Id, IsActive = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.HqAuditor)).Succeeded);
        return "hq-other";
    }

    private async Task<string> RenderAsync<TPage>(string userName, string path, Dictionary<string, object?> parameters) where TPage : IComponent
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", "http://localhost" + path);
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
