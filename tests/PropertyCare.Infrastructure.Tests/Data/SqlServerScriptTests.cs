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
