using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Auditing;

/// <summary>个人信息保护: change records written before history was masked hold full phone and ID numbers. At start
/// these are masked in place, once per row (a masked value is left alone), so a backup taken afterwards holds none.
/// Runs below the tenant layer on purpose: it is a one-time data step over every project, not a user's action.</summary>
public static class StoredHistoryMasking
{
    // Only rows with a sensitive value that has no mask character yet; SQLite's JSON functions keep this cheap
    // enough to ask at every start (the answer is empty after the first).
    private const string Candidates = """
        SELECT c."Id", c."Changes" FROM "ChangeRecords" c
        WHERE EXISTS (SELECT 1 FROM json_each(c."Changes") j
            WHERE json_extract(j.value, '$.Sensitive') IS NOT NULL
              AND ((json_extract(j.value, '$.Old') <> '' AND instr(json_extract(j.value, '$.Old'), '*') = 0)
                OR (json_extract(j.value, '$.New') <> '' AND instr(json_extract(j.value, '$.New'), '*') = 0)))
        """;

    /// <summary>Masks every stored full number; returns how many change records were rewritten.</summary>
    public static async Task<int> RunAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return 0;
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        var rows = new List<(long Id, string Json)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = Candidates;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) rows.Add((r.GetInt64(0), r.GetString(1)));
        }
        if (rows.Count == 0) return 0;
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var (id, json) in rows)
        {
            var changes = JsonSerializer.Deserialize<List<FieldChange>>(json, JsonSerializerOptions.Default) ?? [];
            var masked = changes.Select(Mask).ToList();
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """UPDATE "ChangeRecords" SET "Changes" = $changes WHERE "Id" = $id""";
            Add(cmd, "$changes", JsonSerializer.Serialize(masked, JsonSerializerOptions.Default));
            Add(cmd, "$id", id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>The same mask the data layer applies to new records.</summary>
    public static FieldChange Mask(FieldChange c) => c.Sensitive is { } k
        ? c with { Old = c.Old == null ? null : ContactRules.Mask(k, c.Old), New = c.New == null ? null : ContactRules.Mask(k, c.New) }
        : c;

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
