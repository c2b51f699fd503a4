using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Portal.Renovation;
using PropertyCare.Web.Components.Pages.Renovation;

namespace PropertyCare.Web.Tests;

/// <summary>A renovation document that is a PDF, added by the desk to the demo owner's application: /p/1/files/{id}
/// gives it only as a download (Content-Disposition: attachment, application/pdf, nosniff) to the project's staff and
/// the applicant; another project's desk (either address) and another owner get "not found". A photo of the same
/// application is still shown inline. The application's pages list the PDF as a download link, not as an image.</summary>
[Collection("web")]
public sealed class RenovationPdfHttpTests(WebAppFixture app)
{
    private const int Project = 1;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
        "trailer<</Root 1 0 R>>\n%%EOF\n");

    private async Task<AsyncServiceScope> AsAsync(string userName, int projectId = Project)
    {
        var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        await sp.GetRequiredService<TenantAccessor>().EnterAsync(projectId);
        return scope;
    }

    /// <summary>The desk adds a PDF (named as a contractor would) and a photo to the demo owner's open application.</summary>
    private async Task<(int ApplicationId, int Pdf, int Photo, string Name)> AddDocumentsAsync()
    {
        int ownerId;
        await using (var owner = await AsAsync("owner"))
            ownerId = owner.ServiceProvider.GetRequiredService<TenantContext>().User!.OwnerId!.Value;
        await using var desk = await AsAsync("staff");
        var sp = desk.ServiceProvider;
        int id;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var open = await db.RenovationApplications.Where(a => a.OwnerId == ownerId).Select(a => new { a.Id, a.Status }).ToListAsync();
            id = open.Where(a => a.Status.IsOpen()).OrderBy(a => a.Id).First().Id;
        }
        var name = $"营业执照-{Guid.NewGuid():N}"[..13] + ".pdf";
        var png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "signature.png"));
        var applications = sp.GetRequiredService<RenovationApplicationService>();
        await applications.AddDocumentsAsync(id, [new PhotoUpload(name, Pdf), new PhotoUpload("平面图.png", png)]);
        var docs = (await applications.GetAsync(id)).Documents;
        return (id, docs.Single(d => d.FileName == name).Id, docs.Last(d => d.FileName == "平面图.png").Id, name);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, user)).StatusCode);
        return client;
    }

    [Fact]
    public async Task A_pdf_document_is_only_downloaded_with_nosniff_by_staff_and_the_applicant_and_not_found_for_anyone_else()
    {
        var (_, pdf, photo, name) = await AddDocumentsAsync();
        foreach (var user in new[] { "staff", "manager", "hq", "owner" })
        {
            var client = await SignedInAsync(user);
            var response = await client.GetAsync($"/p/{Project}/files/{pdf}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {response.StatusCode}");
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal(name, disposition.FileNameStar);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());

            var image = await client.GetAsync($"/p/{Project}/files/{photo}");
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Null(image.Content.Headers.ContentDisposition); // photos stay inline (thumbnails)
        }
        // Another project's desk through either address, the technician (no renovation reading), and another owner.
        foreach (var (user, projectId) in new[] { ("staff2", 2), ("staff2", Project), ("manager", 2), ("tech", Project) })
        {
            var response = await (await SignedInAsync(user)).GetAsync($"/p/{projectId}/files/{pdf}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} via project {projectId}: {response.StatusCode}");
            Assert.NotEqual(Pdf, await response.Content.ReadAsByteArrayAsync());
            Assert.Null(response.Content.Headers.ContentDisposition);
        }
        var other = await (await SignedInAsync(await AnotherOwnerAsync())).GetAsync($"/p/{Project}/files/{pdf}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var anonymous = await app.Client().GetAsync($"/p/{Project}/files/{pdf}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_application_pages_list_a_pdf_as_a_download_link_with_its_name_not_as_an_image()
    {
        var (id, pdf, photo, name) = await AddDocumentsAsync();
        foreach (var (user, page, projectId) in new[] { ("staff", typeof(RenovationDetailPage), (int?)Project), ("owner", typeof(MyRenovationDetail), null) })
        {
            var html = await RenderAsync(user, page, projectId, id);
            // The renderer may encode the Chinese name as character references; decoded, it is the link's download name.
            Assert.Contains($"href=\"/p/{Project}/files/{pdf}\" download=\"{name}\" data-test=\"file-pdf\"", WebUtility.HtmlDecode(html));
            Assert.DoesNotContain($"src=\"/p/{Project}/files/{pdf}\"", html);
            Assert.Contains($"src=\"/p/{Project}/files/{photo}\"", html);
        }
    }

    /// <summary>A second owner of the project (a portal account made here for them, as AttachmentHttpTests does).</summary>
    private async Task<string> AnotherOwnerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var me = (await users.FindByNameAsync("owner"))!;
        var other = await db.Owners.IgnoreQueryFilters().Where(o => o.ProjectId == Project && o.Id != me.OwnerId).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var name = $"owner-{other}";
        if (await users.FindByNameAsync(name) == null)
        {
            var account = new AppUser { UserName = name, DisplayName = "另一业主", CompanyId = me.CompanyId, OwnerId = other, IsActive = true, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(account, "Demo@2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, PropertyCare.Domain.Access.Roles.Owner)).Succeeded);
            db.ProjectAssignments.Add(new ProjectAssignment { UserId = account.Id, ProjectId = Project });
            await db.SaveChangesAsync();
        }
        return name;
    }

    private async Task<string> RenderAsync(string userName, Type page, int? projectId, int applicationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(principal));
        if (sp.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager nav)
            nav.Initialize("http://localhost/", projectId is { } p ? $"http://localhost/p/{p}/renovations/{applicationId}" : $"http://localhost/my/renovations/{applicationId}");
        var parameters = new Dictionary<string, object?> { ["ApplicationId"] = applicationId };
        if (projectId is { } pid) parameters["ProjectId"] = pid;
        await using var renderer = new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(page, ParameterView.FromDictionary(parameters));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
