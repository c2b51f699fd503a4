using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Tests.Data;

/// <summary>No SQL Server runs here; what can be proven without one is that the SQL Server set's idempotent deployment
/// script (what `dotnet ef migrations script --idempotent` writes) is valid T-SQL for SQL Server 2022 (TSql160).
/// Syntax only: SQL inside EXEC(N'…') is a string to the parser.</summary>
public sealed class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        using var ctx = DesignTimeFactory.Create(DatabaseProvider.SqlServer);
        return ctx.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    private static IList<ParseError> Parse(string script)
    {
        using var reader = new StringReader(script);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        return errors;
    }

    [Fact]
    public void The_idempotent_SQL_Server_script_parses_without_errors()
    {
        var script = IdempotentScript();
        Assert.Contains("CREATE TABLE [RepairOrders]", script);
        Assert.Contains("IF NOT EXISTS", script);
        var errors = Parse(script);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void The_parser_finds_an_error_in_a_broken_script()
    {
        // The same script with one statement broken the way a bad hand edit would: proves the check can fail.
        var broken = IdempotentScript().Replace("CREATE TABLE [RepairOrders] (", "CREATE TABLE [RepairOrders] ((");
        Assert.NotEmpty(Parse(broken));
    }
}

/// <summary>What the parser cannot see and SQL Server refuses at CREATE TABLE: a table reached by two cascading
/// delete paths from the same table, or a cascade cycle (error 1785). Checked on the SQL Server model.</summary>
public sealed class SqlServerCascadePathTests
{
    [Fact]
    public void No_table_is_reached_by_two_cascade_paths()
    {
        using var ctx = DesignTimeFactory.Create(DatabaseProvider.SqlServer);
        var model = ctx.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var tableOf = model.GetEntityTypes().Where(t => t.GetTableName() != null).ToDictionary(t => t, t => t.GetTableName()!);
        var cascades = model.GetEntityTypes().SelectMany(t => t.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade && tableOf.ContainsKey(fk.PrincipalEntityType) && tableOf.ContainsKey(fk.DeclaringEntityType))
            .Select(fk => (From: tableOf[fk.PrincipalEntityType], To: tableOf[fk.DeclaringEntityType], Name: fk.GetConstraintName()))
            .Distinct().ToList();
        var problems = Problems(cascades);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void The_check_finds_a_diamond_and_a_cycle()
    {
        // Project -> Units, Project -> Owners, both -> UnitOwnerships: SQL Server's error 1785.
        Assert.NotEmpty(Problems([("P", "U", "a"), ("P", "O", "b"), ("U", "UO", "c"), ("O", "UO", "d")]));
        Assert.NotEmpty(Problems([("A", "B", "a"), ("B", "A", "b")]));
        Assert.Empty(Problems([("P", "U", "a"), ("U", "UO", "c"), ("O", "X", "d")]));
    }

    private static List<string> Problems(List<(string From, string To, string? Name)> cascades)
    {
        var problems = new List<string>();
        foreach (var start in cascades.Select(c => c.From).Distinct())
        {
            // Every path of cascading deletes from this table; a table reached twice (or the start again) is refused.
            var reached = new Dictionary<string, string>();
            void Walk(string table, string path)
            {
                foreach (var c in cascades.Where(c => c.From == table))
                {
                    var next = $"{path} -> {c.To} ({c.Name})";
                    if (c.To == start) { problems.Add($"cycle: {next}"); continue; }
                    if (reached.TryGetValue(c.To, out var earlier)) { problems.Add($"{c.To}: {earlier} | {next}"); continue; }
                    reached[c.To] = next;
                    Walk(c.To, next);
                }
            }
            Walk(start, start);
        }
        return problems;
    }
}

/// <summary>SQL Server refuses nvarchar(max) as an index or key column (CREATE INDEX fails); SQLite and PostgreSQL
/// accept it, so only this check catches it before a SQL Server's first start. (Wide keys such as Identity's
/// nvarchar(450) pairs only draw a warning there and fail on values over 900 bytes, which GUID ids never reach.)</summary>
public sealed class SqlServerIndexKeyTests
{
    [Fact]
    public void No_indexed_or_key_column_is_nvarchar_max()
    {
        using var ctx = DesignTimeFactory.Create(DatabaseProvider.SqlServer);
        var model = ctx.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var problems = new List<string>();
        foreach (var type in model.GetEntityTypes().Where(t => t.GetTableName() != null))
        foreach (var index in type.GetIndexes().Select(i => (Name: i.GetDatabaseName(), i.Properties))
                     .Concat(type.GetKeys().Select(k => (Name: k.GetName(), k.Properties)))
                     .Concat(type.GetForeignKeys().Select(f => (Name: f.GetConstraintName(), f.Properties))))
        {
            foreach (var p in index.Properties)
                if (p.GetColumnType() is var column && column.Contains("(max)", StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{type.GetTableName()}.{p.GetColumnName()} is {column} in {index.Name}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }
}
