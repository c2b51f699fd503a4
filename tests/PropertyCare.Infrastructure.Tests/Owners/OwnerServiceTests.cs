using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

public class OwnerServiceTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private OwnerService As(string role = Roles.ServiceDesk)
    {
        var t = _db.Tenant(_db.A1, role, userId: "u-" + role);
        return new OwnerService(_db.Factory(t), t);
    }

    private static OwnerDetails Details(string? phone = null, string name = "张伟") =>
        new(name, IdDocumentType.ResidentIdCard, null, phone, null, null, ContactPreference.Phone, null, null);

    [Fact]
    public async Task An_update_is_kept_in_history_with_who_and_old_and_new_values()
    {
        var seeded = _db.SeedOwner(_db.A1, phone: "13800138000");
        await As().UpdateAsync(seeded.Owner.Id, seeded.Owner.Version, Details("13912345678", "张伟明"));

        using var ctx = _db.Db(_db.Tenant(_db.A1));
        var record = ctx.ChangeRecords.Where(c => c.EntityType == nameof(Owner) && c.EntityId == seeded.Owner.Id && c.Action == ChangeAction.Updated).Single();
        Assert.Equal(("u-ServiceDesk", "测试用户"), (record.UserId, record.UserName));
        var phone = record.Changes.Single(c => c.Field == "Phone");
        // 个人信息保护: history keeps the masks, never the full numbers (PersonalDataTests reads the raw rows).
        Assert.Equal(("138****8000", "139****5678", (SensitiveKind?)SensitiveKind.Phone), (phone.Old, phone.New, phone.Sensitive));
        Assert.Equal(("张伟", "张伟明"), (record.Changes.Single(c => c.Field == "Name").Old, record.Changes.Single(c => c.Field == "Name").New));
        Assert.DoesNotContain(record.Changes, c => c.Field is "IdNumber" or "Version");
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_does_not_overwrite()
    {
        var seeded = _db.SeedOwner(_db.A1);
        var loaded = await As().GetAsync(seeded.Owner.Id);
        await As().UpdateAsync(loaded.Id, loaded.Version, Details(name: "第一位"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => As().UpdateAsync(loaded.Id, loaded.Version, Details(name: "第二位")));
        Assert.Equal("第一位", (await As().GetAsync(seeded.Owner.Id)).Name);
    }

    [Fact]
    public async Task Invalid_input_names_the_field_and_saves_nothing()
    {
        var seeded = _db.SeedOwner(_db.A1);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => As().UpdateAsync(seeded.Owner.Id, seeded.Owner.Version, Details("12345")));
        Assert.Equal("Phone", ex.Errors.Single().Field);
        Assert.Equal("138****8000", (await As().GetAsync(seeded.Owner.Id)).PhoneMasked);
    }

    [Fact]
    public async Task Reading_gives_masked_numbers_and_revealing_is_logged()
    {
        var seeded = _db.SeedOwner(_db.A1, phone: "13800138000");
        var view = await As().GetAsync(seeded.Owner.Id);
        Assert.Equal(("138****8000", "1101**********002X"), (view.PhoneMasked, view.IdNumberMasked));

        Assert.Equal("13800138000", await As().RevealAsync(SensitiveField.OwnerPhone, seeded.Owner.Id));
        using var ctx = _db.Db(_db.Tenant(_db.A1));
        var log = ctx.SensitiveAccesses.Single();
        Assert.Equal((SensitiveAccessKind.Reveal, "u-ServiceDesk", nameof(Owner), seeded.Owner.Id, "OwnerPhone"), (log.Kind, log.UserId, log.EntityType, log.EntityId, log.Field));
    }

    [Fact]
    public async Task Technicians_can_neither_read_nor_reveal_and_hq_cannot_edit()
    {
        var seeded = _db.SeedOwner(_db.A1);
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.Technician).GetAsync(seeded.Owner.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.Technician).RevealAsync(SensitiveField.OwnerPhone, seeded.Owner.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.HqAuditor).UpdateAsync(seeded.Owner.Id, seeded.Owner.Version, Details(name: "总部改")));
        using var ctx = _db.Db(_db.Tenant(_db.A1));
        Assert.Empty(ctx.SensitiveAccesses);
    }

    [Fact]
    public async Task Creating_an_owner_links_units_and_a_co_owner_is_not_primary()
    {
        var first = _db.SeedOwner(_db.A1);
        var id = await As().CreateAsync(Details("13912345678", "共有人") with { IdNumber = "510104198001011236" }, [first.Unit.Id]);
        using var ctx = _db.Db(_db.Tenant(_db.A1));
        var links = ctx.UnitOwnerships.Where(x => x.UnitId == first.Unit.Id).OrderBy(x => x.Id).ToList();
        Assert.Equal([(first.Owner.Id, true), (id, false)], links.Select(l => (l.OwnerId, l.IsPrimary)));
    }

    [Fact]
    public async Task Unlinking_the_primary_owner_makes_the_co_owner_primary()
    {
        var first = _db.SeedOwner(_db.A1);
        var second = await As().CreateAsync(Details("13912345678", "共有人") with { IdNumber = "510104198001011236" }, [first.Unit.Id]);
        int primaryLink;
        using (var ctx = _db.Db(_db.Tenant(_db.A1))) primaryLink = ctx.UnitOwnerships.Single(x => x.OwnerId == first.Owner.Id).Id;
        await As().UnlinkUnitAsync(primaryLink);
        using var check = _db.Db(_db.Tenant(_db.A1));
        Assert.True(check.UnitOwnerships.Single(x => x.UnitId == first.Unit.Id).IsPrimary);
        Assert.Equal(second, check.UnitOwnerships.Single(x => x.UnitId == first.Unit.Id).OwnerId);
    }

    [Fact]
    public async Task Deleting_an_owner_keeps_the_deletion_of_owner_members_and_links_in_history()
    {
        var seeded = _db.SeedOwner(_db.A1);
        await As().SavePersonAsync(PersonKind.HouseholdMember, seeded.Owner.Id, null, "李娜", "配偶", "13900000000");
        var version = (await As().GetAsync(seeded.Owner.Id)).Version;
        await As().DeleteAsync(seeded.Owner.Id, version);

        using var ctx = _db.Db(_db.Tenant(_db.A1));
        Assert.Empty(ctx.Owners);
        var deleted = ctx.ChangeRecords.Where(c => c.Action == ChangeAction.Deleted).Select(c => c.EntityType).ToList();
        Assert.Equal(new[] { nameof(HouseholdMember), nameof(Owner), nameof(UnitOwnership) }, deleted.Order());
        Assert.Equal(3, ctx.ChangeRecords.Count(c => c.Action == ChangeAction.Deleted && (c.EntityId == seeded.Owner.Id || c.ParentId == seeded.Owner.Id)));
    }

    [Fact]
    public async Task Exporting_needs_the_export_permission_and_is_logged()
    {
        _db.SeedOwner(_db.A1, phone: "13800138000");
        var staff = _db.Tenant(_db.A1, Roles.ServiceDesk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => new OwnerExportService(_db.Factory(staff), staff).ExportAsync(new OwnerListQuery(), true));

        var manager = _db.Tenant(_db.A1, Roles.ProjectManager, userId: "mgr");
        var bytes = await new OwnerExportService(_db.Factory(manager), manager).ExportAsync(new OwnerListQuery("1201"), true);
        var rows = Infrastructure.Spreadsheets.XlsxReader.ReadFirstSheet(new MemoryStream(bytes));
        Assert.Contains("13800138000", rows[1]);
        using var ctx = _db.Db(manager);
        var log = ctx.SensitiveAccesses.Single();
        Assert.Equal((SensitiveAccessKind.Export, "mgr"), (log.Kind, log.UserId));
        Assert.Contains("search=1201", log.Detail);
        Assert.Contains("rows=1", log.Detail);
    }

    public void Dispose() => _db.Dispose();
}
