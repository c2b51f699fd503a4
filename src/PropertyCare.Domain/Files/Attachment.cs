using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Files;

/// <summary>What a stored file is for; the kind also says which record <see cref="Attachment.RecordId"/> points at,
/// so the service can decide who may read it from that record.</summary>
public enum AttachmentKind
{
    TakeOverDefectPhoto = 0,      // 工程遗留问题照片 → TakeOverDefect
    DeliveryInspectionPhoto = 1,  // 交付验收照片 → DeliveryInspection
    Signature = 2,                // 平板手写签名 → DeliveryInspection
    SignedFormScan = 3,           // 纸质交付验收单签字扫描件 → DeliveryInspection
    KeyAuthorisation = 4,         // 钥匙托管委托书扫描件 → KeyCustody
    VacantInspectionPhoto = 5,    // 空置房巡查照片 → VacantUnitInspection
    RenovationDocument = 6,       // 装修图纸/资料 → RenovationApplication
    RenovationPatrolPhoto = 7,    // 装修巡查照片 → RenovationPatrol
    RenovationViolationPhoto = 8, // 违章照片 → RenovationViolation
    DepositDamagePhoto = 9,       // 损坏扣款照片 → DepositDeduction
    RenovationAcceptancePhoto = 10, // 装修验收照片 → RenovationAcceptance
    ComplaintPhoto = 11,          // 投诉照片/材料 → Complaint
}

/// <summary>A photo, a drawn signature or a scanned paper form, kept in the database with the record it belongs to
/// (like repair photos): a backup of the database is a backup of the files, and the tenant guard covers them.</summary>
public class Attachment : ITenantOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public AttachmentKind Kind { get; private set; }
    /// <summary>The record it belongs to; null only between upload and the record's creation in one transaction.</summary>
    public int? RecordId { get; set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];
    public int Size { get; private set; }
    public DateTime UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";

    /// <summary>Photos per record and kind (the phone form shows the same limit).</summary>
    public const int MaxPerRecord = 9;

    /// <summary>Checks the bytes (size after the browser scaled them, real image by signature; a whole PDF where the
    /// kind takes one, <see cref="AttachmentFileRules"/>) and builds the row.</summary>
    public static Attachment Of(AttachmentKind kind, int? recordId, PhotoUpload upload, string uploadedBy, DateTime atUtc)
    {
        var type = AttachmentFileRules.CheckStored(kind, upload.FileName, upload.Bytes);
        var name = Path.GetFileName(upload.FileName ?? "").Trim();
        if (name.Length == 0) name = kind == AttachmentKind.Signature ? "signature.png" : type == AttachmentFileRules.PdfType ? "document.pdf" : "photo";
        name = name[..Math.Min(name.Length, 200)];
        // A PDF is downloaded under this name: it ends in .pdf, whatever it was called, so the phone opens it as one.
        if (type == AttachmentFileRules.PdfType && !name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            name = stem[..Math.Min(stem.Length, 196)] + ".pdf";
        }
        return new Attachment
        {
            Kind = kind, RecordId = recordId, FileName = name, ContentType = type,
            Bytes = upload.Bytes, Size = upload.Bytes.Length, UploadedAt = atUtc, UploadedBy = uploadedBy,
        };
    }
}
