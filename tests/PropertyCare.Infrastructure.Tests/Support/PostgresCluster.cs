using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PropertyCare.Infrastructure.Tests.Support;

/// <summary>A throwaway PostgreSQL cluster for the test run: initdb into a temp folder, started on a free port bound to
/// 127.0.0.1 (socket in that folder), shared by every test class of the process, stopped and deleted when the process
/// exits. Needs no running server, only Debian's `postgresql` binaries (.ci/setup installs them). As root the
/// cluster runs as the `postgres` user, because PostgreSQL refuses to run as root.</summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's cluster, started on first use.</summary>
    public static PostgresCluster Instance => Shared.Value;

    private readonly string _dir;
    private readonly string _bin;
    public int Port { get; }

    private PostgresCluster(string dir, string bin, int port) => (_dir, _bin, Port) = (dir, bin, port);

    /// <summary>A connection string for a database of this cluster; EF's Migrate creates it when missing.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>A fresh, unique database name (created by the first migration).</summary>
    public static string NewDatabaseName(string prefix = "pc") => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>Drops a database, closing what the pool still holds open.</summary>
    public void Drop(string database)
    {
        using (var c = new NpgsqlConnection(ConnectionString(database))) NpgsqlConnection.ClearPool(c);
        using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        admin.Open();
        using var cmd = admin.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }

    private static PostgresCluster Start()
    {
        var bin = BinDirectory();
        var root = Path.Combine(Path.GetTempPath(), $"pc-pg-{Guid.NewGuid():N}"[..18]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["-R", "postgres:postgres", root], false);
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        int port;
        for (var attempt = 1; ; attempt++)
        {
            // The free port is free when asked; another process may take it before the server binds, so try again.
            port = FreePort();
            // fsync off: a throwaway cluster need not survive a power cut, and the tests run much faster without it.
            var options = $"-k {root} -p {port} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            try { Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "log"), "-o", options, "-w", "-s", "start"], asRoot); break; }
            catch (InvalidOperationException) when (attempt < 3) { }
        }
        var cluster = new PostgresCluster(root, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);
        Watch(root, data, bin, asRoot);
        return cluster;
    }

    /// <summary>The test host may be ended right after ProcessExit starts (or killed outright), so a detached watcher
    /// stops the cluster and deletes its folder once this process is gone, whatever way it went.</summary>
    private static void Watch(string root, string data, string bin, bool asRoot)
    {
        var pgCtl = (asRoot ? "runuser -u postgres -- " : "") + $"'{Path.Combine(bin, "pg_ctl")}'";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; " +
                     $"[ -f '{data}/postmaster.pid' ] && {pgCtl} -D '{data}' -m immediate -w -s stop; rm -rf '{root}'";
        var psi = new ProcessStartInfo("setsid") { ArgumentList = { "sh", "-c", script }, RedirectStandardOutput = true, RedirectStandardError = true };
        Process.Start(psi);
    }

    private void Stop(bool asRoot)
    {
        try { Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "-s", "stop"], asRoot); }
        // rm in its own process: the test host may be ended soon after ProcessExit, and a half-deleted folder would stay.
        finally { Run("rm", ["-rf", _dir], false); }
    }

    /// <summary>Debian keeps the server binaries off the PATH, under /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
    private static string BinDirectory()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } env) return env;
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
        return debian ?? onPath ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) not found: run .ci/setup (installs Debian's postgresql).");
    }

    /// <summary>A loopback port nobody listens on now. One copy for every test project: this file is linked into the
    /// E2E, Web and benchmark projects too.</summary>
    internal static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static void Run(string file, string[] args, bool asPostgres)
    {
        var psi = asPostgres ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", file } } : new ProcessStartInfo(file);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardError = true;
        psi.RedirectStandardOutput = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        // pg_ctl's server writes to its log file, not to these pipes, so reading them to the end returns.
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"{file} did not finish"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {err.Result}{output.Result}");
    }
}
