using PropertyCare.Infrastructure.Data;
using System.IO.Compression;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

/// <summary>The owner export as the manager gets it: the current list in registration order, every column with the
/// full numbers (a manager may reveal them), headers and sheet in the user's language, and the export logged.</summary>
public class OwnerExportTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private async Task<(List<string[]> Rows, string Workbook)> ExportAsync(bool chinese)
    {
        var t = _db.Tenant(_db.A1, Roles.ProjectManager, userId: "mgr");
        var bytes = await new OwnerExportService(_db.Factory(t), t).ExportAsync(new OwnerListQuery(), chinese);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        // The reader drops trailing empty cells: rows are padded back to the nine columns.
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(bytes)).Select(r => r.Concat(Enumerable.Repeat("", 9 - r.Length)).ToArray()).ToList();
        return (rows, await workbook.ReadToEndAsync());
    }

    private void Seed()
    {
        var zhang = _db.SeedOwner(_db.A1, room: "1201", name: "张伟", phone: "13800138000").Owner.Id;
        _db.SeedOwner(_db.A1, room: "1202", name: "李娜", phone: "13955556666");
        using var db = _db.Db(_db.Tenant(_db.A1));
        var o = db.Owners.Single(x => x.Id == zhang);
        o.Phone2 = "13600001111";
        o.MoveInDate = new DateOnly(2025, 3, 1);
        o.PhoneFlaggedWrong = true;
        db.SaveChanges();
    }

    [Fact]
    public async Task The_chinese_export_lists_owners_in_registration_order_with_full_numbers()
    {
        Seed();
        var (rows, workbook) = await ExportAsync(chinese: true);

        Assert.Equal(["业主姓名", "房屋", "证件类型", "证件号码", "手机号码", "备用电话", "联系偏好", "入住日期", "号码待核实"], rows[0]);
        Assert.Equal(["张伟", "1栋-1单元-1201", "居民身份证", "11010519491231002X", "13800138000", "13600001111", "电话", "2025-03-01", "是"], rows[1]);
        Assert.Equal(["李娜", "1栋-1单元-1202", "居民身份证", "11010519491231002X", "13955556666", "", "电话", "", ""], rows[2]);
        Assert.Equal(3, rows.Count);
        Assert.Contains("name=\"业主档案\"", workbook);

        using var db = _db.Db(_db.Tenant(_db.A1));
        var log = Assert.Single(db.SensitiveAccesses);
        Assert.Equal((SensitiveAccessKind.Export, "full", "mgr"), (log.Kind, log.Field, log.UserId));
        Assert.Contains("rows=2", log.Detail);
    }

    [Fact]
    public async Task The_english_export_has_english_headers_labels_and_sheet_name()
    {
        Seed();
        var (rows, workbook) = await ExportAsync(chinese: false);

        Assert.Equal(["Owner", "Units", "ID type", "ID number", "Phone", "Second phone", "Preferred contact", "Move-in date", "Number to verify"], rows[0]);
        Assert.Equal(["张伟", "1栋-1单元-1201", "Resident ID card", "11010519491231002X", "13800138000", "13600001111", "Phone call", "2025-03-01", "yes"], rows[1]);
        Assert.Equal("", rows[2][8]);
        Assert.Contains("name=\"Owners\"", workbook);
    }

    public void Dispose() => _db.Dispose();
}
