using System.Text;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class RepairPhotoRulesTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private static readonly byte[] Webp = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBP"u8, .. "VP8 "u8];

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    [InlineData("image/webp")]
    [InlineData("IMAGE/JPEG")]
    public void Accepted_images_pass(string contentType)
    {
        Assert.Null(RepairPhotoRules.CheckOriginal("漏水.jpg", contentType, 1024, 0));
        Assert.Null(RepairPhotoRules.CheckOriginal("漏水.jpg", contentType, RepairPhotoRules.MaxOriginalBytes, RepairPhotoRules.MaxPerStage - 1));
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("application/pdf")]
    [InlineData("text/plain")]
    [InlineData("")]
    public void Other_types_are_refused(string contentType)
    {
        var error = RepairPhotoRules.CheckOriginal("说明.pdf", contentType, 1024, 0);
        Assert.NotNull(error);
        Assert.Equal("“说明.pdf”不是 JPG/PNG/WEBP 图片", error.Zh);
    }

    [Fact]
    public void A_file_over_15_mb_is_refused()
    {
        var error = RepairPhotoRules.CheckOriginal("大图.jpg", "image/jpeg", RepairPhotoRules.MaxOriginalBytes + 1, 0);
        Assert.NotNull(error);
        Assert.Contains("15 MB", error.Zh);
        Assert.Contains("大图.jpg", error.Zh);
        Assert.Equal(15L * 1024 * 1024, RepairPhotoRules.MaxOriginalBytes);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var error = RepairPhotoRules.CheckOriginal("空.png", "image/png", 0, 0);
        Assert.NotNull(error);
        Assert.Equal("“空.png”是空文件", error.Zh);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void At_most_six_photos_per_stage(int alreadyAttached)
    {
        var error = RepairPhotoRules.CheckOriginal("第七张.jpg", "image/jpeg", 1024, alreadyAttached);
        Assert.NotNull(error);
        Assert.Equal("最多上传 6 张照片", error.Zh);
        Assert.Equal(6, RepairPhotoRules.MaxPerStage);
    }

    [Fact]
    public void The_count_is_checked_before_the_type()
    {
        Assert.Equal("最多上传 6 张照片", RepairPhotoRules.CheckOriginal("a.gif", "image/gif", 0, 6)!.Zh);
    }

    [Fact]
    public void Images_are_recognised_by_their_signature()
    {
        Assert.Equal("image/jpeg", RepairPhotoRules.SniffType(Jpeg));
        Assert.Equal("image/png", RepairPhotoRules.SniffType(Png));
        Assert.Equal("image/webp", RepairPhotoRules.SniffType(Webp));
        Assert.Equal("image/jpeg", RepairPhotoRules.SniffType(new byte[] { 0xFF, 0xD8, 0xFF }));
    }

    [Fact]
    public void Other_content_is_not_an_image()
    {
        Assert.Null(RepairPhotoRules.SniffType(Encoding.UTF8.GetBytes("这不是图片，只是一段文字。")));
        Assert.Null(RepairPhotoRules.SniffType("<html><body>jpg</body></html>"u8));
        Assert.Null(RepairPhotoRules.SniffType([]));
        Assert.Null(RepairPhotoRules.SniffType(new byte[] { 0xFF, 0xD8 }));              // truncated JPEG
        Assert.Null(RepairPhotoRules.SniffType(Png[..7]));                               // truncated PNG
        Assert.Null(RepairPhotoRules.SniffType([.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8])); // a WAV file
        Assert.Null(RepairPhotoRules.SniffType("GIF89a\0\0\0\0\0\0"u8));
    }

    [Fact]
    public void Stored_images_pass()
    {
        RepairPhotoRules.CheckStored("a.jpg", Jpeg);
        RepairPhotoRules.CheckStored("a.png", Png);
        RepairPhotoRules.CheckStored("a.webp", Webp);
        var atLimit = new byte[RepairPhotoRules.MaxStoredBytes];
        Jpeg.CopyTo(atLimit, 0);
        RepairPhotoRules.CheckStored("a.jpg", atLimit);
    }

    [Fact]
    public void A_stored_file_that_is_not_an_image_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => RepairPhotoRules.CheckStored("伪装.jpg", Encoding.UTF8.GetBytes("hello, world")));
        Assert.Equal("“伪装.jpg”不是有效的图片文件", ex.Text.Zh);
    }

    [Fact]
    public void A_stored_file_over_3_mb_is_refused()
    {
        var tooLarge = new byte[RepairPhotoRules.MaxStoredBytes + 1];
        Jpeg.CopyTo(tooLarge, 0);
        var ex = Assert.Throws<DomainException>(() => RepairPhotoRules.CheckStored("大图.jpg", tooLarge));
        Assert.Contains("3 MB", ex.Text.Zh);
        Assert.Contains("大图.jpg", ex.Text.Zh);
    }
    [Fact]
    public void The_bare_signature_is_enough_to_recognise_a_png_or_webp()
    {
        Assert.Equal("image/png", RepairPhotoRules.SniffType(Png[..8]));
        Assert.Equal("image/webp", RepairPhotoRules.SniffType([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8]));
        Assert.Null(RepairPhotoRules.SniffType([.. "RIFF"u8, 0, 0, 0, 0, .. "WEB"u8]));
    }
}
