using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Auditing;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Tenancy;

/// <summary>A manager of project A1 tries every owner-record service method on records of project A2
/// (same company) and B1 (another company), by id. Each attempt must fail and change nothing.</summary>
public class ServiceIsolationTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);
    private readonly (Building Building, Unit Unit, Owner Owner) _own;
    private readonly (Building Building, Unit Unit, Owner Owner)[] _foreign;
    private readonly int[] _foreignMembers;

    public ServiceIsolationTests()
    {
        _own = _db.SeedOwner(_db.A1, room: "1201", name: "本项目业主", phone: "13811110000");
        _foreign = [_db.SeedOwner(_db.A2, room: "1201", name: "兄弟项目业主", phone: "13822220000"), _db.SeedOwner(_db.B1, room: "1201", name: "他司业主", phone: "13833330000")];
        _foreignMembers = _foreign.Select(f =>
        {
            using var ctx = _db.Db(_db.Tenant(f.Owner.ProjectId == _db.A2.Id ? _db.A2 : _db.B1));
            var m = new HouseholdMember { OwnerId = f.Owner.Id, Name = "家属", Relation = "配偶", Phone = "13900000000" };
            ctx.HouseholdMembers.Add(m);
            ctx.EmergencyContacts.Add(new EmergencyContact { OwnerId = f.Owner.Id, Name = "联系人", Relation = "兄弟", Phone = "13900000001" });
            ctx.SaveChanges();
            return m.Id;
        }).ToArray();
    }

    private (OwnerService Owners, UnitService Units, HistoryService History, OwnerExportService Export) AsA1Manager()
    {
        var t = _db.Tenant(_db.A1, Roles.ProjectManager);
        var f = _db.Factory(t);
        return (new OwnerService(f, t), new UnitService(f, t), new HistoryService(f, t), new OwnerExportService(f, t));
    }

    /// <summary>Counts of everything an attack could have changed, across all projects.</summary>
    private string Fingerprint()
    {
        using var ctx = _db.Db(null);
        var owners = ctx.Owners.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => o.Id + o.Name + o.Phone + o.Version).ToList();
        var units = ctx.Units.IgnoreQueryFilters().OrderBy(u => u.Id).Select(u => u.Id + u.Room + u.State + u.Version).ToList();
        return string.Join("|", owners.Concat(units)) + $"|links={ctx.UnitOwnerships.IgnoreQueryFilters().Count()}"
            + $"|members={ctx.HouseholdMembers.IgnoreQueryFilters().Count()}|contacts={ctx.EmergencyContacts.IgnoreQueryFilters().Count()}"
            + $"|buildings={string.Join(",", ctx.Buildings.IgnoreQueryFilters().Select(b => b.Name + b.Floors))}"
            + $"|history={ctx.ChangeRecords.IgnoreQueryFilters().Count()}|access={ctx.SensitiveAccesses.IgnoreQueryFilters().Count()}";
    }

    private async Task RefusedAndUnchanged(Func<Task> attack)
    {
        var before = Fingerprint();
        var ex = await Assert.ThrowsAnyAsync<DomainException>(attack);
        Assert.True(ex is RecordNotFoundException or AccessDeniedException or ValidationException, ex.GetType().Name);
        Assert.Equal(before, Fingerprint());
    }

    public static TheoryData<int> Targets => new() { 0, 1 };

    [Theory, MemberData(nameof(Targets))]
    public async Task Reading_and_revealing_a_foreign_owner_fails(int target)
    {
        var (owners, _, _, _) = AsA1Manager();
        var f = _foreign[target];
        await RefusedAndUnchanged(() => owners.GetAsync(f.Owner.Id));
        foreach (var field in new[] { SensitiveField.OwnerPhone, SensitiveField.OwnerPhone2, SensitiveField.OwnerIdNumber })
            await RefusedAndUnchanged(() => owners.RevealAsync(field, f.Owner.Id));
        await RefusedAndUnchanged(() => owners.RevealAsync(SensitiveField.MemberPhone, _foreignMembers[target]));
        int contactId;
        using (var ctx = _db.Db(null)) contactId = ctx.EmergencyContacts.IgnoreQueryFilters().First(c => c.OwnerId == f.Owner.Id).Id;
        await RefusedAndUnchanged(() => owners.RevealAsync(SensitiveField.EmergencyContactPhone, contactId));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Editing_deleting_and_linking_foreign_records_fails(int target)
    {
        var (owners, _, _, _) = AsA1Manager();
        var f = _foreign[target];
        var details = new OwnerDetails("改名", IdDocumentType.ResidentIdCard, null, "13999999999", null, null, ContactPreference.Phone, null, null);
        int linkId;
        using (var ctx = _db.Db(null)) linkId = ctx.UnitOwnerships.IgnoreQueryFilters().First(x => x.OwnerId == f.Owner.Id).Id;

        await RefusedAndUnchanged(() => owners.UpdateAsync(f.Owner.Id, f.Owner.Version, details));
        await RefusedAndUnchanged(() => owners.DeleteAsync(f.Owner.Id, f.Owner.Version));
        await RefusedAndUnchanged(() => owners.LinkUnitAsync(_own.Owner.Id, f.Unit.Id));
        await RefusedAndUnchanged(() => owners.LinkUnitAsync(f.Owner.Id, _own.Unit.Id));
        await RefusedAndUnchanged(() => owners.UnlinkUnitAsync(linkId));
        await RefusedAndUnchanged(() => owners.SavePersonAsync(PersonKind.HouseholdMember, f.Owner.Id, null, "新成员", "子女", null));
        await RefusedAndUnchanged(() => owners.SavePersonAsync(PersonKind.HouseholdMember, _own.Owner.Id, _foreignMembers[target], "改名", "子女", null));
        await RefusedAndUnchanged(() => owners.RemovePersonAsync(PersonKind.HouseholdMember, _foreignMembers[target]));
        await RefusedAndUnchanged(() => owners.CreateAsync(details with { IdNumber = "11010519491231002X" }, [f.Unit.Id]));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Foreign_units_buildings_and_history_are_invisible(int target)
    {
        var (_, units, history, _) = AsA1Manager();
        var f = _foreign[target];
        await RefusedAndUnchanged(() => units.GetAsync(f.Unit.Id));
        await RefusedAndUnchanged(() => units.SaveUnitAsync(f.Unit.Id, f.Unit.Version, new UnitDetails(_own.Building.Id, "1", 3, "301", 90, "", UnitState.Vacant)));
        await RefusedAndUnchanged(() => units.SaveUnitAsync(null, 0, new UnitDetails(f.Building.Id, "1", 3, "399", 90, "", UnitState.Vacant)));
        await RefusedAndUnchanged(() => units.SaveBuildingAsync(f.Building.Id, "被改名", 10, f.Building.Version));
        Assert.Empty(await units.OwnersOfAsync(f.Unit.Id));
        Assert.Equal(0, (await history.ForRecordAsync(nameof(Owner), f.Owner.Id, 1, 10)).Total);
        Assert.Equal(0, (await history.ForRecordAsync(nameof(Unit), f.Unit.Id, 1, 10)).Total);
    }

    [Fact]
    public async Task Lists_searches_and_exports_hold_only_the_current_project()
    {
        var (owners, units, _, export) = AsA1Manager();
        var list = await owners.ListAsync(new OwnerListQuery("1201"), 1, 100);
        Assert.Equal([_own.Owner.Id], list.Items.Select(o => o.Id));
        Assert.Equal([_own.Unit.Id], (await units.FindAsync("1201")).Select(u => u.UnitId));
        Assert.Equal([_own.Unit.Id], (await units.ListAsync(new UnitListQuery("1201"), 1, 100)).Items.Select(u => u.Id));
        Assert.Equal(["1栋"], (await units.BuildingsAsync()).Select(b => b.Name));

        var sheet = XlsxReader.ReadFirstSheet(new MemoryStream(await export.ExportAsync(new OwnerListQuery(), chinese: true)));
        var names = sheet.Skip(1).Where(r => r.Length > 0).Select(r => r[0]).ToList();
        Assert.Equal(["本项目业主"], names);
        Assert.DoesNotContain(sheet.SelectMany(r => r), c => c.Contains("13822220000") || c.Contains("13833330000"));
    }

    public void Dispose() => _db.Dispose();
}
