using Microsoft.Data.SqlClient;

namespace PropertyCare.Infrastructure.Data;

/// <summary>The start lock on SQL Server: sp_getapplock with a session owner, on a connection of its own to `master`
/// (the application database may not exist yet), named after the application database. Ends with the session, so a
/// killed instance leaves no lock behind. Not run here (no SQL Server on this machine); PostgreSQL's twin is tested.</summary>
internal sealed class SqlServerStartupLock(SqlConnection connection, string resource) : IAsyncDisposable
{
    public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, CancellationToken ct)
    {
        var target = new SqlConnectionStringBuilder(connectionString);
        var resource = "PropertyCare start " + target.InitialCatalog;
        var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var cmd = new SqlCommand(
                "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @timeout; SELECT @r;",
                connection) { CommandTimeout = (int)StartupLock.Wait.TotalSeconds + 30 };
            cmd.Parameters.AddWithValue("resource", resource);
            cmd.Parameters.AddWithValue("timeout", (int)StartupLock.Wait.TotalMilliseconds);
            var result = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
            if (result < 0) throw new InvalidOperationException($"Another instance held the start lock '{resource}' for longer than {StartupLock.Wait} (sp_getapplock {result}).");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new SqlServerStartupLock(connection, resource);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var cmd = new SqlCommand("EXEC sp_releaseapplock @Resource = @resource, @LockOwner = 'Session';", connection);
            cmd.Parameters.AddWithValue("resource", resource);
            await cmd.ExecuteNonQueryAsync();
        }
        finally { await connection.DisposeAsync(); }
    }
}
