using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Files;

/// <summary>A stored file as a page lists it (the bytes are served by the file endpoint). The content type tells a
/// page to show a PDF as a link with its name, not as a thumbnail.</summary>
public sealed record AttachmentInfo(int Id, AttachmentKind Kind, string FileName, DateTime UploadedAt, string UploadedBy, string ContentType = "")
{
    public bool IsPdf => ContentType == AttachmentFileRules.PdfType;
}

/// <summary>Photos, signatures and scans of the move-in and vacant-unit records. Services add them inside their own
/// unit of work (<see cref="AddAsync"/>); reading one (<see cref="ReadAsync"/>) decides from the record it belongs
/// to: project staff who read move-in records read every file of the project; an owner only the files of an
/// inspection of a unit they own (never a take-over defect's photo or a key authorisation); anyone else is told
/// "not found", as for a file that does not exist.</summary>
public sealed class AttachmentService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    /// <summary>Checks and adds files to a record; the caller saves. Refuses the lot when the record would hold more
    /// than <see cref="Attachment.MaxPerRecord"/> of the kind.</summary>
    internal static async Task<List<Attachment>> AddAsync(AppDbContext db, AttachmentKind kind, int? recordId,
        IReadOnlyCollection<PhotoUpload> uploads, string uploadedBy, DateTime atUtc, CancellationToken ct)
    {
        if (uploads.Count == 0) return [];
        var existing = recordId == null ? 0 : await db.Attachments.CountAsync(a => a.Kind == kind && a.RecordId == recordId, ct);
        if (existing + uploads.Count > Attachment.MaxPerRecord)
            throw new DomainException(new($"最多上传 {Attachment.MaxPerRecord} 个文件", $"At most {Attachment.MaxPerRecord} files"));
        var added = uploads.Select(u => Attachment.Of(kind, recordId, u, uploadedBy, atUtc)).ToList();
        db.Attachments.AddRange(added);
        return added;
    }

    internal static async Task<List<AttachmentInfo>> ListAsync(AppDbContext db, AttachmentKind kind, int recordId, CancellationToken ct) =>
        await db.Attachments.AsNoTracking().Where(a => a.Kind == kind && a.RecordId == recordId).OrderBy(a => a.Id)
            .Select(a => new AttachmentInfo(a.Id, a.Kind, a.FileName, a.UploadedAt, a.UploadedBy, a.ContentType)).ToListAsync(ct);

    internal static async Task<Dictionary<int, List<AttachmentInfo>>> ListAsync(AppDbContext db, AttachmentKind kind, IReadOnlyCollection<int> recordIds, CancellationToken ct) =>
        (await db.Attachments.AsNoTracking().Where(a => a.Kind == kind && a.RecordId != null && recordIds.Contains(a.RecordId.Value)).OrderBy(a => a.Id)
            .Select(a => new { RecordId = a.RecordId!.Value, Info = new AttachmentInfo(a.Id, a.Kind, a.FileName, a.UploadedAt, a.UploadedBy, a.ContentType) }).ToListAsync(ct))
        .GroupBy(x => x.RecordId).ToDictionary(g => g.Key, g => g.Select(x => x.Info).ToList());

    /// <summary>The file's bytes, type and name (a PDF is downloaded under its name) when the user may read it.</summary>
    public async Task<(string ContentType, byte[] Bytes, string FileName)> ReadAsync(int attachmentId, CancellationToken ct = default)
    {
        var user = tenant.RequireUser();
        if (tenant.ProjectId == null) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Attachments.AsNoTracking().Where(x => x.Id == attachmentId)
            .Select(x => new { x.Kind, x.RecordId, x.ContentType, x.Bytes, x.FileName }).FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        return await MayReadAsync(db, user, a.Kind, a.RecordId, ct) ? (a.ContentType, a.Bytes, a.FileName) : throw new RecordNotFoundException();
    }

    private static async Task<bool> MayReadAsync(AppDbContext db, UserIdentity user, AttachmentKind kind, int? recordId, CancellationToken ct)
    {
        // Complaints part B: complaint photos follow their own rule (before the move-in readers' catch-all).
        if (kind == AttachmentKind.ComplaintPhoto) return await Complaints.ComplaintAttachmentRule.MayReadAsync(db, user, recordId, ct);
        // Part A (renovation): documents of an application follow its own rule.
        if (kind == AttachmentKind.RenovationDocument) return await Renovation.RenovationAttachmentRules.MayReadDocumentAsync(db, user, recordId, ct);
        // Renovation part C: patrol, violation and acceptance photos follow their own rule.
        if (await Renovation.RenovationWorksFiles.MayReadAsync(db, user, kind, recordId, ct) is { } works) return works;
        if (user.Has(Permissions.MoveInRead)) return true;
        if (Renovation.DepositAttachmentRule.StaffMayRead(user, kind)) return true; // part B (deposit)
        return user.Has(Permissions.OwnerPortal) && user.OwnerId is { } owner && recordId is { } record
            && await UnitOfAsync(db, kind, record, ct) is { } unitId
            && await db.UnitOwnerships.AnyAsync(o => o.UnitId == unitId && o.OwnerId == owner, ct);
    }

    /// <summary>The unit whose owner may see files of this kind, or null when owners never see the kind.</summary>
    private static async Task<int?> UnitOfAsync(AppDbContext db, AttachmentKind kind, int recordId, CancellationToken ct) => kind switch
    {
        AttachmentKind.DeliveryInspectionPhoto or AttachmentKind.Signature or AttachmentKind.SignedFormScan =>
            await db.DeliveryInspections.Where(i => i.Id == recordId).Select(i => (int?)i.UnitId).FirstOrDefaultAsync(ct),
        AttachmentKind.VacantInspectionPhoto =>
            await db.VacantUnitInspections.Where(i => i.Id == recordId).Select(i => (int?)i.UnitId).FirstOrDefaultAsync(ct),
        _ => null,
    };
}
