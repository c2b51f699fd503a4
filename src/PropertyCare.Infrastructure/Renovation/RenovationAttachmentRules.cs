using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Who reads a renovation document (装修图纸/资料): project staff who read renovations, and the owner who is the
/// applicant of the application it belongs to. Everyone else is told "not found".</summary>
internal static class RenovationAttachmentRules
{
    public static async Task<bool> MayReadDocumentAsync(AppDbContext db, UserIdentity user, int? applicationId, CancellationToken ct)
    {
        if (user.Has(Permissions.RenovationRead)) return true;
        return user.Has(Permissions.OwnerPortal) && user.OwnerId is { } owner && applicationId is { } id
            && await db.RenovationApplications.AnyAsync(a => a.Id == id && a.OwnerId == owner, ct);
    }
}
