namespace PropertyCare.Infrastructure.Data;

/// <summary>The deposit ledger is append-only below the application: these triggers make the database itself refuse an
/// UPDATE or DELETE of a ledger row, whoever sends it (a bug, a hand-written script, a compromised service). A mistake
/// is undone by a counter-entry (冲正). Written by hand: no EF feature declares a table append-only. Each provider's
/// migration creates them; the message is the same everywhere so tests and logs can find it.</summary>
public static class LedgerGuard
{
    public const string Table = "DepositLedger";
    public const string Message = "DepositLedger is append-only: rows are never updated or deleted";

    public static readonly string[] Sqlite =
    [
        $"CREATE TRIGGER \"{Table}_NoUpdate\" BEFORE UPDATE ON \"{Table}\" BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
        $"CREATE TRIGGER \"{Table}_NoDelete\" BEFORE DELETE ON \"{Table}\" BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
    ];

    public static readonly string[] SqliteDown = [$"DROP TRIGGER IF EXISTS \"{Table}_NoUpdate\";", $"DROP TRIGGER IF EXISTS \"{Table}_NoDelete\";"];

    public static readonly string[] PostgreSql =
    [
        $"CREATE FUNCTION \"{Table}_append_only\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{Message}'; END; $$;",
        // Row triggers for UPDATE and DELETE, and a statement trigger for TRUNCATE (which row triggers do not see).
        $"CREATE TRIGGER \"{Table}_NoUpdateDelete\" BEFORE UPDATE OR DELETE ON \"{Table}\" FOR EACH ROW EXECUTE FUNCTION \"{Table}_append_only\"();",
        $"CREATE TRIGGER \"{Table}_NoTruncate\" BEFORE TRUNCATE ON \"{Table}\" FOR EACH STATEMENT EXECUTE FUNCTION \"{Table}_append_only\"();",
    ];

    public static readonly string[] PostgreSqlDown =
    [
        $"DROP TRIGGER IF EXISTS \"{Table}_NoTruncate\" ON \"{Table}\";",
        $"DROP TRIGGER IF EXISTS \"{Table}_NoUpdateDelete\" ON \"{Table}\";",
        $"DROP FUNCTION IF EXISTS \"{Table}_append_only\"();",
    ];

    // CREATE TRIGGER must open its batch, and EF's idempotent script puts every statement inside IF … BEGIN … END: so the
    // statement goes through EXEC, which gives it a batch of its own (quotes doubled inside the literal).
    public static readonly string[] SqlServer =
    [
        $"EXEC(N'CREATE TRIGGER [{Table}_AppendOnly] ON [{Table}] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 51000, ''{Message}'', 1; END;');",
    ];

    public static readonly string[] SqlServerDown = [$"DROP TRIGGER IF EXISTS [{Table}_AppendOnly];"];
}
