using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

/// <summary>业主档案 beyond a single edit: the owner list's paging, the printed sheet, revealing the right record,
/// the rules for a new owner, linking and unlinking units, household members and emergency contacts, and what
/// deleting an owner takes with it (their portal account, nobody else's).</summary>
public class OwnerRecordTests : IDisposable
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

    private AppDbContext Db() => _db.Db(_db.Tenant(_db.A1));

    private static OwnerDetails NewOwner(string name = "王芳", string? phone = "13912345678", string? idNumber = "510104198001011236") =>
        new(name, IdDocumentType.ResidentIdCard, idNumber, phone, null, null, ContactPreference.Phone, null, null);

    private int AddUnit(string room)
    {
        using var db = Db();
        var b = db.Buildings.Single(x => x.Name == "1栋");
        var u = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 3, Room = room, Area = 90m, Type = "三室两厅", State = UnitState.Occupied };
        db.Units.Add(u);
        db.SaveChanges();
        return u.Id;
    }

    private int AddPerson(PersonKind kind, int ownerId, string name, string phone)
    {
        using var db = Db();
        if (kind == PersonKind.HouseholdMember)
        {
            var m = new HouseholdMember { OwnerId = ownerId, Name = name, Relation = "配偶", Phone = phone };
            db.HouseholdMembers.Add(m);
            db.SaveChanges();
            return m.Id;
        }
        var c = new EmergencyContact { OwnerId = ownerId, Name = name, Relation = "子女", Phone = phone };
        db.EmergencyContacts.Add(c);
        db.SaveChanges();
        return c.Id;
    }

    [Fact]
    public async Task The_owner_list_pages_in_the_order_owners_were_registered_and_a_page_below_one_is_the_first()
    {
        var ids = Enumerable.Range(1, 5).Select(i => _db.SeedOwner(_db.A1, room: $"120{i}", name: $"业主{i}").Owner.Id).ToList();

        var second = await As().ListAsync(new OwnerListQuery(), 2, 2);
        Assert.Equal(ids[2..4], second.Items.Select(o => o.Id));
        Assert.Equal((5, 2), (second.Total, second.PageIndex));
        Assert.Equal(["1栋-1单元-1203"], second.Items[0].Units);

        var first = await As().ListAsync(new OwnerListQuery(), 0, 2);
        Assert.Equal(ids[..2], first.Items.Select(o => o.Id));
        Assert.Equal(1, first.PageIndex);
    }

    [Fact]
    public async Task An_owner_is_read_with_their_own_units_only()
    {
        var zhang = _db.SeedOwner(_db.A1, room: "1201", name: "张伟");
        _db.SeedOwner(_db.A1, room: "1202", name: "李娜");

        var view = await As().GetAsync(zhang.Owner.Id);

        Assert.Equal([zhang.Unit.Id], view.Units.Select(u => u.UnitId));
    }

    [Fact]
    public async Task The_printed_sheet_is_the_chosen_owner_with_full_numbers_for_staff_who_may_reveal_and_the_print_is_logged()
    {
        _db.SeedOwner(_db.A1, room: "1201", name: "张伟", phone: "13800138000");
        var li = _db.SeedOwner(_db.A1, room: "1202", name: "李娜", phone: "13955556666").Owner.Id;
        AddPerson(PersonKind.HouseholdMember, li, "赵一", "13711110001");
        AddPerson(PersonKind.HouseholdMember, li, "赵二", "13711110002");
        AddPerson(PersonKind.EmergencyContact, li, "钱一", "13722220001");
        AddPerson(PersonKind.EmergencyContact, li, "钱二", "13722220002");

        var sheet = await As().SheetAsync(li);

        Assert.Equal(("甲物业", "翠湖花园", "李娜", li), (sheet.Company, sheet.Project, sheet.Owner.Name, sheet.Owner.Id));
        Assert.Equal(("11010519491231002X", "13955556666", (string?)null), (sheet.IdNumber, sheet.Phone, sheet.Phone2));
        Assert.Equal([("赵一", "13711110001"), ("赵二", "13711110002")], sheet.Members.Select(m => (m.Name, m.Phone)));
        Assert.Equal([("钱一", "13722220001"), ("钱二", "13722220002")], sheet.EmergencyContacts.Select(m => (m.Name, m.Phone)));
        using var db = Db();
        var log = Assert.Single(db.SensitiveAccesses);
        Assert.Equal((SensitiveAccessKind.Export, li, "print-full", "u-ServiceDesk"), (log.Kind, log.EntityId, log.Field, log.UserId));
    }

    [Fact]
    public async Task The_printed_sheet_shows_a_second_phone_when_there_is_one()
    {
        var seeded = _db.SeedOwner(_db.A1);
        await As().UpdateAsync(seeded.Owner.Id, seeded.Owner.Version, NewOwner("张伟", "13800138000") with { Phone2 = "13600001111" });
        Assert.Equal("13600001111", (await As().SheetAsync(seeded.Owner.Id)).Phone2);
    }

    [Fact]
    public async Task Revealing_returns_the_number_of_the_record_asked_for()
    {
        var zhang = _db.SeedOwner(_db.A1, room: "1201", name: "张伟").Owner;
        var li = _db.SeedOwner(_db.A1, room: "1202", name: "李娜").Owner;
        await As().UpdateAsync(li.Id, li.Version, NewOwner("李娜", "13955556666") with { Phone2 = "13600001111" });
        AddPerson(PersonKind.HouseholdMember, zhang.Id, "赵一", "13711110001");
        var member = AddPerson(PersonKind.HouseholdMember, li.Id, "赵二", "13711110002");
        AddPerson(PersonKind.EmergencyContact, zhang.Id, "钱一", "13722220001");
        var contact = AddPerson(PersonKind.EmergencyContact, li.Id, "钱二", "13722220002");

        Assert.Equal("13600001111", await As().RevealAsync(SensitiveField.OwnerPhone2, li.Id));
        Assert.Equal("13711110002", await As().RevealAsync(SensitiveField.MemberPhone, member));
        Assert.Equal("13722220002", await As().RevealAsync(SensitiveField.EmergencyContactPhone, contact));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As().RevealAsync(SensitiveField.MemberPhone, member + 100));
    }

    [Fact]
    public async Task A_new_owner_needs_a_phone_an_id_number_and_at_least_one_unit_and_nothing_is_saved_otherwise()
    {
        var seeded = _db.SeedOwner(_db.A1);
        var unit = seeded.Unit.Id;

        var noPhone = await Assert.ThrowsAsync<ValidationException>(() => As().CreateAsync(NewOwner(phone: null), [unit]));
        Assert.Equal("Phone", Assert.Single(noPhone.Errors).Field);
        var noId = await Assert.ThrowsAsync<ValidationException>(() => As().CreateAsync(NewOwner(idNumber: null), [unit]));
        Assert.Equal("IdNumber", Assert.Single(noId.Errors).Field);
        var noUnit = await Assert.ThrowsAsync<ValidationException>(() => As().CreateAsync(NewOwner(), []));
        Assert.Equal("Units", Assert.Single(noUnit.Errors).Field);
        var badPhone = await Assert.ThrowsAsync<ValidationException>(() => As().CreateAsync(NewOwner(phone: "12345"), [unit]));
        Assert.Equal("Phone", Assert.Single(badPhone.Errors).Field);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As().CreateAsync(NewOwner(), [unit, unit + 100]));

        using var db = Db();
        Assert.Equal([seeded.Owner.Id], db.Owners.Select(o => o.Id));
    }

    [Fact]
    public async Task A_new_owner_of_two_units_is_primary_where_nobody_owned_it_yet()
    {
        var seeded = _db.SeedOwner(_db.A1);
        var empty = AddUnit("301");

        var id = await As().CreateAsync(NewOwner(), [seeded.Unit.Id, empty]);

        Assert.Equal([(seeded.Unit.Id, false), (empty, true)], (await As().GetAsync(id)).Units.OrderBy(u => u.UnitId).Select(u => (u.UnitId, u.IsPrimary)));
    }

    [Fact]
    public async Task Linking_a_unit_makes_the_first_owner_primary_and_a_second_link_of_the_same_unit_is_refused()
    {
        var zhang = _db.SeedOwner(_db.A1);
        var empty = AddUnit("301");
        var li = await As().CreateAsync(NewOwner("李娜"), [zhang.Unit.Id]);

        await As().LinkUnitAsync(li, empty);
        await As().LinkUnitAsync(zhang.Owner.Id, empty);

        var unitService = new UnitService(_db.Factory(_db.Tenant(_db.A1)), _db.Tenant(_db.A1));
        Assert.Equal([(li, true), (zhang.Owner.Id, false)], (await unitService.OwnersOfAsync(empty)).Select(o => (o.OwnerId, o.IsPrimary)));
        await Assert.ThrowsAsync<DomainException>(() => As().LinkUnitAsync(li, empty));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As().LinkUnitAsync(li, empty + 100));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As().LinkUnitAsync(li + 100, empty));
        using var db = Db();
        Assert.Equal(2, db.UnitOwnerships.Count(x => x.UnitId == empty));
    }

    [Fact]
    public async Task Unlinking_the_primary_owner_hands_the_unit_to_the_earliest_remaining_co_owner()
    {
        var first = _db.SeedOwner(_db.A1);
        var second = await As().CreateAsync(NewOwner("李娜"), [first.Unit.Id]);
        await As().CreateAsync(NewOwner("王强", "13700001111", "11010519491231002X"), [first.Unit.Id]);
        int primaryLink;
        using (var db = Db()) primaryLink = db.UnitOwnerships.Single(x => x.OwnerId == first.Owner.Id).Id;

        await As().UnlinkUnitAsync(primaryLink);

        using var check = Db();
        Assert.Equal(second, check.UnitOwnerships.Single(x => x.UnitId == first.Unit.Id && x.IsPrimary).OwnerId);
    }

    [Fact]
    public async Task Household_members_and_emergency_contacts_are_saved_edited_and_kept_to_their_owner()
    {
        var zhang = _db.SeedOwner(_db.A1, room: "1201", name: "张伟").Owner.Id;
        var li = _db.SeedOwner(_db.A1, room: "1202", name: "李娜").Owner.Id;
        var liMember = AddPerson(PersonKind.HouseholdMember, li, "赵二", "13711110002");
        var liContact = AddPerson(PersonKind.EmergencyContact, li, "钱二", "13722220002");

        await As().SavePersonAsync(PersonKind.EmergencyContact, zhang, null, " 钱一 ", " 子女 ", " 13722220001 ");
        int contact;
        using (var db = Db()) contact = db.EmergencyContacts.Single(c => c.OwnerId == zhang).Id;
        Assert.Equal("13722220001", await As().RevealAsync(SensitiveField.EmergencyContactPhone, contact));

        // Edited in place, not added.
        await As().SavePersonAsync(PersonKind.EmergencyContact, zhang, contact, "钱一一", "子女", "13722220009");
        using (var db = Db())
        {
            var c = db.EmergencyContacts.Single(x => x.OwnerId == zhang);
            Assert.Equal((contact, "钱一一", "13722220009"), (c.Id, c.Name, c.Phone));
        }

        // Another owner's member or contact cannot be edited through this owner.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As().SavePersonAsync(PersonKind.HouseholdMember, zhang, liMember, "改名", "配偶", null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => As().SavePersonAsync(PersonKind.EmergencyContact, zhang, liContact, "改名", "子女", "13700000000"));
        using var after = Db();
        Assert.Equal(("赵二", "钱二"), (after.HouseholdMembers.Single(m => m.Id == liMember).Name, after.EmergencyContacts.Single(c => c.Id == liContact).Name));
    }

    [Fact]
    public async Task A_stale_delete_is_refused_and_the_owner_stays()
    {
        var seeded = _db.SeedOwner(_db.A1);
        await As().UpdateAsync(seeded.Owner.Id, seeded.Owner.Version, NewOwner("张伟", "13800138000"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => As().DeleteAsync(seeded.Owner.Id, seeded.Owner.Version));
        using var db = Db();
        Assert.Single(db.Owners);
    }

    [Fact]
    public async Task Deleting_an_owner_removes_their_portal_account_only_and_relabels_only_its_events()
    {
        var zhang = _db.SeedOwner(_db.A1, room: "1201", name: "张伟", phone: "13800138000").Owner;
        var li = _db.SeedOwner(_db.A1, room: "1202", name: "李娜", phone: "13955556666").Owner;
        using (var db = Db())
        {
            db.Users.AddRange(
                new AppUser { Id = "owner-zhang", UserName = "13800138000", CompanyId = _db.CompanyA.Id, OwnerId = zhang.Id },
                new AppUser { Id = "owner-li", UserName = "13955556666", CompanyId = _db.CompanyA.Id, OwnerId = li.Id },
                new AppUser { Id = "staff", UserName = "staff", CompanyId = _db.CompanyA.Id });
            db.AccountEvents.AddRange(
                new AccountEvent { Action = AccountAction.Created, TargetUserId = "owner-zhang", TargetLabel = "业主 138****8000", CompanyId = _db.CompanyA.Id },
                new AccountEvent { Action = AccountAction.Created, TargetUserId = "owner-li", TargetLabel = "业主 139****6666", CompanyId = _db.CompanyA.Id },
                new AccountEvent { Action = AccountAction.Created, TargetUserId = null, TargetLabel = "system", CompanyId = _db.CompanyA.Id });
            db.SaveChanges();
        }

        await As().DeleteAsync(zhang.Id, zhang.Version);

        using var check = Db();
        Assert.Equal(["owner-li", "staff"], check.Users.Select(u => u.Id).OrderBy(x => x).ToList());
        var labels = check.AccountEvents.OrderBy(e => e.Id).Select(e => new { e.TargetUserId, e.TargetLabel, e.Action }).ToList();
        Assert.Equal(("业主 139****6666", "system"), (labels[1].TargetLabel, labels[2].TargetLabel));
        // The deleted owner's earlier event and the deletion itself carry the same label, without the number.
        var deletedLabel = labels[0].TargetLabel;
        Assert.DoesNotContain("8000", deletedLabel);
        var deletion = labels.Single(e => e.Action == AccountAction.Deleted);
        Assert.Equal(("owner-zhang", deletedLabel), (deletion.TargetUserId, deletion.TargetLabel));
    }

    public void Dispose() => _db.Dispose();
}
