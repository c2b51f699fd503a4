using System.Text;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>A renovation's drawings and documents (装修图纸/资料) as PDF files, on a real database: the desk (filing,
/// correcting, adding) and the owner (filing, correcting) store a whole PDF next to photos and see it listed as a PDF;
/// a file named .pdf whose bytes are something else saves nothing; the count limit covers PDFs; the file reads only
/// for the project's staff and the applicant.</summary>
[Collection(RepairsCollection.Name)]
public class RenovationPdfDocumentTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
        "trailer<</Root 1 0 R>>\n%%EOF\n");
    /// <summary>Text with a .pdf name, even with the end marker: no "%PDF-" header.</summary>
    private static readonly byte[] FakePdf = Encoding.UTF8.GetBytes("营业执照（复印件）\n%%EOF\n");
    private static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, .. new byte[58], .. "%%EOF"u8];

    private static async Task<int> DocumentCountAsync(ApplicationWorld w)
    {
        await using var db = w.W.Db(w.A);
        return await db.Attachments.CountAsync(a => a.Kind == AttachmentKind.RenovationDocument);
    }

    [Fact]
    public async Task The_desk_files_corrects_and_adds_pdf_documents_and_they_are_listed_as_pdfs()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = (await w.Desk(w.A).FileAsync(unit, owner, ApplicationWorld.Form(),
            [new PhotoUpload("营业执照.pdf", Pdf), new PhotoUpload("平面图.png", RepairWorld.Png)])).Id;
        await w.Desk(w.A).ChangeAsync(id, await w.VersionAsync(w.A, id), ApplicationWorld.Form("吊顶"), [new PhotoUpload("吊顶图", Pdf)]);
        await w.Desk(w.A).AddDocumentsAsync(id, [new PhotoUpload("水电图.pdf", Pdf)]);

        var docs = (await w.Desk(w.A).GetAsync(id)).Documents;
        Assert.Equal([("营业执照.pdf", true), ("平面图.png", false), ("吊顶图.pdf", true), ("水电图.pdf", true)], docs.Select(d => (d.FileName, d.IsPdf)));
        Assert.Equal(["application/pdf", "image/png", "application/pdf", "application/pdf"], docs.Select(d => d.ContentType));
        var read = await w.Files(w.A, Roles.ServiceDesk).ReadAsync(docs[0].Id);
        Assert.Equal(("application/pdf", "营业执照.pdf"), (read.ContentType, read.FileName));
        Assert.Equal(Pdf, read.Bytes);
        Assert.Equal(Pdf, (await w.Files(w.A, Roles.Owner, owner).ReadAsync(docs[0].Id)).Bytes);
    }

    [Fact]
    public async Task The_owner_files_and_corrects_with_pdf_documents()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = (await w.Portal(w.A, owner).FileAsync(unit, ApplicationWorld.Form(), [new PhotoUpload("施工图纸.pdf", Pdf)])).Id;
        await w.Desk(w.A).DeskCheckAsync(id, await w.VersionAsync(w.A, id), false, "缺少身份证复印件");
        await w.Portal(w.A, owner).ChangeAndResubmitAsync(id, await w.VersionAsync(w.A, id), ApplicationWorld.Form(), [new PhotoUpload("身份证复印件.pdf", Pdf)]);

        Assert.Equal(RenovationStatus.Submitted, (await w.AppAsync(w.A, id)).Status);
        var docs = (await w.Portal(w.A, owner).GetAsync(id)).Documents;
        Assert.Equal([("施工图纸.pdf", "application/pdf"), ("身份证复印件.pdf", "application/pdf")], docs.Select(d => (d.FileName, d.ContentType)));
        Assert.Equal(Pdf, (await w.Files(w.A, Roles.Owner, owner).ReadAsync(docs[1].Id)).Bytes);
    }

    [Fact]
    public async Task A_file_named_pdf_that_is_not_one_saves_nothing_at_the_desk_or_in_the_portal()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var refused = await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).FileAsync(unit, owner, ApplicationWorld.Form(),
            [new PhotoUpload("营业执照.pdf", Pdf), new PhotoUpload("营业执照副本.pdf", FakePdf)]));
        Assert.Equal("“营业执照副本.pdf”不是 PDF 或 JPG/PNG/WEBP 图片", refused.Text.Zh);
        await Assert.ThrowsAsync<DomainException>(() => w.Portal(w.A, owner).FileAsync(unit, ApplicationWorld.Form(), [new PhotoUpload("图纸.pdf", Exe)]));
        await using (var db = w.W.Db(w.A))
            Assert.Equal(0, await db.RenovationApplications.CountAsync());
        Assert.Equal(0, await DocumentCountAsync(w));

        var id = await w.FiledAsync(w.A, unit, owner);
        await w.Desk(w.A).DeskCheckAsync(id, await w.VersionAsync(w.A, id), false, "缺少图纸");
        var v = await w.VersionAsync(w.A, id);
        await Assert.ThrowsAsync<DomainException>(() => w.Portal(w.A, owner).ChangeAndResubmitAsync(id, v, ApplicationWorld.Form("吊顶"), [new PhotoUpload("图纸.pdf", FakePdf)]));
        await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).ChangeAsync(id, v, ApplicationWorld.Form("吊顶"), [new PhotoUpload("图纸.pdf", Exe)]));
        await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).AddDocumentsAsync(id, [new PhotoUpload("图纸.pdf", Pdf[..^7])])); // cut short
        var a = await w.AppAsync(w.A, id);
        Assert.Equal((RenovationStatus.Returned, v), (a.Status, a.Version));
        Assert.Equal(0, await DocumentCountAsync(w));
    }

    [Fact]
    public async Task Pdfs_count_towards_the_limit_of_files_per_application()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var id = await w.FiledAsync(w.A, unit, owner);
        await w.Desk(w.A).AddDocumentsAsync(id, [.. Enumerable.Range(1, Attachment.MaxPerRecord - 1).Select(i => new PhotoUpload($"图{i}.pdf", Pdf))]);
        await w.Desk(w.A).AddDocumentsAsync(id, [new PhotoUpload("平面图.png", RepairWorld.Png)]);
        var e = await Assert.ThrowsAsync<DomainException>(() => w.Desk(w.A).AddDocumentsAsync(id, [new PhotoUpload("多一份.pdf", Pdf)]));
        Assert.Equal("最多上传 9 个文件", e.Text.Zh);
        Assert.Equal(Attachment.MaxPerRecord, await DocumentCountAsync(w));
    }

    [Fact]
    public async Task A_pdf_document_reads_for_the_projects_staff_and_the_applicant_only()
    {
        await using var w = await ApplicationWorld.CreateAsync(Provider);
        var (unit, owner) = await w.UnitAsync(w.A, "0101");
        var (_, other) = await w.UnitAsync(w.A, "0102", owner: "李娜", phone: "13900000000");
        var id = (await w.Portal(w.A, owner).FileAsync(unit, ApplicationWorld.Form(), [new PhotoUpload("施工图纸.pdf", Pdf)])).Id;
        var doc = (await w.Desk(w.A).GetAsync(id)).Documents.Single().Id;

        foreach (var role in new[] { Roles.ServiceDesk, Roles.ProjectManager, Roles.HqAuditor })
            Assert.Equal(Pdf, (await w.Files(w.A, role).ReadAsync(doc)).Bytes);
        Assert.Equal(Pdf, (await w.Files(w.A, Roles.Owner, owner).ReadAsync(doc)).Bytes);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.Owner, other).ReadAsync(doc));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.Technician).ReadAsync(doc));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.B, Roles.ServiceDesk).ReadAsync(doc));
    }
}
