using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PropertyCare.Infrastructure.Data;

/// <summary>The start lock on PostgreSQL: a session advisory lock, held on a connection of its own until the start
/// is done (a killed instance's session ends, and the lock with it). It is taken in the maintenance database
/// `postgres`, because the application database may not exist yet (the first migration creates it), keyed by the
/// application database's name so instances of different databases do not wait on each other. Where the account
/// may not connect to `postgres`, the lock is taken in the application database itself (which then must exist).</summary>
internal sealed class PostgreSqlStartupLock(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var key = Key(target.Database ?? target.Username ?? "");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        NpgsqlConnection connection;
        try { connection = await OpenAsync(maintenance.ConnectionString, ct); }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            connection = await OpenAsync(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString, ct);
        }
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = (int)StartupLock.Wait.TotalSeconds };
            cmd.Parameters.AddWithValue("key", key);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new PostgreSqlStartupLock(connection, key);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try { await connection.OpenAsync(ct); return connection; }
        catch { await connection.DisposeAsync(); throw; }
    }

    /// <summary>A stable 64-bit key per database name (string.GetHashCode differs per process).</summary>
    private static long Key(string database) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("PropertyCare start " + database)), 0);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            cmd.Parameters.AddWithValue("key", key);
            await cmd.ExecuteNonQueryAsync();
        }
        finally { await connection.DisposeAsync(); } // closing the session releases the lock in any case
    }
}
