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
using PropertyCare.Web.Components.Pages.Kpis;

namespace PropertyCare.Web.Tests;

/// <summary>Issue 15 Part C pages rendered on the demo (which ends with report snapshots): HQ's ranking with bands,
/// drill-down links and definitions; a drill-down; the weights form; the reports; the manager's own reports — and a
/// manager asking by id for the company-wide report, or HQ for a project that is not its company's, gets "not found".</summary>
[Collection("web")]
public sealed class KpiPagesTests(WebAppFixture app)
{
    [Fact]
    public async Task Hq_sees_the_ranking_drill_down_weights_and_reports()
    {
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM");
        var ranking = await RenderAsync("hq", typeof(HqKpisPage), null, [], "/hq/kpis");
        foreach (var t in new[] { "kpi-row", "kpi-score", "kpi-band", "kpi-drill", "kpi-company", "kpi-definitions", "kpi-definition", "kpi-month" })
            Assert.Contains($"data-test=\"{t}\"", ranking);
        Assert.Contains($"/hq/kpis/1/{month}/callback", ranking);

        var drill = await RenderAsync("hq", typeof(HqKpiDrillPage), null, new() { ["ProjectId"] = 1, ["Month"] = month, ["Kpi"] = "data" }, $"/hq/kpis/1/{month}/data");
        Assert.Contains("data-test=\"kpi-drill-value\"", drill);
        Assert.Contains("data-test=\"kpi-drill-record\"", drill); // the demo's owners
        Assert.Contains("/p/1/owners/", drill);
        var foreign = await RenderAsync("hq", typeof(HqKpiDrillPage), null, new() { ["ProjectId"] = 987654, ["Month"] = month, ["Kpi"] = "data" }, $"/hq/kpis/987654/{month}/data");
        Assert.Contains("data-test=\"action-error\"", foreign);
        Assert.DoesNotContain("data-test=\"kpi-drill-value\"", foreign);

        var weights = await RenderAsync("hq", typeof(HqKpiWeightsPage), null, [], "/hq/kpis/weights");
        Assert.Contains("data-test=\"kpi-weights-save\"", weights);
        Assert.Contains("data-test=\"kpi-weights-sum\"", weights);

        var reports = await RenderAsync("hq", typeof(HqReportsPage), null, [], "/hq/reports");
        Assert.Contains("data-test=\"report-row\"", reports);
        var companyReport = await CompanyReportIdAsync();
        var report = await RenderAsync("hq", typeof(HqReportPage), null, new() { ["Id"] = companyReport }, $"/hq/reports/{companyReport}");
        foreach (var t in new[] { "report-view", "report-figures", "report-kpis", "report-projects", "report-pdf", "report-xlsx" })
            Assert.True(report.Contains($"data-test=\"{t}\""), t + ": " + report[..Math.Min(3000, report.Length)]);
    }

    [Fact]
    public async Task A_manager_sees_the_projects_reports_and_not_the_company_report()
    {
        var list = await RenderAsync("manager", typeof(ProjectQualityReportsPage), 1, [], "/p/1/quality/reports");
        Assert.Contains("data-test=\"report-row\"", list);
        Assert.Contains("/p/1/quality/reports/", list);
        var companyReport = await CompanyReportIdAsync();
        var html = await RenderAsync("manager", typeof(ProjectQualityReportPage), 1, new() { ["Id"] = companyReport }, $"/p/1/quality/reports/{companyReport}");
        Assert.Contains("data-test=\"action-error\"", html);
        Assert.DoesNotContain("data-test=\"report-view\"", html);
    }

    private async Task<int> CompanyReportIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return await db.QualityReports.Where(r => r.ProjectId == null && r.Kind == PropertyCare.Domain.Kpis.ReportKind.Monthly).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
    }

    private async Task<string> RenderAsync(string userName, Type page, int? projectId, Dictionary<string, object?> parameters, string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav) nav.Initialize("http://localhost/", "http://localhost" + path);
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
