using System.Text;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Files;

/// <summary>A renovation's drawings and documents take whole PDFs (known by their bytes, up to 10 MB) besides photos;
/// every other kind stays photos only.</summary>
public sealed class AttachmentFileRulesTests
{
    private const AttachmentKind Document = AttachmentKind.RenovationDocument;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    /// <summary>A small PDF the way writers end it: "%%EOF" and a line end.</summary>
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
        "trailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A PDF of exactly <paramref name="size"/> bytes: the header, padding, "%%EOF" at the very end.</summary>
    private static byte[] PdfOfSize(int size)
    {
        var b = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(b);
        "%%EOF"u8.CopyTo(b.AsSpan(size - 5));
        return b;
    }

    /// <summary>A PDF whose "%%EOF" starts <paramref name="fromEnd"/> bytes before its end (padding after it).</summary>
    private static byte[] PdfWithEofAt(int fromEnd)
    {
        var b = new byte[4096];
        "%PDF-1.7\n"u8.CopyTo(b);
        "%%EOF"u8.CopyTo(b.AsSpan(b.Length - fromEnd));
        return b;
    }

    private static DomainException Refused(string fileName, byte[] bytes) =>
        Assert.Throws<DomainException>(() => AttachmentFileRules.CheckStored(Document, fileName, bytes));

    [Fact]
    public void A_whole_pdf_is_a_document_of_type_application_pdf()
    {
        Assert.True(AttachmentFileRules.IsPdf(Pdf));
        Assert.Equal("application/pdf", AttachmentFileRules.CheckStored(Document, "营业执照.pdf", Pdf));
        var a = Attachment.Of(Document, 7, new PhotoUpload("营业执照.pdf", Pdf), "客服小李", new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(("application/pdf", "营业执照.pdf", Pdf.Length), (a.ContentType, a.FileName, a.Size));
    }

    [Fact]
    public void A_truncated_pdf_without_its_end_marker_is_refused()
    {
        var truncated = Pdf[..(Pdf.Length - 7)]; // "%%EOF\n" and one byte more cut off, as a broken download
        Assert.False(AttachmentFileRules.IsPdf(truncated));
        var ex = Refused("图纸.pdf", truncated);
        Assert.Equal(("“图纸.pdf”不是完整的 PDF 文件", "“图纸.pdf” is not a complete PDF file"), (ex.Text.Zh, ex.Text.En));
        Assert.False(AttachmentFileRules.IsPdf("%PDF-"u8));
        Assert.False(AttachmentFileRules.IsPdf("%PDF%%EOF"u8));   // no "%PDF-" header
        Assert.False(AttachmentFileRules.IsPdf([]));
    }

    [Fact]
    public void The_end_marker_counts_only_inside_the_last_kilobyte()
    {
        Assert.Equal(1024, AttachmentFileRules.EofWindow);
        Assert.True(AttachmentFileRules.IsPdf(PdfWithEofAt(5)));      // at the very end
        Assert.True(AttachmentFileRules.IsPdf(PdfWithEofAt(1024)));   // starts at the window's first byte
        Assert.False(AttachmentFileRules.IsPdf(PdfWithEofAt(1025)));  // one byte earlier: only its tail is in the window
        Assert.False(AttachmentFileRules.IsPdf(PdfWithEofAt(2000)));
        Assert.True(AttachmentFileRules.IsPdf("%PDF-%%EOF"u8));         // shorter than the window: the whole file
    }

    [Fact]
    public void A_file_named_pdf_with_other_bytes_is_refused_and_an_image_named_pdf_is_stored_as_the_image_it_is()
    {
        var ex = Refused("施工许可.pdf", Encoding.UTF8.GetBytes("这不是 PDF，只是一段文字。%%EOF"));
        Assert.Equal(("“施工许可.pdf”不是 PDF 或 JPG/PNG/WEBP 图片", "“施工许可.pdf” is not a PDF or a JPG/PNG/WEBP image"), (ex.Text.Zh, ex.Text.En));
        Refused("page.pdf", "<html><script>alert(1)</script>%%EOF</html>"u8.ToArray());
        Refused("空.pdf", []);
        // The name proves nothing either way: a PNG called .pdf is a PNG (shown as a photo, served as image/png).
        Assert.False(AttachmentFileRules.IsPdf(Png));
        Assert.Equal("image/png", AttachmentFileRules.CheckStored(Document, "平面图.pdf", Png));
    }

    [Fact]
    public void A_program_named_pdf_is_refused()
    {
        byte[] exe = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[64], .. "%%EOF"u8];
        Refused("drawings.pdf", exe);
        Assert.Throws<DomainException>(() => Attachment.Of(Document, 7, new PhotoUpload("drawings.pdf", exe), "业主", DateTime.UtcNow));
    }

    [Fact]
    public void A_pdf_may_be_10_MB_and_not_one_byte_more()
    {
        Assert.Equal(10 * 1024 * 1024, AttachmentFileRules.MaxPdfBytes);
        Assert.Equal("application/pdf", AttachmentFileRules.CheckStored(Document, "全套图纸.pdf", PdfOfSize(AttachmentFileRules.MaxPdfBytes)));
        var ex = Refused("全套图纸.pdf", PdfOfSize(AttachmentFileRules.MaxPdfBytes + 1));
        Assert.Equal(("“全套图纸.pdf”超过 10 MB", "“全套图纸.pdf” is larger than 10 MB"), (ex.Text.Zh, ex.Text.En));
    }

    [Fact]
    public void The_picked_pdf_is_checked_by_its_size_before_it_is_read()
    {
        Assert.Null(AttachmentFileRules.CheckOriginalPdf("图纸.pdf", 1));
        Assert.Null(AttachmentFileRules.CheckOriginalPdf("图纸.pdf", AttachmentFileRules.MaxPdfBytes));
        Assert.Equal("“图纸.pdf”超过 10 MB", AttachmentFileRules.CheckOriginalPdf("图纸.pdf", AttachmentFileRules.MaxPdfBytes + 1)!.Zh);
        Assert.Equal("“图纸.pdf” is empty", AttachmentFileRules.CheckOriginalPdf("图纸.pdf", 0)!.En);
    }

    [Fact]
    public void Photos_of_a_document_keep_the_photo_limit()
    {
        var big = new byte[RepairPhotoRules.MaxStoredBytes + 1];
        Png.CopyTo(big, 0);
        Assert.Throws<DomainException>(() => AttachmentFileRules.CheckStored(Document, "大图.png", big));
        big = big[..(int)RepairPhotoRules.MaxStoredBytes];
        Assert.Equal("image/png", AttachmentFileRules.CheckStored(Document, "大图.png", big));
    }

    [Fact]
    public void Every_other_kind_stays_photos_only()
    {
        foreach (var kind in Enum.GetValues<AttachmentKind>().Where(k => k != Document))
        {
            Assert.False(kind.AcceptsPdf());
            var ex = Assert.Throws<DomainException>(() => AttachmentFileRules.CheckStored(kind, "照片.pdf", Pdf));
            Assert.Equal("“照片.pdf”不是有效的图片文件", ex.Text.Zh);
            Assert.Equal("image/png", AttachmentFileRules.CheckStored(kind, "照片.png", Png));
        }
        Assert.True(Document.AcceptsPdf());
    }

    [Fact]
    public void A_pdf_is_stored_under_a_name_ending_in_pdf()
    {
        var at = new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal("营业执照.pdf", Attachment.Of(Document, 1, new PhotoUpload("营业执照.jpg", Pdf), "业主", at).FileName);
        Assert.Equal("licence.PDF", Attachment.Of(Document, 1, new PhotoUpload("licence.PDF", Pdf), "业主", at).FileName);
        Assert.Equal("document.pdf", Attachment.Of(Document, 1, new PhotoUpload("  ", Pdf), "业主", at).FileName);
        var longName = Attachment.Of(Document, 1, new PhotoUpload(new string('图', 300) + ".docx", Pdf), "业主", at).FileName;
        Assert.Equal(new string('图', 196) + ".pdf", longName);
        // A photo keeps the name it came with.
        Assert.Equal("平面图.pdf", Attachment.Of(Document, 1, new PhotoUpload("平面图.pdf", Png), "业主", at).FileName);
    }
}
