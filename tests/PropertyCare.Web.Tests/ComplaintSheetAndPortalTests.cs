using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Complaints.Sheets;
using PropertyCare.Web.Components.Pages.Portal.Complaints;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>Complaints part B in the real app: the two sheets printed by Chromium and read back with pdftotext (number,
/// facts, signature lines, the phone masked); the sheets and the portal page by URL — the own project's desk sees them,
/// another project's address or desk gets "not found", the owner and the technician are refused the record sheet at the
/// door, the technician gets the handling sheet of their own complaint only; an owner opening another owner's complaint
/// gets "not found"; a complaint photo is served to its owner and not to a technician it is not dispatched to.</summary>
[Collection("web")]
public sealed class ComplaintSheetAndPortalTests(WebAppFixture app)
{
    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    private async Task<string> PdfTextAsync<TComponent>(object sheet, string title) where TComponent : IComponent
    {
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<TComponent>(new Dictionary<string, object?> { ["Sheet"] = sheet },
            new PdfPageSetup("蓉城物业服务有限公司", "翠湖花园", title));
        var file = Path.Combine(Path.GetTempPath(), $"pc-complaint-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try { return Regex.Replace(Run("pdftotext", $"-layout {file} -"), @"\s+", ""); }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task The_record_sheet_prints_the_customer_the_facts_the_masked_phone_and_the_receivers_signature()
    {
        var sheet = new ComplaintRecordPrint("蓉城物业服务有限公司", "翠湖花园", "TS-20261123-0007", "投诉", "李秀英", "3栋-2单元-1502",
            new DateTime(2026, 11, 23, 9, 30, 0), "网站/业主端", "139****5678", "楼道垃圾三天没人清理", "尽快清理并说明原因", "业主端");
        var flat = await PdfTextAsync<ComplaintRecordSheet>(sheet, "客户投诉记录单");
        foreach (var s in new[] { "客户投诉记录单", "TS-20261123-0007", "李秀英", "3栋-2单元-1502", "2026-11-2309:30", "网站/业主端", "139****5678",
                     "楼道垃圾三天没人清理", "尽快清理并说明原因", "受理人业主端", "受理人签字：", "日期：" })
            Assert.Contains(s, flat);
        Assert.DoesNotContain("13912345678", flat);
    }

    [Fact]
    public async Task The_handling_sheet_prints_the_handling_the_three_opinions_and_four_signature_lines()
    {
        var sheet = new ComplaintHandlingPrint("蓉城物业服务有限公司", "翠湖花园", "TS-20261123-0007", "投诉", "3栋-2单元-1502", "139****5678",
            "楼道垃圾三天没人清理", "保洁部", "王师傅", "有效投诉（保洁不到位）", "保洁卫生", true, "当天安排清理", new DateTime(2026, 11, 23, 11, 0, 0),
            "楼道已清理干净", new DateTime(2026, 11, 24, 15, 0, 0), "处理及时", "同意", "经理老周", "很干净", "非常满意", new DateTime(2026, 11, 25, 10, 0, 0), "已关闭");
        var flat = await PdfTextAsync<ComplaintHandlingSheet>(sheet, "客户投诉处理单");
        foreach (var s in new[] { "客户投诉处理单", "TS-20261123-0007", "楼道垃圾三天没人清理", "保洁部", "王师傅", "有效投诉（保洁不到位）", "（已升级处理）",
                     "当天安排清理", "楼道已清理干净", "受理人意见处理及时", "经理意见同意（经理老周）", "回访满意度：非常满意；很干净", "139****5678",
                     "处理人签字：", "部门负责人签字：", "客服经理签字：", "客户签字：" })
            Assert.Contains(s, flat);
        Assert.Equal(4, Regex.Matches(flat, "日期：").Count);
        Assert.DoesNotContain("13912345678", flat);
    }

    private async Task<AsyncServiceScope> AsAsync(string userName, int projectId = 1)
    {
        var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        await sp.GetRequiredService<TenantAccessor>().EnterAsync(projectId);
        return scope;
    }

    /// <summary>The demo owner files a complaint with a photo in the portal; when <paramref name="dispatchTo"/> is given,
    /// the desk's classification (as part A's service applies it) dispatches it to that user.</summary>
    private async Task<(int Id, string Number, int Photo)> FiledByOwnerAsync(string? dispatchTo = null)
    {
        int id; string number;
        await using (var owner = await AsAsync("owner"))
        {
            var portal = owner.ServiceProvider.GetRequiredService<PortalComplaintService>();
            var unit = (await portal.MyUnitsAsync()).First().UnitId;
            var png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "signature.png"));
            (id, number) = await portal.FileAsync(ComplaintKind.Complaint, unit, $"楼道垃圾三天没人清理 {Guid.NewGuid():N}"[..20], "尽快清理", [new PhotoUpload("楼道.png", png)]);
        }
        await using var desk = await AsAsync("manager");
        var sp = desk.ServiceProvider;
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        if (dispatchTo != null)
        {
            var userId = (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(dispatchTo))!.Id;
            var c = await db.Complaints.SingleAsync(x => x.Id == id);
            var time = new ComplaintTime(new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync()), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            c.Classify(new ComplaintClassification(ComplaintClass.Valid, "保洁不到位", "保洁卫生", SameDayReason.None, "保洁部", userId, "维修 张强"),
                new ComplaintSettings { ProjectId = 1 }, "经理", DateTime.UtcNow, time);
            await db.SaveChangesAsync();
        }
        var photo = await db.Attachments.Where(a => a.Kind == AttachmentKind.ComplaintPhoto && a.RecordId == id).Select(a => a.Id).SingleAsync();
        return (id, number, photo);
    }

    private async Task<string> RenderAsync(string userName, Type page, int? projectId, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        if (projectId == null) sp.GetRequiredService<TenantAccessor>().EnterTrusted((await sp.GetRequiredService<TenantAccessor>().AccessibleProjectsAsync()).First());
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", projectId is { } p ? $"http://localhost/p/{p}/complaints/{id}/record-sheet" : $"http://localhost/my/complaints/{id}");
        var all = new Dictionary<string, object?> { ["Id"] = id };
        if (projectId is { } pid) all["ProjectId"] = pid;
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(page, ParameterView.FromDictionary(all));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }

    [Fact]
    public async Task Another_projects_sheets_are_not_found_by_url_and_the_own_desk_sees_them()
    {
        var (id, number, _) = await FiledByOwnerAsync();
        foreach (var page in new[] { typeof(ComplaintRecordSheetPage), typeof(ComplaintHandlingSheetPage) })
        {
            var own = await RenderAsync("staff", page, 1, id);
            Assert.DoesNotContain("data-test=\"not-found\"", own);
            Assert.Contains(number, own);
            foreach (var project in new[] { 1, 2 })
            {
                var html = await RenderAsync("staff2", page, project, id);
                Assert.Contains("data-test=\"not-found\"", html);
                Assert.DoesNotContain(number, html);
            }
        }
        // The record sheet on screen masks the phone too.
        Assert.DoesNotMatch(@"1[3-9]\d{9}", await RenderAsync("staff", typeof(ComplaintRecordSheetPage), 1, id));
    }

    [Fact]
    public async Task The_owner_and_the_technician_are_refused_the_record_sheet_and_the_technician_gets_only_their_own_handling_sheet()
    {
        var (assigned, number, _) = await FiledByOwnerAsync(dispatchTo: "tech");
        var (other, otherNumber, _) = await FiledByOwnerAsync(dispatchTo: "staff");
        foreach (var user in new[] { "owner", "tech" })
        {
            var client = app.Client();
            Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, user)).StatusCode);
            var r = await client.GetAsync($"/p/1/complaints/{assigned}/record-sheet");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/account/denied", r.Headers.Location!.OriginalString);
        }
        var mine = await RenderAsync("tech", typeof(ComplaintHandlingSheetPage), 1, assigned);
        Assert.Contains(number, mine);
        Assert.DoesNotContain("****", mine); // no complainant phone for a department user, not even masked
        var notMine = await RenderAsync("tech", typeof(ComplaintHandlingSheetPage), 1, other);
        Assert.Contains("data-test=\"not-found\"", notMine);
        Assert.DoesNotContain(otherNumber, notMine);
        var owner = await RenderAsync("owner", typeof(ComplaintHandlingSheetPage), 1, assigned);
        Assert.Contains("data-test=\"not-found\"", owner);
    }

    [Fact]
    public async Task An_owner_cannot_open_another_owners_complaint_in_the_portal()
    {
        var (mine, number, _) = await FiledByOwnerAsync();
        int theirs; string theirNumber;
        await using (var desk = await AsAsync("manager"))
        {
            var sp = desk.ServiceProvider;
            var me = sp.GetRequiredService<TenantContext>();
            await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var ownerId = (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("owner"))!.OwnerId;
            var other = await db.UnitOwnerships.Where(o => o.OwnerId != ownerId).OrderBy(o => o.Id).Select(o => new { o.UnitId, o.OwnerId }).FirstAsync();
            // Another owner files in the portal (an owner identity of their own).
            var scope = app.Services.CreateAsyncScope();
            await using (scope)
            {
                var t = scope.ServiceProvider.GetRequiredService<TenantContext>();
                t.SetUser(new UserIdentity("u-other-owner", "另一业主", me.User!.CompanyId, new HashSet<string> { Roles.Owner }, other.OwnerId));
                scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(me.Project!);
                (theirs, theirNumber) = await scope.ServiceProvider.GetRequiredService<PortalComplaintService>().FileAsync(ComplaintKind.Suggestion, other.UnitId, "建议增加垃圾桶", null, []);
            }
        }
        var html = await RenderAsync("owner", typeof(MyComplaintPage), null, theirs);
        Assert.Contains("data-test=\"not-found\"", html);
        Assert.DoesNotContain(theirNumber, html);
        var own = await RenderAsync("owner", typeof(MyComplaintPage), null, mine);
        Assert.Contains(number, own);
        Assert.Contains("data-test=\"deadline\"", own);
    }

    [Fact]
    public async Task A_complaint_photo_is_served_to_its_owner_and_staff_and_not_to_a_technician_it_is_not_dispatched_to()
    {
        var (_, _, photo) = await FiledByOwnerAsync();
        foreach (var (user, expected) in new[] { ("owner", HttpStatusCode.OK), ("staff", HttpStatusCode.OK), ("tech", HttpStatusCode.NotFound), ("staff2", HttpStatusCode.NotFound) })
        {
            var client = app.Client();
            Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, user)).StatusCode);
            Assert.True(expected == (await client.GetAsync($"/p/1/files/{photo}")).StatusCode, user);
        }
    }
}
