namespace PropertyCare.Infrastructure.Data;

/// <summary>Report snapshots (周报表/月报表, issue 15 Part C) are immutable below the application, like the deposit ledger
/// (<see cref="LedgerGuard"/>): these triggers make the database refuse an UPDATE or DELETE of a QualityReports row,
/// whoever sends it. What HQ saw on Monday stays what it was; a wrong report is followed by the next one, never edited.
/// Each provider's migration creates them (migrationBuilder.Sql over these arrays).</summary>
public static class QualityReportGuard
{
    public const string Table = "QualityReports";
    public const string Message = "QualityReports are immutable: rows are never updated or deleted";

    public static readonly string[] Sqlite =
    [
        $"CREATE TRIGGER \"{Table}_NoUpdate\" BEFORE UPDATE ON \"{Table}\" BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
        $"CREATE TRIGGER \"{Table}_NoDelete\" BEFORE DELETE ON \"{Table}\" BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
    ];

    public static readonly string[] SqliteDown = [$"DROP TRIGGER IF EXISTS \"{Table}_NoUpdate\";", $"DROP TRIGGER IF EXISTS \"{Table}_NoDelete\";"];

    public static readonly string[] PostgreSql =
    [
        $"CREATE FUNCTION \"{Table}_immutable\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{Message}'; END; $$;",
        $"CREATE TRIGGER \"{Table}_NoUpdateDelete\" BEFORE UPDATE OR DELETE ON \"{Table}\" FOR EACH ROW EXECUTE FUNCTION \"{Table}_immutable\"();",
        $"CREATE TRIGGER \"{Table}_NoTruncate\" BEFORE TRUNCATE ON \"{Table}\" FOR EACH STATEMENT EXECUTE FUNCTION \"{Table}_immutable\"();",
    ];

    public static readonly string[] PostgreSqlDown =
    [
        $"DROP TRIGGER IF EXISTS \"{Table}_NoTruncate\" ON \"{Table}\";",
        $"DROP TRIGGER IF EXISTS \"{Table}_NoUpdateDelete\" ON \"{Table}\";",
        $"DROP FUNCTION IF EXISTS \"{Table}_immutable\"();",
    ];

    public static readonly string[] SqlServer =
    [
        $"EXEC(N'CREATE TRIGGER [{Table}_Immutable] ON [{Table}] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 51000, ''{Message}'', 1; END;');",
    ];

    public static readonly string[] SqlServerDown = [$"DROP TRIGGER IF EXISTS [{Table}_Immutable];"];
}
