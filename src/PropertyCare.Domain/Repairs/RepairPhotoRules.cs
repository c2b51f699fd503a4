using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Repairs;

public enum PhotoStage { Intake = 0, Completion = 1 }

/// <summary>Photos of a request (报修照片) and of the finished work (完工照片): types, size and count.</summary>
public static class RepairPhotoRules
{
    public const int MaxPerStage = 6;
    /// <summary>Limit of the file the person picks; the browser scales it down before upload.</summary>
    public const long MaxOriginalBytes = 15 * 1024 * 1024;
    /// <summary>Limit of what is stored after scaling.</summary>
    public const long MaxStoredBytes = 3 * 1024 * 1024;
    public static readonly string[] AcceptedTypes = ["image/jpeg", "image/png", "image/webp"];

    public static Text? CheckOriginal(string fileName, string contentType, long size, int alreadyAttached)
    {
        if (alreadyAttached >= MaxPerStage) return new($"最多上传 {MaxPerStage} 张照片", $"At most {MaxPerStage} photos");
        if (!AcceptedTypes.Contains(contentType.ToLowerInvariant()))
            return new($"“{fileName}”不是 JPG/PNG/WEBP 图片", $"“{fileName}” is not a JPG/PNG/WEBP image");
        if (size > MaxOriginalBytes) return new($"“{fileName}”超过 15 MB", $"“{fileName}” is larger than 15 MB");
        if (size == 0) return new($"“{fileName}”是空文件", $"“{fileName}” is empty");
        return null;
    }

    /// <summary>The stored bytes must really be an image of an accepted type (checked by signature, not by name).</summary>
    public static string? SniffType(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public static void CheckStored(string fileName, byte[] bytes)
    {
        if (bytes.Length > MaxStoredBytes) throw new DomainException(new($"“{fileName}”压缩后仍超过 3 MB", $"“{fileName}” is still larger than 3 MB"));
        if (SniffType(bytes) == null) throw new DomainException(new($"“{fileName}”不是有效的图片文件", $"“{fileName}” is not a valid image"));
    }
}
