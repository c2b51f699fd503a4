using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Tests;

/// <summary>/p/{project}/repair-photos/{id} with real photos in the database, stored the way the app stores them
/// (the owner's portal request and the desk's intake, both with photos): who gets the image, with which type, bytes
/// and caching, and who gets "not found" — through the photo's own project or through another project's address.</summary>
[Collection("web")]
public sealed class RepairPhotoHttpTests(WebAppFixture app)
{
    /// <summary>翠湖花园, where the demo desk (staff), the manager, the technician and the demo owner work.</summary>
    private const int Project = 1;

    private static string Url(int projectId, int photoId) => $"/p/{projectId}/repair-photos/{photoId}";

    /// <summary>Image bytes of each accepted type (the app checks the signature, not the name), with a random body so a
    /// test only passes on the bytes it stored.</summary>
    private static byte[] Image(string type)
    {
        byte[] head = type switch
        {
            "image/jpeg" => [0xFF, 0xD8, 0xFF, 0xE0],
            "image/png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            "image/webp" => [.. "RIFF"u8, 0x20, 0x00, 0x00, 0x00, .. "WEBP"u8],
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return [.. head, .. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()];
    }

    private static readonly string[] Types = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>A service scope signed in as a demo user (identity from their claims, as the app builds it) and
    /// inside the project, as a circuit is once its page's gate has entered it.</summary>
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

    private sealed record StoredPhoto(int OrderId, int Id, string ContentType, byte[] Bytes);

    /// <summary>The demo owner reports a problem in their own unit from the portal with one photo of each type.</summary>
    private async Task<List<StoredPhoto>> OwnersRequestWithPhotosAsync()
    {
        await using var scope = await AsAsync("owner");
        var sp = scope.ServiceProvider;
        var ownerId = sp.GetRequiredService<TenantContext>().User!.OwnerId!.Value;
        var portal = sp.GetRequiredService<PortalRepairService>();
        int unitId;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            unitId = await db.UnitOwnerships.Where(x => x.OwnerId == ownerId).Select(x => x.UnitId).FirstAsync();
        var sent = Types.ToDictionary(t => $"ceiling.{t[6..]}", t => (t, Image(t)));
        var (orderId, _) = await portal.SubmitAsync(unitId, (await portal.CategoriesAsync())[0], "卫生间天花板渗水", RepairUrgency.Normal, null,
            [.. sent.Select(s => new PhotoUpload(s.Key, s.Value.Item2))]);
        return await PhotosAsync(orderId, sent);
    }

    /// <summary>The desk registers a phone request for a unit of another owner, with a photo the caller sent.</summary>
    private async Task<StoredPhoto> DeskRequestForAnotherOwnerAsync()
    {
        int unitId;
        await using (var owner = await AsAsync("owner"))
        {
            var me = owner.ServiceProvider.GetRequiredService<TenantContext>().User!.OwnerId!.Value;
            await using var db = await owner.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            unitId = await db.UnitOwnerships.Where(x => x.IsPrimary && x.OwnerId != me && !db.UnitOwnerships.Any(y => y.UnitId == x.UnitId && y.OwnerId == me))
                .OrderBy(x => x.Id).Select(x => x.UnitId).FirstAsync();
        }
        await using var scope = await AsAsync("staff");
        var sp = scope.ServiceProvider;
        var category = (await sp.GetRequiredService<RepairSettingsService>().GetAsync()).CategoryList[0];
        var jpeg = Image("image/jpeg");
        var (orderId, _) = await sp.GetRequiredService<RepairService>().RegisterAsync(
            new RepairIntake(unitId, null, category, "阳台地漏堵塞", RepairUrgency.Normal, RepairChannel.Phone), [new PhotoUpload("drain.jpg", jpeg)]);
        return (await PhotosAsync(orderId, new() { ["drain.jpg"] = ("image/jpeg", jpeg) })).Single();
    }

    /// <summary>The order's photos as the desk's detail page lists them (by file name), each with the type and bytes that went in.</summary>
    private async Task<List<StoredPhoto>> PhotosAsync(int orderId, Dictionary<string, (string Type, byte[] Bytes)> sent)
    {
        await using var scope = await AsAsync("staff");
        var detail = await scope.ServiceProvider.GetRequiredService<RepairService>().GetAsync(orderId);
        Assert.Equal(sent.Keys.Order(), detail.Photos.Select(p => p.FileName).Order());
        return [.. detail.Photos.Select(p => new StoredPhoto(orderId, p.Id, sent[p.FileName].Type, sent[p.FileName].Bytes))];
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, user)).StatusCode);
        return client;
    }

    private static async Task AssertServedAsync(HttpClient client, int projectId, StoredPhoto photo)
    {
        var response = await client.GetAsync(Url(projectId, photo.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(photo.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo.Bytes, await response.Content.ReadAsByteArrayAsync());
        // A photo of someone's home: browsers may keep it, shared caches (proxies) may not.
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Private);
        Assert.False(cache.Public);
        Assert.Equal(TimeSpan.FromHours(1), cache.MaxAge);
    }

    private static async Task AssertNotFoundAsync(HttpClient client, int projectId, StoredPhoto photo)
    {
        var response = await client.GetAsync(Url(projectId, photo.Id));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(photo.Bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("manager")]
    [InlineData("hq")]
    public async Task Readers_of_the_projects_repairs_get_each_photo_with_its_stored_type_and_bytes_and_private_caching(string user)
    {
        var photos = await OwnersRequestWithPhotosAsync();
        Assert.Equal(Types, photos.Select(p => p.ContentType).Order().ToArray());
        var client = await SignedInAsync(user);
        foreach (var photo in photos) await AssertServedAsync(client, Project, photo);
    }

    [Fact]
    public async Task The_owner_gets_the_photos_of_their_own_request_and_not_those_of_another_owners_order()
    {
        var own = await OwnersRequestWithPhotosAsync();
        var others = await DeskRequestForAnotherOwnerAsync();
        var owner = await SignedInAsync("owner");
        foreach (var photo in own) await AssertServedAsync(owner, Project, photo);
        await AssertNotFoundAsync(owner, Project, others);
        // The desk sees both.
        await AssertServedAsync(await SignedInAsync("staff"), Project, others);
    }

    [Fact]
    public async Task The_technician_gets_the_photo_once_the_order_is_dispatched_to_them()
    {
        var photo = await DeskRequestForAnotherOwnerAsync();
        var tech = await SignedInAsync("tech");
        await AssertNotFoundAsync(tech, Project, photo);

        await using (var scope = await AsAsync("staff"))
        {
            var repairs = scope.ServiceProvider.GetRequiredService<RepairService>();
            var order = (await repairs.GetAsync(photo.OrderId)).Order;
            var techId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("tech"))!.Id;
            await repairs.DispatchAsync(order.Id, order.Version, techId);
        }
        await AssertServedAsync(tech, Project, photo);
    }

    [Theory]
    [InlineData("manager", 2)] // works in projects 1 and 2
    [InlineData("hq", 2)]      // enters every project of the company
    [InlineData("hq", 3)]
    public async Task The_photo_is_not_found_through_another_projects_address_even_for_a_user_who_may_read_it(string user, int otherProject)
    {
        var photo = (await OwnersRequestWithPhotosAsync())[0];
        var client = await SignedInAsync(user);
        await AssertServedAsync(client, Project, photo);
        await AssertNotFoundAsync(client, otherProject, photo);
    }

    [Theory]
    [InlineData("staff2")] // the desk of project 2 only
    [InlineData("admin")]  // the platform admin works in no project
    public async Task A_user_who_cannot_enter_the_photos_project_gets_not_found_through_any_address(string user)
    {
        var photo = (await OwnersRequestWithPhotosAsync())[0];
        var client = await SignedInAsync(user);
        await AssertNotFoundAsync(client, Project, photo);
        await AssertNotFoundAsync(client, 2, photo);
    }

    [Fact]
    public async Task An_anonymous_request_is_sent_to_sign_in_without_the_photo()
    {
        var photo = (await OwnersRequestWithPhotosAsync())[0];
        var response = await app.Client().GetAsync(Url(Project, photo.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(photo.Bytes, await response.Content.ReadAsByteArrayAsync());
    }
}
