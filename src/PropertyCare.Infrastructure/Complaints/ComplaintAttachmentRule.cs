using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>Who opens a complaint photo (<see cref="Domain.Files.AttachmentKind.ComplaintPhoto"/>): staff who read
/// complaints; a department user only for a complaint dispatched to them (handler) or to their department as its head;
/// an owner only for their own complaint. Everyone else is told "not found". The file is already limited to the
/// project by the data layer.</summary>
internal static class ComplaintAttachmentRule
{
    public static async Task<bool> MayReadAsync(AppDbContext db, UserIdentity user, int? complaintId, CancellationToken ct)
    {
        if (complaintId is not { } id) return false;
        if (user.Has(Permissions.ComplaintsRead)) return true;
        if (user.Has(Permissions.ComplaintsWork)
            && await db.Complaints.AnyAsync(c => c.Id == id && (c.HandlerId == user.UserId || c.DepartmentHeadId == user.UserId), ct)) return true;
        return user.Has(Permissions.OwnerPortal) && user.OwnerId is { } owner && await db.Complaints.AnyAsync(c => c.Id == id && c.OwnerId == owner, ct);
    }
}
