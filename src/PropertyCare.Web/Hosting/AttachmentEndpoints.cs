using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Hosting;

/// <summary>Serves a stored file (photo, signature, scan, a renovation's PDF document) with the checks of
/// <see cref="AttachmentService.ReadAsync"/>: signed in, may enter the project, may read the record it belongs to.
/// Anything else is 404, so ids of other projects' files cannot be probed. An image is shown inline; a PDF is only
/// ever downloaded (Content-Disposition: attachment), so a hostile PDF's script never runs in our origin — and
/// nosniff (SecurityHeaders) keeps the browser to the type we checked.</summary>
public static class AttachmentEndpoints
{
    public static void MapAttachments(this WebApplication app)
    {
        app.MapGet("/p/{projectId:int}/files/{fileId:int}", async (int projectId, int fileId, HttpContext http,
            TenantContext tenant, TenantAccessor access, AttachmentService files, CancellationToken ct) =>
        {
            var user = AppClaimsFactory.ToIdentity(http.User);
            if (user == null) return Results.Unauthorized();
            tenant.SetUser(user);
            try
            {
                await access.EnterAsync(projectId, ct);
                var (type, bytes, name) = await files.ReadAsync(fileId, ct);
                http.Response.Headers.CacheControl = "private, max-age=3600";
                return type == AttachmentFileRules.PdfType ? Results.File(bytes, type, fileDownloadName: name) : Results.File(bytes, type);
            }
            catch (DomainException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
    }
}
