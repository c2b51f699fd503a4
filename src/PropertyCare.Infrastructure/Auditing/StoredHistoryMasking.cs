using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Auditing;

/// <summary>个人信息保护: change records written before history was masked hold full phone and ID numbers. They are
/// masked in place once, so a backup taken afterwards holds none.
/// <para>"Once" is the SQLite migration <see cref="Marker"/>: it changes no schema, it only marks the point in the
/// history at which stored history is masked. A start that finds it pending migrates up to just before it, masks,
/// then migrates on; if the masking fails the marker stays pending and the next start masks again. History written
/// before masking can only be in a SQLite database (the SQL Server and PostgreSQL sets begin after masking on
/// write), so their sets have no marker and never pay for the scan. The scan itself is plain EF (no
/// provider-specific SQL) and runs below the tenant layer on purpose: a one-time data step over every project,
/// not a user's action.</para></summary>
public static class StoredHistoryMasking
{
    /// <summary>The marker migration's name (its id is the timestamp + "_" + this).</summary>
    public const string Marker = "MaskStoredHistory";

    private const int Batch = 500;

    /// <summary>Migrates the database; masks stored history first when the marker migration is among the pending.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
        var marker = pending.FirstOrDefault(m => m.EndsWith("_" + Marker, StringComparison.Ordinal));
        if (marker != null)
        {
            var before = db.Database.GetMigrations().TakeWhile(m => m != marker).LastOrDefault();
            if (before != null) await db.GetService<IMigrator>().MigrateAsync(before, ct);
            await RunAsync(db, ct);
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Masks every stored full number; returns how many change records were rewritten (0 when none is
    /// left, so running it again is harmless).</summary>
    public static async Task<int> RunAsync(AppDbContext db, CancellationToken ct = default)
    {
        var rewritten = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (long after = 0; ; )
        {
            var rows = await db.ChangeRecords.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Id > after).OrderBy(c => c.Id).Take(Batch)
                .Select(c => new { c.Id, c.Changes }).ToListAsync(ct);
            if (rows.Count == 0) break;
            foreach (var row in rows)
            {
                var masked = row.Changes.Select(MaskStored).ToList();
                if (masked.SequenceEqual(row.Changes)) continue;
                // Set-based update: bypasses SaveChanges on purpose (no tenant, and no history of the history).
                await db.ChangeRecords.IgnoreQueryFilters().Where(c => c.Id == row.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Changes, masked), ct);
                rewritten++;
            }
            after = rows[^1].Id;
        }
        await tx.CommitAsync(ct);
        return rewritten;
    }

    /// <summary>The same mask the data layer applies to new records.</summary>
    public static FieldChange Mask(FieldChange c) => c.Sensitive is { } k
        ? c with { Old = c.Old == null ? null : ContactRules.Mask(k, c.Old), New = c.New == null ? null : ContactRules.Mask(k, c.New) }
        : c;

    // A value that already carries the mask character was written masked: left as it is.
    private static FieldChange MaskStored(FieldChange c) => c.Sensitive is { } k
        ? c with { Old = Unmasked(c.Old) ? ContactRules.Mask(k, c.Old!) : c.Old, New = Unmasked(c.New) ? ContactRules.Mask(k, c.New!) : c.New }
        : c;

    private static bool Unmasked(string? value) => !string.IsNullOrEmpty(value) && !value.Contains('*');
}
