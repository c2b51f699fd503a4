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

/// <summary>/p/{project}/files/{id} with a real delivery-inspection signature and photo, stored the way the desk stores
/// them: project staff who read move-in records get the bytes, the owner of the inspected unit gets them, everyone else
/// (another owner, the technician, another project's desk, the right user through another project's address) gets
/// "not found", and an anonymous request is sent to sign in.</summary>
[Collection("web")]
public sealed class AttachmentHttpTests(WebAppFixture app)
{
    private const int Project = 1;
    private static string Url(int projectId, int fileId) => $"/p/{projectId}/files/{fileId}";

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

    /// <summary>The desk inspects one of the demo owner's units (in a batch of its own) and stores a photo and the drawn
    /// signature; returns their ids and bytes.</summary>
    private async Task<(int Photo, int Signature, byte[] Png)> InspectOwnersUnitAsync()
    {
        int ownerId;
        await using (var owner = await AsAsync("owner"))
            ownerId = owner.ServiceProvider.GetRequiredService<TenantContext>().User!.OwnerId!.Value;
        await using var desk = await AsAsync("staff");
        var sp = desk.ServiceProvider;
        int batchId, unitId;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // A unit the demo owner owns and nobody has inspected yet (each test run of this class takes the next one).
            var inspected = await db.DeliveryInspections.Select(i => i.UnitId).ToListAsync();
            unitId = await db.UnitOwnerships.Where(x => x.OwnerId == ownerId && !inspected.Contains(x.UnitId)).OrderBy(x => x.UnitId).Select(x => x.UnitId).FirstAsync();
            var batch = DeliveryBatch.Plan($"测试批次{Guid.NewGuid():N}"[..12], "翠湖置业", "李经理", "13900139000", new(2020, 1, 1), new(2099, 12, 31), [unitId]);
            db.DeliveryBatches.Add(batch);
            await db.SaveChangesAsync();
            batch.Start();
            await db.SaveChangesAsync();
            batchId = batch.Id;
        }
        var inspections = sp.GetRequiredService<DeliveryInspectionService>();
        var id = await inspections.StartAsync(batchId, unitId, ["客厅"], ["墙面"]);
        var png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "signature.png"));
        await inspections.AddPhotosAsync(id, [new PhotoUpload("crack.png", png)]);
        await inspections.SignOnTabletAsync(id, (await inspections.GetAsync(id)).Version, png);
        var d = await inspections.GetAsync(id);
        return (d.Photos.Single().Id, d.SignatureFileId!.Value, png);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, user)).StatusCode);
        return client;
    }

    [Fact]
    public async Task Staff_and_the_units_owner_get_the_files_and_everyone_else_another_owner_included_gets_not_found()
    {
        var (photo, signature, png) = await InspectOwnersUnitAsync();
        foreach (var user in new[] { "staff", "manager", "hq", "owner" })
        {
            var client = await SignedInAsync(user);
            foreach (var file in new[] { photo, signature })
            {
                var response = await client.GetAsync(Url(Project, file));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {response.StatusCode}");
                Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
                Assert.True(response.Headers.CacheControl!.Private);
            }
        }
        // The technician (no move-in reading), another project's desk, the manager through project 2's address.
        foreach (var (user, projectId) in new[] { ("tech", Project), ("staff2", 2), ("staff2", Project), ("manager", 2) })
        {
            var client = await SignedInAsync(user);
            var response = await client.GetAsync(Url(projectId, signature));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} via project {projectId}: {response.StatusCode}");
            Assert.NotEqual(png, await response.Content.ReadAsByteArrayAsync());
        }
        var anonymous = await app.Client().GetAsync(Url(Project, signature));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await AssertAnotherOwnerGetsNotFoundAsync(signature);
    }

    /// <summary>A second owner of the project (a portal account made here for them) gets "not found".</summary>
    private async Task AssertAnotherOwnerGetsNotFoundAsync(int signature)
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
        var client = await SignedInAsync(name);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(Project, signature))).StatusCode);
    }
}
