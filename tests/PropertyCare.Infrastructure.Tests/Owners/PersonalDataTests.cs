using PropertyCare.Infrastructure.Data;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Auditing;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

/// <summary>个人信息保护: what a backup of the database gives away about a person. Read as an attacker holding the file
/// would: raw rows, not through the services that mask on the way out.</summary>
public class PersonalDataTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private const string OwnerPhone = "13912345678", OwnerPhone2 = "13698765432", NewPhone = "13588889999";
    private const string MemberPhone = "13711112222", ContactPhone = "13633334444", MemberPhone2 = "18655556666";
    internal static readonly string OwnerId = Id("11010519850307123"), NewId = Id("51010419900101876");

    private static string Id(string first17) => first17 + ContactRules.ResidentIdCheckDigit(first17);

    private OwnerService Owners(string? ip = null)
    {
        var t = _db.Tenant(_db.A1, Roles.ProjectManager, userId: "u-manager");
        t.ClientIp = ip;
        return new OwnerService(_db.Factory(t), t);
    }

    private async Task<int> CreateOwnerAsync(string name = "欧阳娜娜")
    {
        var unit = _db.SeedOwner(_db.A1, room: "0808", name: "原业主", phone: "13000000001").Unit;
        return await Owners().CreateAsync(new OwnerDetails(name, IdDocumentType.ResidentIdCard, OwnerId, OwnerPhone, OwnerPhone2, "nana@example.cn",
            ContactPreference.Phone, null, "腿脚不便，请先电话联系"), [unit.Id]);
    }

    [Fact]
    public async Task History_rows_in_the_database_hold_no_full_phone_or_id_number_after_create_update_and_delete()
    {
        var owner = await CreateOwnerAsync();
        var o = await Owners().GetAsync(owner);
        await Owners().UpdateAsync(owner, o.Version, new OwnerDetails("欧阳娜娜", IdDocumentType.ResidentIdCard, NewId, NewPhone, null, null, ContactPreference.Phone, null, null));
        await Owners().SavePersonAsync(PersonKind.HouseholdMember, owner, null, "欧阳小明", "儿子", MemberPhone);
        await Owners().SavePersonAsync(PersonKind.EmergencyContact, owner, null, "李大为", "朋友", ContactPhone);
        var member = (await Owners().GetAsync(owner)).Members.Single();
        await Owners().SavePersonAsync(PersonKind.HouseholdMember, owner, member.Id, "欧阳小明", "儿子", MemberPhone2);

        var history = RawTable("ChangeRecords");
        foreach (var full in new[] { OwnerPhone, OwnerPhone2, NewPhone, MemberPhone, ContactPhone, MemberPhone2, OwnerId, NewId })
            Assert.DoesNotContain(full, history);
        // The masked values are what history keeps, so the page still shows that the number changed, and to what mask.
        Assert.Contains("139****5678", history);
        Assert.Contains("135****9999", history);
        Assert.Contains("5101**********" + NewId[^4..], history);
        Assert.Contains("186****6666", history);

        var contact = (await Owners().GetAsync(owner)).EmergencyContacts.Single();
        await Owners().RemovePersonAsync(PersonKind.EmergencyContact, contact.Id);
        await Owners().DeleteAsync(owner, (await Owners().GetAsync(owner)).Version);
        history = RawTable("ChangeRecords");
        foreach (var full in new[] { OwnerPhone, OwnerPhone2, NewPhone, MemberPhone, ContactPhone, MemberPhone2, OwnerId, NewId })
            Assert.DoesNotContain(full, history);
    }

    [Fact]
    public async Task Deleting_an_owner_leaves_no_name_phone_or_id_of_theirs_in_history_or_the_access_log()
    {
        var owner = await CreateOwnerAsync("欧阳娜娜");
        await Owners().SavePersonAsync(PersonKind.HouseholdMember, owner, null, "欧阳小明", "儿子", MemberPhone);
        await Owners().SavePersonAsync(PersonKind.EmergencyContact, owner, null, "李大为", "朋友", ContactPhone);
        // The trail an attacker would look for: a reveal, a printed sheet, and an export searched by her name and number.
        await Owners().RevealAsync(SensitiveField.OwnerIdNumber, owner);
        await Owners().SheetAsync(owner);
        var t = _db.Tenant(_db.A1, Roles.ProjectManager);
        await new OwnerExportService(_db.Factory(t), t).ExportAsync(new OwnerListQuery(Search: "欧阳娜娜"), chinese: true);
        await new OwnerExportService(_db.Factory(t), t).ExportAsync(new OwnerListQuery(Search: OwnerPhone), chinese: true);
        await using (var db = _db.Db(t))
        {
            db.OutboxMessages.Add(OutboxMessage.Create(Channel.Sms, OwnerPhone, "验证码", "欧阳娜娜您好，验证码 246810", "otp-1", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        Assert.Contains(Json("欧阳娜娜"), RawTable("ChangeRecords"));
        Assert.Contains("欧阳娜娜", RawTable("SensitiveAccesses"));

        await Owners().DeleteAsync(owner, (await Owners().GetAsync(owner)).Version);

        var everything = RawTable("ChangeRecords") + RawTable("SensitiveAccesses") + RawTable("OutboxMessages");
        foreach (var personal in new[] { "欧阳娜娜", "欧阳小明", "李大为", "nana@example.cn", "腿脚不便", OwnerPhone, OwnerPhone2, MemberPhone, ContactPhone, OwnerId,
                     "139****5678", "136****5432", "137****2222", "136****4444", "1101**********" + OwnerId[^4..] })
        {
            Assert.DoesNotContain(personal, everything);
            Assert.DoesNotContain(Json(personal), everything);
        }
        // What happened stays: the owner and their people were created and deleted, and the logs keep their lines.
        await using var check = _db.Db(_db.Tenant(_db.A1));
        var records = check.ChangeRecords.Where(c => (c.EntityType == nameof(Owner) && c.EntityId == owner) || c.ParentId == owner).ToList();
        Assert.Contains(records, r => r.EntityType == nameof(Owner) && r.Action == ChangeAction.Deleted
            && r.Changes.Single(c => c.Field == "Name").Old == $"已删除业主 #{owner}");
        Assert.Contains(records, r => r.EntityType == nameof(HouseholdMember) && r.Action == ChangeAction.Created
            && r.Changes.Single(c => c.Field == "Relation").New == "儿子" && r.Changes.Single(c => c.Field == "Name").New!.StartsWith("已删除家庭成员 #"));
        Assert.Contains(records, r => r.EntityType == nameof(Owner) && r.Action == ChangeAction.Created && r.Changes.Any(c => c.Field == "Phone" && c.New == null));
        Assert.Equal(4, check.SensitiveAccesses.Count());
        Assert.Contains(check.SensitiveAccesses.ToList(), a => a.Detail?.Contains($"search=已删除业主 #{owner}") == true);
        Assert.Empty(check.OutboxMessages); // the unsent code goes: nobody is there to receive it
    }

    [Fact]
    public async Task Deleting_an_owner_removes_their_portal_account_whose_login_is_their_mobile_and_audits_it()
    {
        var owner = await CreateOwnerAsync("欧阳娜娜");
        await using (var db = _db.Db(null))
        {
            db.Users.Add(new Identity.AppUser { Id = "u-portal", UserName = OwnerPhone, NormalizedUserName = OwnerPhone, DisplayName = "欧阳娜娜", CompanyId = _db.A1.CompanyId, OwnerId = owner });
            db.AccountEvents.Add(new AccountEvent { At = DateTime.UtcNow, Action = AccountAction.Created, TargetUserId = "u-portal", TargetLabel = "业主 139****5678", CompanyId = _db.A1.CompanyId });
            await db.SaveChangesAsync();
        }

        await Owners().DeleteAsync(owner, (await Owners().GetAsync(owner)).Version);

        var rest = RawTable("AspNetUsers") + RawTable("AccountEvents");
        foreach (var personal in new[] { OwnerPhone, "139****5678", "欧阳娜娜" }) Assert.DoesNotContain(personal, rest);
        await using var check = _db.Db(null);
        Assert.False(check.Users.Any(u => u.Id == "u-portal"));
        var events = check.AccountEvents.Where(e => e.TargetUserId == "u-portal").OrderBy(e => e.Id).ToList();
        Assert.Equal([AccountAction.Created, AccountAction.Deleted], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal($"已删除业主 #{owner}", e.TargetLabel));
        Assert.Equal("u-manager", events[1].ActorUserId);
    }

    [Fact]
    public async Task Removing_a_household_member_anonymises_that_member_and_leaves_the_owner_alone()
    {
        var owner = await CreateOwnerAsync("欧阳娜娜");
        await Owners().SavePersonAsync(PersonKind.HouseholdMember, owner, null, "欧阳小明", "儿子", MemberPhone);
        var member = (await Owners().GetAsync(owner)).Members.Single();

        await Owners().RemovePersonAsync(PersonKind.HouseholdMember, member.Id);

        var history = RawTable("ChangeRecords");
        Assert.DoesNotContain(Json("欧阳小明"), history);
        Assert.DoesNotContain("137****2222", history);
        Assert.Contains(Json("欧阳娜娜"), history);
        await using var check = _db.Db(_db.Tenant(_db.A1));
        Assert.Equal(2, check.ChangeRecords.Count(c => c.EntityType == nameof(HouseholdMember) && c.EntityId == member.Id));
    }

    [Fact]
    public async Task A_reveal_a_print_and_an_export_say_from_which_address_the_session_made_them()
    {
        var owner = await CreateOwnerAsync();
        await Owners(ip: "203.0.113.7").RevealAsync(SensitiveField.OwnerPhone, owner);
        await Owners(ip: "2001:db8::5").SheetAsync(owner);
        var t = _db.Tenant(_db.A1, Roles.ProjectManager, userId: "u-exporter");
        t.ClientIp = "198.51.100.9";
        await new OwnerExportService(_db.Factory(t), t).ExportAsync(new OwnerListQuery(), chinese: true);

        await using var check = _db.Db(_db.Tenant(_db.A1));
        var log = check.SensitiveAccesses.OrderBy(a => a.Id).Select(a => a.UserId + "@" + a.ClientIp).ToList();
        Assert.Equal(new[] { "u-manager@203.0.113.7", "u-manager@2001:db8::5", "u-exporter@198.51.100.9" }, log);
    }

    [Fact]
    public void Every_phone_and_id_number_of_a_record_with_history_is_marked_sensitive()
    {
        var unmarked = typeof(Owner).Assembly.GetTypes().Where(t => typeof(IHasHistory).IsAssignableFrom(t) && t.IsClass)
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.PropertyType == typeof(string) && (x.Property.Name.Contains("Phone") || x.Property.Name.Contains("IdNumber") || x.Property.Name.Contains("Mobile")))
            .Where(x => x.Property.GetCustomAttribute<SensitiveAttribute>() == null)
            .Select(x => $"{x.Type.Name}.{x.Property.Name}").ToList();
        Assert.Empty(unmarked);
    }

    /// <summary>Every row of the table as the file holds it.</summary>
    private string RawTable(string table) => RawTable(_db, table);

    /// <summary>Every row of the table as the database holds it (on the provider's own connection, so on PostgreSQL too).</summary>
    internal static string RawTable(TestDatabase database, string table)
    {
        using var db = database.Db(null);
        var c = db.Database.GetDbConnection();
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\"";
        using var r = cmd.ExecuteReader();
        var text = new System.Text.StringBuilder();
        while (r.Read())
            for (var i = 0; i < r.FieldCount; i++) text.Append(r.IsDBNull(i) ? "" : r.GetValue(i).ToString()).Append('|');
        return text.ToString();
    }

    /// <summary>How the history's JSON column stores text (non-ASCII escaped), so a search cannot miss it.</summary>
    private static string Json(string s) => JsonEncodedText.Encode(s).ToString();

    public void Dispose() => _db.Dispose();
}

/// <summary>History written before masking existed, masked in place. The scan is plain EF, so it is checked on every
/// provider (OnPostgreSql.cs); only the SQLite set has the marker migration that makes a start run it.</summary>
public class StoredHistoryMaskingTests : IDisposable
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    /// <summary>A row as the previous build wrote it: full numbers, next to a value that is not personal.</summary>
    internal static readonly List<FieldChange> OldRow =
    [
        new("Phone", "13800138000", "13912345678", SensitiveKind.Phone),
        new("IdNumber", null, PersonalDataTests.OwnerId, SensitiveKind.IdNumber),
        new("Phone2", "", null, SensitiveKind.Phone),
        new("Notes", null, "13912345678 是她女儿的号码"),
    ];

    internal static readonly FieldChange[] MaskedRow =
    [
        new("Phone", "138****8000", "139****5678", SensitiveKind.Phone), new("IdNumber", null, "1101**********" + PersonalDataTests.OwnerId[^4..], SensitiveKind.IdNumber),
        new("Phone2", "", null, SensitiveKind.Phone), new("Notes", null, "13912345678 是她女儿的号码"),
    ];

    /// <summary>Inserted below the data layer (which would mask it), with parameters so the statement is the same on every provider.</summary>
    internal static Task InsertOldRowAsync(AppDbContext db, int projectId, int ownerId, string userName) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ChangeRecords" ("ProjectId","EntityType","EntityId","Action","At","UserName","Changes") VALUES ({projectId}, 'Owner', {ownerId}, {(int)ChangeAction.Updated}, {new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)}, {userName}, {JsonSerializer.Serialize(OldRow, JsonSerializerOptions.Default)})
            """);

    [Fact]
    public async Task Full_numbers_kept_by_an_earlier_build_are_masked_in_place_and_a_second_run_finds_nothing()
    {
        var owner = _db.SeedOwner(_db.A1).Owner;
        await using (var db = _db.Db(null))
        {
            await InsertOldRowAsync(db, _db.A1.Id, owner.Id, "老版本");
            await InsertOldRowAsync(db, _db.B1.Id, owner.Id, "另一公司的老版本"); // every project, not only one
            Assert.Equal(2, await StoredHistoryMasking.RunAsync(db));
            Assert.Equal(0, await StoredHistoryMasking.RunAsync(db));
        }
        await using var check = _db.Db(_db.Tenant(_db.A1));
        Assert.Equal(MaskedRow, check.ChangeRecords.Single(c => c.UserName == "老版本").Changes);
        var raw = PersonalDataTests.RawTable(_db, "ChangeRecords");
        Assert.DoesNotContain("13800138000", raw);
        Assert.DoesNotContain(PersonalDataTests.OwnerId, raw);
    }

    public void Dispose() => _database?.Dispose();
}

/// <summary>SQLite: a database the earlier build left (migrated up to just before the marker, full numbers in its
/// history) is masked by the start that applies the marker, and only by that start: later starts do not scan.</summary>
public sealed class StoredHistoryMarkerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pc-marker-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_start_that_applies_the_marker_masks_old_history_then_switches_to_write_ahead_logging()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_path}").Options;
        await using var db = new AppDbContext(options, null);
        var all = db.Database.GetMigrations().ToList();
        var marker = all.Single(m => m.EndsWith("_" + StoredHistoryMasking.Marker));
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(all[all.IndexOf(marker) - 1]);
        var company = new Domain.Tenancy.Company { Name = "甲物业", Code = "A" };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        var project = new Domain.Tenancy.Project { CompanyId = company.Id, Name = "翠湖花园", Code = "A1" };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        await StoredHistoryMaskingTests.InsertOldRowAsync(db, project.Id, 1, "老版本");

        await StoredHistoryMasking.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(StoredHistoryMaskingTests.MaskedRow, db.ChangeRecords.IgnoreQueryFilters().AsNoTracking().Single(c => c.UserName == "老版本").Changes);
        Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single());

        // Once: a row that somehow still holds a full number after the marker is not the start's business any more
        // (it would mean a bug in masking on write, which PersonalDataTests guards), and no start scans for it.
        await StoredHistoryMaskingTests.InsertOldRowAsync(db, project.Id, 1, "之后");
        await StoredHistoryMasking.MigrateAsync(db);
        Assert.Equal(StoredHistoryMaskingTests.OldRow, db.ChangeRecords.IgnoreQueryFilters().AsNoTracking().Single(c => c.UserName == "之后").Changes);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
