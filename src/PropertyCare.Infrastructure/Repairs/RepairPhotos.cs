using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>Adds checked photos to an order within the caller's unit of work.</summary>
internal static class RepairPhotos
{
    public static async Task AddAsync(AppDbContext db, int orderId, PhotoStage stage, IReadOnlyCollection<PhotoUpload> photos, string uploadedBy, DateTime atUtc, CancellationToken ct)
    {
        if (photos.Count == 0) return;
        var existing = await db.RepairPhotos.CountAsync(p => p.RepairOrderId == orderId && p.Stage == stage, ct);
        if (existing + photos.Count > RepairPhotoRules.MaxPerStage)
            throw new Domain.Common.DomainException(new($"最多上传 {RepairPhotoRules.MaxPerStage} 张照片", $"At most {RepairPhotoRules.MaxPerStage} photos"));
        foreach (var p in photos)
        {
            RepairPhotoRules.CheckStored(p.FileName, p.Bytes);
            db.RepairPhotos.Add(new RepairPhoto
            {
                RepairOrderId = orderId, Stage = stage, FileName = Path.GetFileName(p.FileName).Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : "photo",
                ContentType = RepairPhotoRules.SniffType(p.Bytes)!, Bytes = p.Bytes, Size = p.Bytes.Length, UploadedAt = atUtc, UploadedBy = uploadedBy,
            });
        }
    }
}
