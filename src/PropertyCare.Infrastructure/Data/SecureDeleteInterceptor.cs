using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PropertyCare.Infrastructure.Data;

/// <summary>个人信息保护: SQLite keeps the bytes of a deleted or rewritten row in the file's free space, and the online
/// backup (infra/backup.sh, <c>.backup</c>) copies free pages too — so a deleted owner's phone and ID number, or the
/// full numbers history held before it was masked, would live on in every backup. With <c>secure_delete</c> SQLite
/// overwrites freed content with zeros. It is a per-connection setting, hence on every open (a pooled connection
/// costs one in-process pragma).</summary>
internal sealed class SecureDeleteInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA secure_delete = ON;";
        cmd.ExecuteNonQuery();
    }
}
