using PropertyCare.Infrastructure.Data;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Owners.Import;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

public class OwnerImportServiceTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private const string Header = "楼栋,单元,楼层,房号,建筑面积,户型,房屋状态,业主姓名,证件类型,证件号码,手机号码,备用电话,入住日期";

    private static readonly string Id1 = Id("11010519800101001");
    private static readonly string Id2 = Id("11010519820202002");
    private static readonly string Id3 = Id("44030519750315003");
    /// <summary>The ID number TestDatabase.SeedOwner gives its owner.</summary>
    private const string SeededId = "11010519491231002X";

    private static string Id(string first17) => first17 + ContactRules.ResidentIdCheckDigit(first17);

    private static string ValidCsv() => $"""
        {Header}
        1栋,1,12,1202,89.5,三室两厅,,张伟,居民身份证,{Id1},13800138000,,2020-05-01
        1栋,1,12,1202,89.5,三室两厅,,李娜,,{Id2},13900139000,010-12345678,2020/5/1
        1栋,2单元,3,301,120,,空置,,,,,,
        2栋,,-1,B101,30.25,车位,,王芳,,{Id3},13700137000,,
        2栋,,18,1801,140,,,王芳,,{Id3},13700137000,,
        """;

    private static byte[] Utf8(string csv) => new UTF8Encoding(false).GetBytes(csv);

    private static OwnerImportService Service(TestDatabase db, Project project, string role = Roles.ProjectManager)
    {
        var tenant = db.Tenant(project, role);
        return new OwnerImportService(db.Factory(tenant), tenant);
    }

    private static Task<ImportPreview> Preview(OwnerImportService s, byte[] bytes, string fileName = "业主.csv") =>
        s.PreviewAsync(new MemoryStream(bytes), fileName, CancellationToken.None);

    private static int Count<T>(TestDatabase db, Project project) where T : class
    {
        using var ctx = db.Db(db.Tenant(project));
        return ctx.Set<T>().Count();
    }

    [Fact]
    public async Task Valid_utf8_csv_imports_buildings_units_owners_and_co_owners_with_history()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);

        var preview = await Preview(service, Utf8(ValidCsv()));

        Assert.Empty(preview.FileErrors);
        Assert.All(preview.Rows, r => Assert.Empty(r.Errors));
        Assert.Equal([2, 3, 4, 5, 6], preview.Rows.Select(r => r.RowNumber));
        Assert.Equal(new ImportTotals(5, 0, 0, NewBuildings: 2, NewUnits: 4, ExistingUnits: 0, NewOwners: 3, ExistingOwners: 0, NewLinks: 4), preview.Totals);
        Assert.Equal(ImportOwnerAction.NoOwner, preview.Rows[2].OwnerAction);
        Assert.Equal("1栋-2单元-301", preview.Rows[2].UnitAddress);

        var result = await service.CommitAsync(preview, CancellationToken.None);

        Assert.Equal(new ImportResult(2, 4, 3, 4), result);
        using var ctx = db.Db(db.Tenant(db.A1));
        var buildings = ctx.Buildings.OrderBy(b => b.Name).ToList();
        Assert.Equal([("1栋", 12), ("2栋", 18)], buildings.Select(b => (b.Name, b.Floors)));
        var units = ctx.Units.Include(u => u.Ownerships).ThenInclude(o => o.Owner).ToList();
        var u1202 = units.Single(u => u.Room == "1202");
        Assert.Equal(UnitState.Occupied, u1202.State);
        Assert.Equal(89.5m, u1202.Area);
        Assert.Equal("1", u1202.Entrance);
        Assert.Equal([("张伟", true), ("李娜", false)], u1202.Ownerships.OrderBy(o => o.Id).Select(o => (o.Owner!.Name, o.IsPrimary)));
        var u301 = units.Single(u => u.Room == "301");
        Assert.Equal(("2", UnitState.Vacant, 0), (u301.Entrance, u301.State, u301.Ownerships.Count));
        Assert.Equal(-1, units.Single(u => u.Room == "B101").Floor);
        var wang = ctx.Owners.Include(o => o.Ownerships).Single(o => o.Name == "王芳");
        Assert.Equal(2, wang.Ownerships.Count); // one owner, two units
        Assert.All(wang.Ownerships, o => Assert.True(o.IsPrimary));
        var li = ctx.Owners.Single(o => o.Name == "李娜");
        Assert.Equal(("010-12345678", new DateOnly(2020, 5, 1), Id2), (li.Phone2, li.MoveInDate, li.IdNumber));

        var history = ctx.ChangeRecords.ToList();
        Assert.Equal(2, history.Count(h => h.EntityType == nameof(Building)));
        Assert.Equal(4, history.Count(h => h.EntityType == nameof(Unit)));
        Assert.Equal(3, history.Count(h => h.EntityType == nameof(Owner)));
        Assert.Equal(4, history.Count(h => h.EntityType == nameof(UnitOwnership)));
        Assert.All(history, h => Assert.Equal("u-test", h.UserId));
        // Units were saved after their buildings, so their history holds the real building id.
        var unitHistory = history.First(h => h.EntityType == nameof(Unit) && h.EntityId == u1202.Id);
        Assert.Equal(u1202.BuildingId.ToString(), unitHistory.Changes.Single(c => c.Field == nameof(Unit.BuildingId)).New);
    }

    [Fact]
    public async Task Gbk_csv_with_chinese_headers_in_another_order_parses()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = $"业主姓名,手机号码,证件号码,房号,楼层,楼栋,建筑面积\r\n张伟,13800138000,{Id1},1202,12,1栋,89.5\r\n";

        var preview = await Preview(service, Encoding.GetEncoding("GBK").GetBytes(csv), "业主名单.CSV");

        Assert.Empty(preview.FileErrors);
        var row = Assert.Single(preview.Rows);
        Assert.Empty(row.Errors);
        Assert.Equal(("1栋-1202", "张伟"), (row.UnitAddress, row.OwnerName));
        await service.CommitAsync(preview, CancellationToken.None);
        Assert.Equal(1, Count<Owner>(db, db.A1));
    }

    [Fact]
    public async Task Xlsx_from_the_writer_round_trips_and_imports_with_english_headers()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);
        var bytes = XlsxWriter.Write(
            ["Building", "Entrance", "Floor", "Room", "Area", "State", "Owner name", "ID number", "Phone", "Move-in date"],
            [
                ["3栋", "1", "5", "501", "98.76", "Rented", "赵敏", Id1, "13800138000", "2019-12-31"],
                ["3栋", "1", "5", "502", "98.76", "", "", "", "", ""],
            ]);

        var preview = await Preview(service, bytes, "import.xlsx");

        Assert.Empty(preview.FileErrors);
        Assert.All(preview.Rows, r => Assert.Empty(r.Errors));
        var result = await service.CommitAsync(preview, CancellationToken.None);
        Assert.Equal(new ImportResult(1, 2, 1, 1), result);
        using var ctx = db.Db(db.Tenant(db.A1));
        Assert.Equal(UnitState.Rented, ctx.Units.Single(u => u.Room == "501").State);
        Assert.Equal(UnitState.NotDelivered, ctx.Units.Single(u => u.Room == "502").State);
        Assert.Equal(new DateOnly(2019, 12, 31), ctx.Owners.Single().MoveInDate);
    }

    [Fact]
    public async Task One_bad_row_imports_nothing_and_errors_name_rows_and_columns()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);
        var badId = Id1[..17] + (Id1[17] == '0' ? '1' : '0');
        var csv = $"""
            {Header}
            1栋,1,12,1202,89.5,,,张伟,,{Id1},13800138000,,
            1栋,1,12,1203,89.5,,,李娜,,{Id2},1380013800,,
            1栋,1,12,1204,89.5,,,王芳,,{badId},13700137000,,
            1栋,1,12,,89.5,,,赵敏,,{Id3},13600136000,,
            """;

        var preview = await Preview(service, Utf8(csv));

        Assert.True(preview.HasErrors);
        Assert.False(preview.CanCommit);
        Assert.Empty(preview.Rows[0].Errors);
        Assert.Equal(3, preview.Rows[1].RowNumber);
        Assert.Equal("手机号码：手机号码格式不正确（11 位手机号或带区号的固话）", Assert.Single(preview.Rows[1].Errors).Zh);
        Assert.StartsWith("Phone: ", preview.Rows[1].Errors[0].En);
        Assert.Equal(4, preview.Rows[2].RowNumber);
        Assert.StartsWith("证件号码：身份证号码无效", Assert.Single(preview.Rows[2].Errors).Zh);
        Assert.Equal(5, preview.Rows[3].RowNumber);
        Assert.Equal("房号：请填写房号", Assert.Single(preview.Rows[3].Errors).Zh);
        Assert.Equal(3, preview.Totals.RowsWithErrors);

        var e = await Assert.ThrowsAsync<ValidationException>(() => service.CommitAsync(preview, CancellationToken.None));
        Assert.Contains(e.Errors, x => x.Message.Zh.StartsWith("第 3 行：手机号码："));
        Assert.Contains(e.Errors, x => x.Message.Zh.StartsWith("第 4 行：证件号码："));
        Assert.Contains(e.Errors, x => x.Message.Zh == "第 5 行：房号：请填写房号");
        Assert.Equal(0, Count<Building>(db, db.A1));
        Assert.Equal(0, Count<Unit>(db, db.A1));
        Assert.Equal(0, Count<Owner>(db, db.A1));

        // The report lists only the rows to fix, with the original cells and what is wrong.
        var report = XlsxReader.ReadFirstSheet(new MemoryStream(service.ErrorReport(preview)));
        Assert.Equal([.. Header.Split(','), "错误说明"], report[0]);
        Assert.Equal(4, report.Count);
        Assert.Equal("1380013800", report[1][10]);
        Assert.StartsWith("第 3 行：手机号码：", report[1][^1]);
    }

    [Fact]
    public async Task Inconsistencies_inside_the_file_are_errors()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);
        var csv = $"""
            {Header}
            1栋,1,12,1202,89.5,,,张伟,,{Id1},13800138000,,
            1栋,1,12,1202,89.5,,,张伟,,{Id1},13800138000,,
            1栋,1,12,1203,89.5,,,张小伟,,{Id1},13800138000,,
            1栋,1,13,1202,89.5,,,李娜,,{Id2},13900139000,,
            1栋,1,0,1204,0,,拆除,王芳,身份证,{Id3},13700137000,,2020-13-01
            """;

        var preview = await Preview(service, Utf8(csv));

        Assert.Contains("与第 2 行重复", Assert.Single(preview.Rows[1].Errors).Zh);
        Assert.Contains("与第 2 行证件号码相同，但业主姓名不同", Assert.Single(preview.Rows[2].Errors).Zh);
        Assert.StartsWith("楼层：与第 2 行的同一房屋楼层不一致", Assert.Single(preview.Rows[3].Errors).Zh);
        var last = preview.Rows[4].Errors.Select(e => e.Zh).ToList();
        Assert.Contains(last, m => m.StartsWith("楼层：楼层应在"));
        Assert.Contains(last, m => m.StartsWith("建筑面积："));
        Assert.Contains(last, m => m.StartsWith("房屋状态：无法识别“拆除”"));
        Assert.Contains(last, m => m.StartsWith("证件类型：无法识别“身份证”"));
        Assert.Contains(last, m => m.StartsWith("入住日期："));
    }

    [Fact]
    public async Task A_new_building_too_tall_is_reported_on_the_rows_that_make_it_so()
    {
        using var db = new TestDatabase(Provider);
        var csv = $"{Header}\n9栋,,5,501,50,,,,,,,,\n9栋,,250,25001,50,,,,,,,,\n";

        var preview = await Preview(Service(db, db.A1), Utf8(csv));

        Assert.Empty(preview.Rows[0].Errors);
        Assert.Equal("楼层：层数应在 1–200 之间", Assert.Single(preview.Rows[1].Errors).Zh);
    }

    [Fact]
    public async Task Missing_header_columns_are_a_file_error()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);

        var preview = await Preview(service, Utf8("楼栋,房号,业主姓名\n1栋,1202,张伟\n"));

        var error = Assert.Single(preview.FileErrors);
        Assert.Equal("缺少必填列：楼层、建筑面积", error.Zh);
        Assert.Empty(preview.Rows);
        await Assert.ThrowsAsync<ValidationException>(() => service.CommitAsync(preview, CancellationToken.None));
    }

    [Theory]
    [InlineData("业主.xls", "仅支持 .xlsx 或 .csv 文件")]
    [InlineData("业主.csv", "文件为空，或第 1 行不是表头")]
    [InlineData("业主.xlsx", "无法读取文件，请确认文件未损坏且格式正确（.xlsx 或 .csv）")]
    public async Task Wrong_empty_or_broken_files_are_file_errors(string fileName, string message)
    {
        using var db = new TestDatabase(Provider);
        var bytes = fileName.EndsWith(".csv") ? [] : "not a zip"u8.ToArray();
        var preview = await Preview(Service(db, db.A1), bytes, fileName);
        Assert.Equal(message, Assert.Single(preview.FileErrors).Zh);
    }

    [Fact]
    public async Task More_than_5000_rows_is_a_file_error()
    {
        using var db = new TestDatabase(Provider);
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= OwnerImportService.MaxDataRows + 1; i++) csv.Append($"1栋,,1,{i},50,,,,,,,,\n");

        var preview = await Preview(Service(db, db.A1), Utf8(csv.ToString()));

        Assert.Contains("超过 5000 行", Assert.Single(preview.FileErrors).Zh);
    }

    [Fact]
    public async Task Reimporting_the_same_file_matches_existing_units_and_owners_and_links_nothing_twice()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);
        await service.CommitAsync(await Preview(service, Utf8(ValidCsv())), CancellationToken.None);
        var history = Count<PropertyCare.Domain.Auditing.ChangeRecord>(db, db.A1);

        var again = await Preview(service, Utf8(ValidCsv()));

        Assert.False(again.HasErrors);
        Assert.All(again.Rows, r => Assert.Equal(ImportUnitAction.ExistingUnit, r.UnitAction));
        Assert.All(again.Rows.Where(r => r.OwnerName != ""), r =>
        {
            Assert.Equal(ImportOwnerAction.ExistingOwner, r.OwnerAction);
            Assert.True(r.AlreadyLinked);
            Assert.Contains(r.Warnings, w => w.Zh == "该业主已关联此房屋，无需导入");
        });
        Assert.Equal(new ImportTotals(5, 0, 4, 0, 0, ExistingUnits: 4, 0, ExistingOwners: 3, NewLinks: 0), again.Totals);
        Assert.Equal(new ImportResult(0, 0, 0, 0), await service.CommitAsync(again, CancellationToken.None));
        Assert.Equal(4, Count<UnitOwnership>(db, db.A1));
        Assert.Equal(history, Count<PropertyCare.Domain.Auditing.ChangeRecord>(db, db.A1));
    }

    [Fact]
    public async Task A_new_co_owner_of_an_existing_unit_is_linked_but_not_primary()
    {
        using var db = new TestDatabase(Provider);
        var (_, unit, _) = db.SeedOwner(db.A1, room: "1201");
        var service = Service(db, db.A1);
        var csv = $"{Header}\n1栋,1,12,1201,89.5,,,李娜,,{Id2},13900139000,,\n";

        var preview = await Preview(service, Utf8(csv));

        var row = Assert.Single(preview.Rows);
        Assert.Empty(row.Errors);
        Assert.Equal((false, ImportUnitAction.ExistingUnit, ImportOwnerAction.NewOwner), (row.NewBuilding, row.UnitAction, row.OwnerAction));
        await service.CommitAsync(preview, CancellationToken.None);
        using var ctx = db.Db(db.Tenant(db.A1));
        var links = ctx.UnitOwnerships.Where(o => o.UnitId == unit.Id).OrderBy(o => o.Id).ToList();
        Assert.Equal([true, false], links.Select(l => l.IsPrimary));
    }

    [Fact]
    public async Task Existing_owner_with_a_different_name_and_floor_above_the_building_are_errors()
    {
        using var db = new TestDatabase(Provider);
        db.SeedOwner(db.A1); // 1栋 has 30 floors; 张伟 holds SeededId
        var service = Service(db, db.A1);
        var csv = $"{Header}\n1栋,1,31,3101,89.5,,,张三,,{SeededId},13800138000,,\n";

        var preview = await Preview(service, Utf8(csv));

        var errors = Assert.Single(preview.Rows).Errors.Select(e => e.Zh).ToList();
        Assert.Contains("楼层：楼层应在 -5 至 30 之间且不为 0", errors);
        Assert.Contains("证件号码：该证件号码已登记为业主“张伟”，与本行姓名不一致", errors);
    }

    [Fact]
    public async Task Import_in_A1_never_matches_or_touches_rows_of_A2_or_B1()
    {
        using var db = new TestDatabase(Provider);
        var (_, b1Unit, b1Owner) = db.SeedOwner(db.B1, room: "1201", name: "张伟");
        db.SeedOwner(db.A2, room: "1201", name: "张伟");
        var service = Service(db, db.A1);
        var csv = $"{Header}\n1栋,1,12,1201,89.5,,,张伟,,{SeededId},13800138000,,\n";

        var preview = await Preview(service, Utf8(csv));

        var row = Assert.Single(preview.Rows);
        Assert.Empty(row.Errors);
        Assert.Equal((true, ImportUnitAction.NewUnit, ImportOwnerAction.NewOwner, false),
            (row.NewBuilding, row.UnitAction, row.OwnerAction, row.AlreadyLinked));
        Assert.Equal(new ImportResult(1, 1, 1, 1), await service.CommitAsync(preview, CancellationToken.None));

        using (var a1 = db.Db(db.Tenant(db.A1)))
        {
            var owner = a1.Owners.Single();
            Assert.Equal(db.A1.Id, owner.ProjectId);
            Assert.NotEqual(b1Owner.Id, owner.Id);
            Assert.Equal(db.A1.Id, a1.UnitOwnerships.Single().ProjectId);
        }
        using var b1 = db.Db(db.Tenant(db.B1));
        var b1OwnerNow = b1.Owners.Include(o => o.Ownerships).Single();
        Assert.Equal((b1Owner.Id, b1Owner.Version, 1), (b1OwnerNow.Id, b1OwnerNow.Version, b1OwnerNow.Ownerships.Count));
        Assert.Equal(b1Unit.Version, b1.Units.Single().Version);
        Assert.Equal(1, Count<Building>(db, db.A2));
        Assert.Equal(1, Count<Owner>(db, db.A2));
        Assert.Equal(1, Count<UnitOwnership>(db, db.A2));
    }

    [Fact]
    public async Task A_preview_is_refused_in_another_project()
    {
        using var db = new TestDatabase(Provider);
        var preview = await Preview(Service(db, db.A1), Utf8(ValidCsv()));
        await Assert.ThrowsAsync<DomainException>(() => Service(db, db.A2).CommitAsync(preview, CancellationToken.None));
        Assert.Equal(0, Count<Unit>(db, db.A2));
    }

    [Fact]
    public async Task Service_desk_staff_may_not_import()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1, Roles.ServiceDesk);
        var preview = await Preview(Service(db, db.A1), Utf8(ValidCsv()));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Preview(service, Utf8(ValidCsv())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CommitAsync(preview, CancellationToken.None));
        Assert.Throws<AccessDeniedException>(() => service.Template());
        Assert.Throws<AccessDeniedException>(() => service.ErrorReport(preview));
        Assert.Equal(0, Count<Unit>(db, db.A1));
    }

    [Fact]
    public async Task A_preview_made_invalid_by_later_changes_is_refused_and_writes_nothing()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);
        var preview = await Preview(service, Utf8(ValidCsv()));
        Assert.True(preview.CanCommit);

        // Meanwhile someone registers 2栋 with fewer floors than the file needs.
        using (var ctx = db.Db(db.Tenant(db.A1)))
        {
            ctx.Buildings.Add(new Building { Name = "2栋", Floors = 10 });
            ctx.SaveChanges();
        }

        var e = await Assert.ThrowsAsync<ValidationException>(() => service.CommitAsync(preview, CancellationToken.None));
        Assert.Contains(e.Errors, x => x.Message.Zh.StartsWith("第 6 行：楼层："));
        Assert.Equal(1, Count<Building>(db, db.A1));
        Assert.Equal(0, Count<Unit>(db, db.A1));
        Assert.Equal(0, Count<Owner>(db, db.A1));
    }

    [Fact]
    public async Task A_preview_whose_outcome_changed_is_refused()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);
        var preview = await Preview(service, Utf8($"{Header}\n1栋,1,12,1201,89.5,,,张伟,,{SeededId},13800138000,,\n"));

        db.SeedOwner(db.A1, room: "1201", name: "张伟"); // now the unit and the owner exist and are linked

        var e = await Assert.ThrowsAsync<ValidationException>(() => service.CommitAsync(preview, CancellationToken.None));
        Assert.Contains("重新上传", e.Text.Zh);
        Assert.Equal(1, Count<UnitOwnership>(db, db.A1));
    }

    [Fact]
    public async Task The_template_has_every_column_and_a_valid_example_row()
    {
        using var db = new TestDatabase(Provider);
        var service = Service(db, db.A1);

        var template = service.Template();

        var sheet = XlsxReader.ReadFirstSheet(new MemoryStream(template));
        Assert.Equal(ImportColumns.All.Select(c => c.Header.Zh), sheet[0]);
        var preview = await Preview(service, template, "模板.xlsx");
        Assert.True(preview.CanCommit);
        Assert.Equal(ImportOwnerAction.NewOwner, Assert.Single(preview.Rows).OwnerAction);
    }
}
