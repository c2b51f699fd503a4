using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Data;

public partial class AppDbContext
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        GuardTenant();
        await GuardStoredProjectAsync(ct);
        BumpVersions();
        var pending = CaptureHistory();
        try
        {
            if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            // History must be written with the change or not at all.
            var ownTx = Database.CurrentTransaction == null;
            await using var tx = ownTx ? await Database.BeginTransactionAsync(ct) : null;
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            foreach (var (entry, record) in pending) record.EntityId = ((IHasHistory)entry.Entity).Id;
            foreach (var (entry, record) in pending)
                if (((IHasHistory)entry.Entity).HistoryParent is { } p) { record.ParentType = p.Type; record.ParentId = p.Id; }
            ChangeRecords.AddRange(pending.Select(p => p.Record));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (tx != null) await tx.CommitAsync(ct);
            return n;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private void GuardTenant()
    {
        foreach (var e in ChangeTracker.Entries<ITenantOwned>())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var current = _tenant?.ProjectId
                ?? throw new TenantViolationException($"No project is selected; refusing to save {e.Entity.GetType().Name}.");
            if (e.State == EntityState.Added && e.Entity.ProjectId == 0) e.Entity.ProjectId = current;
            var original = e.State == EntityState.Added ? e.Entity.ProjectId : e.Property(x => x.ProjectId).OriginalValue;
            if (original != current || e.Entity.ProjectId != current)
                throw new TenantViolationException($"{e.Entity.GetType().Name} belongs to project {original}, not the current project {current}.");
        }
    }

    /// <summary>The tracker's original ProjectId is only what the entity said when it was attached: an entity built by
    /// hand with another project's key and the current project's id (Update, or Attach and change) would pass the check
    /// above and overwrite that project's row. So every row about to be updated or deleted must be stored in the current
    /// project (one keyed read per row; writes change a few rows at a time, imports add rather than change).</summary>
    private async Task GuardStoredProjectAsync(CancellationToken ct)
    {
        var current = _tenant?.ProjectId;
        foreach (var e in ChangeTracker.Entries<ITenantOwned>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).ToList())
        {
            // A row that is gone is left to the concurrency check (it fails the save as a conflict, as before).
            if (await e.GetDatabaseValuesAsync(ct) is not { } stored) continue;
            var storedProject = stored.GetValue<int>(nameof(ITenantOwned.ProjectId));
            if (storedProject != current)
                throw new TenantViolationException($"{e.Entity.GetType().Name} is stored in project {storedProject}, not the current project {current}.");
        }
    }

    private void BumpVersions()
    {
        foreach (var e in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            e.Entity.Version++;
    }

    private List<(EntityEntry Entry, ChangeRecord Record)> CaptureHistory()
    {
        var list = new List<(EntityEntry, ChangeRecord)>();
        var now = DateTime.UtcNow;
        foreach (var e in ChangeTracker.Entries<IHasHistory>())
        {
            var action = e.State switch
            {
                EntityState.Added => ChangeAction.Created,
                EntityState.Modified => ChangeAction.Updated,
                EntityState.Deleted => ChangeAction.Deleted,
                _ => (ChangeAction?)null,
            };
            if (action == null) continue;
            var changes = FieldChanges(e, action.Value);
            if (action == ChangeAction.Updated && changes.Count == 0) continue;
            list.Add((e, new ChangeRecord
            {
                ProjectId = ((ITenantOwned)e.Entity).ProjectId,
                EntityType = e.Entity.GetType().Name,
                EntityId = e.Entity.Id,
                Action = action.Value,
                At = now,
                UserId = _tenant?.User?.UserId,
                UserName = _tenant?.User?.DisplayName ?? "系统",
                Changes = changes,
            }));
        }
        return list;
    }

    private static readonly HashSet<string> Untracked = ["Id", "ProjectId", "Version"];

    private static List<FieldChange> FieldChanges(EntityEntry e, ChangeAction action)
    {
        var result = new List<FieldChange>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (Untracked.Contains(name) || p.Metadata.IsShadowProperty()) continue;
            // A JSON column (a list of lines, fees, loans) is recorded as its stored JSON text.
            var json = p.Metadata.GetValueConverter() is { ProviderClrType: var t } c && t == typeof(string) && p.Metadata.ClrType != typeof(string) ? c : null;
            var old = action == ChangeAction.Created ? null : Format(p.OriginalValue, json);
            var @new = action == ChangeAction.Deleted ? null : Format(p.CurrentValue, json);
            if (action == ChangeAction.Updated && (!p.IsModified || old == @new)) continue;
            if (old == null && @new == null) continue;
            var kind = p.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>()?.Kind;
            // 个人信息保护: history is kept for years and goes into every backup, so it never holds a full phone or
            // ID number — only the mask the owner pages show. The change itself is compared above on the full values.
            if (kind is { } k) { old = old == null ? null : ContactRules.Mask(k, old); @new = @new == null ? null : ContactRules.Mask(k, @new); }
            result.Add(new FieldChange(name, old, @new, kind));
        }
        return result;
    }

    private static string? Format(object? v, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? json) => v switch
    {
        null => null,
        _ when json != null => (string?)json.ConvertToProvider(v),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        Enum en => en.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
