using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Hosting;

/// <summary>Serves a repair photo as an image, so pages show it with a plain &lt;img&gt; instead of pushing the
/// bytes through the circuit. The same checks as every page: signed in, may enter the project, may read the
/// order (staff, its technician, or the owner it belongs to).</summary>
public static class RepairPhotoEndpoints
{
    public static void MapRepairPhotos(this WebApplication app)
    {
        app.MapGet("/p/{projectId:int}/repair-photos/{photoId:int}", async (int projectId, int photoId, HttpContext http,
            TenantContext tenant, TenantAccessor access, RepairService repairs, CancellationToken ct) =>
        {
            var user = AppClaimsFactory.ToIdentity(http.User);
            if (user == null) return Results.Unauthorized();
            tenant.SetUser(user);
            try
            {
                await access.EnterAsync(projectId, ct);
                var (type, bytes) = await repairs.PhotoAsync(photoId, ct);
                http.Response.Headers.CacheControl = "private, max-age=3600";
                return Results.File(bytes, type);
            }
            catch (DomainException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
    }
}
