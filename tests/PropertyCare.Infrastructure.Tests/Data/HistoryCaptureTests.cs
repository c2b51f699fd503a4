using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Data;

/// <summary>What SaveChanges writes into a record's history (who, when, what): only the fields that really changed,
/// no "before" on a creation and no "after" on a deletion, masked personal numbers — and the change is never stored
/// without its history.</summary>
public class HistoryCaptureTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private List<ChangeRecord> HistoryOf(int ownerId)
    {
        using var ctx = _db.Db(null);
        return ctx.ChangeRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.EntityType == nameof(Owner) && r.EntityId == ownerId).OrderBy(r => r.Id).ToList();
    }

    private int AddOwner()
    {
        using var ctx = _db.Db(_db.Tenant(_db.A1));
        var owner = new Owner { Name = "张伟", IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = "13800138000" };
        ctx.Owners.Add(owner);
        ctx.SaveChanges();
        return owner.Id;
    }

    [Fact]
    public void A_creation_records_each_filled_field_as_new_with_no_before_and_leaves_out_empty_fields()
    {
        var id = AddOwner();

        var created = Assert.Single(HistoryOf(id));
        Assert.Equal(ChangeAction.Created, created.Action);
        Assert.All(created.Changes, c => Assert.Null(c.Old));
        Assert.All(created.Changes, c => Assert.NotNull(c.New));
        // Phone2, Email and the other empty fields are not "changed from nothing to nothing".
        Assert.DoesNotContain(created.Changes, c => c.Field == nameof(Owner.Phone2));
        var phone = Assert.Single(created.Changes, c => c.Field == nameof(Owner.Phone));
        Assert.Equal((null, ContactRules.MaskPhone("13800138000"), (SensitiveKind?)SensitiveKind.Phone), (phone.Old, phone.New, phone.Sensitive));
    }

    [Fact]
    public void A_deletion_records_the_last_values_as_before_with_no_after()
    {
        var id = AddOwner();
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            ctx.Owners.Remove(ctx.Owners.Single(o => o.Id == id));
            ctx.SaveChanges();
        }

        var deleted = HistoryOf(id).Last();
        Assert.Equal(ChangeAction.Deleted, deleted.Action);
        Assert.All(deleted.Changes, c => Assert.Null(c.New));
        var phone = Assert.Single(deleted.Changes, c => c.Field == nameof(Owner.Phone));
        Assert.Equal(ContactRules.MaskPhone("13800138000"), phone.Old);
    }

    [Fact]
    public void An_update_records_only_the_fields_whose_value_changed_even_when_others_are_marked_modified()
    {
        var id = AddOwner();
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            var owner = ctx.Owners.Single(o => o.Id == id);
            owner.Name = "张伟伟";
            // Written back with the same value, as a form that posts every field does.
            ctx.Entry(owner).Property(o => o.Phone).IsModified = true;
            ctx.SaveChanges();
        }

        var updated = HistoryOf(id).Last();
        Assert.Equal(ChangeAction.Updated, updated.Action);
        Assert.Equal([new FieldChange(nameof(Owner.Name), "张伟", "张伟伟")], updated.Changes);
    }

    [Fact]
    public void Saving_a_row_without_a_real_change_writes_no_history()
    {
        var id = AddOwner();
        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            ctx.Entry(ctx.Owners.Single(o => o.Id == id)).State = EntityState.Modified;
            ctx.SaveChanges();
        }

        Assert.Single(HistoryOf(id));
    }

    [Fact]
    public void A_change_whose_history_cannot_be_written_is_not_stored_either()
    {
        var id = AddOwner();
        using (var ctx = _db.Db(null))
        {
            var table = ctx.Model.FindEntityType(typeof(ChangeRecord))!.GetTableName();
            // The database refuses any further history row, as a full disk or a lost connection would.
            ctx.Database.ExecuteSqlRaw($"CREATE TRIGGER no_history BEFORE INSERT ON \"{table}\" BEGIN SELECT RAISE(ABORT, 'history refused'); END;");
        }

        using (var ctx = _db.Db(_db.Tenant(_db.A1)))
        {
            ctx.Owners.Single(o => o.Id == id).Name = "李四";
            Assert.ThrowsAny<DbUpdateException>(() => ctx.SaveChanges());
        }

        using var check = _db.Db(null);
        Assert.Equal("张伟", check.Owners.IgnoreQueryFilters().Single(o => o.Id == id).Name);
    }

    [Fact]
    public void Rows_only_read_past_the_filter_do_not_stop_a_save_outside_any_project()
    {
        _db.SeedOwner(_db.A1);
        // A platform job with no project reads owners of every project (tracked) and records something that is
        // not a project's: reading is not writing, so the tenant guard lets it through.
        using var ctx = _db.Db(_db.Tenant(null));
        Assert.NotEmpty(ctx.Owners.IgnoreQueryFilters().ToList());
        ctx.Companies.Add(new Company { Name = "丙物业", Code = "C" });
        ctx.SaveChanges();

        using var check = _db.Db(null);
        Assert.Equal(3, check.Companies.Count());
    }

    public void Dispose() => _db.Dispose();
}
