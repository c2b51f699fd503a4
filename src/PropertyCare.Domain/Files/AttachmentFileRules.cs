using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Files;

/// <summary>What the bytes of a stored file may be. Every kind takes the photos of <see cref="RepairPhotoRules"/>;
/// only a renovation's drawings and documents (装修图纸/资料) also take PDF files, because contractors hand in their
/// licence and drawings as PDFs. The type is decided from the bytes alone — a name ending in .pdf or the browser's
/// content type proves nothing.</summary>
public static class AttachmentFileRules
{
    public const string PdfType = "application/pdf";
    /// <summary>A PDF is stored as handed in (no scaling as for photos), so its limit is the stored limit.</summary>
    public const int MaxPdfBytes = 10 * 1024 * 1024;
    /// <summary>"%%EOF" must lie in the file's last KB: writers may add a line end or a little padding after it, and
    /// readers look for it there; a download cut short has none there.</summary>
    public const int EofWindow = 1024;

    public static bool AcceptsPdf(this AttachmentKind kind) => kind == AttachmentKind.RenovationDocument;

    /// <summary>A whole PDF: the header "%PDF-" at the start and the end marker "%%EOF" in the last <see cref="EofWindow"/> bytes.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> b) =>
        b.StartsWith("%PDF-"u8) && b[^Math.Min(b.Length, EofWindow)..].IndexOf("%%EOF"u8) >= 0;

    /// <summary>The picked file's size, before reading it (the browser does not scale a PDF, so this is what travels).</summary>
    public static Text? CheckOriginalPdf(string fileName, long size) =>
        size > MaxPdfBytes ? TooLarge(fileName) : size == 0 ? new($"“{fileName}”是空文件", $"“{fileName}” is empty") : null;

    /// <summary>Checks the bytes to store for the kind and returns their content type; refuses anything else with a
    /// message for the person who uploaded it.</summary>
    public static string CheckStored(AttachmentKind kind, string fileName, byte[] bytes)
    {
        if (kind.AcceptsPdf() && bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            if (bytes.Length > MaxPdfBytes) throw new DomainException(TooLarge(fileName));
            if (!IsPdf(bytes)) throw new DomainException(new($"“{fileName}”不是完整的 PDF 文件", $"“{fileName}” is not a complete PDF file"));
            return PdfType;
        }
        // Not a PDF: a photo, checked as every photo is (a kind that takes PDFs names both in its refusal).
        if (kind.AcceptsPdf() && RepairPhotoRules.SniffType(bytes) == null)
            throw new DomainException(new($"“{fileName}”不是 PDF 或 JPG/PNG/WEBP 图片", $"“{fileName}” is not a PDF or a JPG/PNG/WEBP image"));
        RepairPhotoRules.CheckStored(fileName, bytes);
        return RepairPhotoRules.SniffType(bytes)!;
    }

    private static Text TooLarge(string fileName) => new($"“{fileName}”超过 10 MB", $"“{fileName}” is larger than 10 MB");
}
