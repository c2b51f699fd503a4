using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Tests;

/// <summary>/p/{project}/files/{id} for a take-over defect's photo (工程遗留问题照片), stored through TakeOverService on the
/// demo batch: the desk and the manager of the project get the image; the desk of another project (through either
/// project's address), the technician and the owners get "not found" — owners never see take-over photos; without
/// signing in, the sign-in page.</summary>
[Collection("web")]
public sealed class TakeOverPhotoHttpTests(WebAppFixture app)
{
    private const int Project = 1;

    private static string Url(int projectId, int fileId) => $"/p/{projectId}/files/{fileId}";

    private async Task<(int Id, byte[] Bytes)> StoreAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("staff") ?? throw new InvalidOperationException();
        sp.GetRequiredService<TenantContext>().SetUser(AppClaimsFactory.ToIdentity(await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user)));
        await sp.GetRequiredService<TenantAccessor>().EnterAsync(Project);
        int defect;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            defect = await db.TakeOverDefects.Where(d => d.Status != DefectStatus.Closed).Select(d => d.Id).FirstAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()];
        await sp.GetRequiredService<TakeOverService>().AddDefectPhotosAsync(defect, [new PhotoUpload("lift.png", png)]);
        await using var check = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await check.Attachments.Where(a => a.RecordId == defect).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync(), png);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, user)).StatusCode);
        return client;
    }

    [Fact]
    public async Task The_projects_staff_get_the_photo_and_nobody_else_does()
    {
        var (id, bytes) = await StoreAsync();
        foreach (var user in new[] { "staff", "manager" })
        {
            var response = await (await SignedInAsync(user)).GetAsync(Url(Project, id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        }
        var other = await SignedInAsync("staff2");
        foreach (var project in new[] { Project, 2 })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url(project, id))).StatusCode);
        foreach (var user in new[] { "tech", "owner" })
            Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(user)).GetAsync(Url(Project, id))).StatusCode);
        var anonymous = await app.Client().GetAsync(Url(Project, id));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
    }
}
