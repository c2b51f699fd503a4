using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

/// <summary>A photo of a request or of the finished work. Kept in the database with the order, so a backup
/// of the database is a backup of the photos and the tenant guard covers them too.</summary>
public class RepairPhoto : ITenantOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int RepairOrderId { get; set; }
    public PhotoStage Stage { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Bytes { get; set; } = [];
    public int Size { get; set; }
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>A photo on its way in: already scaled by the browser, not yet checked.</summary>
public sealed record PhotoUpload(string FileName, byte[] Bytes);
