using System.Diagnostics;
using System.Net;

namespace PropertyCare.Web.Tests;

/// <summary>The built app started as child processes (the kill -9 and two-instance tests need real processes):
/// launched on a loopback port with the given settings, waited for until /health answers, their output kept for
/// the failure message.</summary>
internal sealed class AppProcesses
{
    private readonly System.Text.StringBuilder _log = new();

    public string Log { get { lock (_log) return _log.ToString(); } }

    public static string FreeUrl() => $"http://127.0.0.1:{PropertyCare.Infrastructure.Tests.Support.PostgresCluster.FreePort()}";

    /// <summary>Development environment with the demo data and a fast job poll; <paramref name="settings"/> on top.</summary>
    public Process Launch(string url, IReadOnlyDictionary<string, string?> settings, string? name = null)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var web = Path.Combine(here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "src", "PropertyCare.Web", "bin", here.Parent.Name, here.Name);
        var psi = new ProcessStartInfo(Path.Combine(web, "PropertyCare.Web"))
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_URLS"] = url;
        foreach (var (key, value) in settings) psi.Environment[key.Replace(":", "__")] = value;
        psi.Environment["PropertyCare__DemoData"] = "true";
        psi.Environment["PropertyCare__Jobs__PollMs"] = "500";
        var app = Process.Start(psi)!;
        var prefix = name == null ? "" : $"[{name}] ";
        app.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(prefix + e.Data); };
        app.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(prefix + e.Data); };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        return app;
    }

    public async Task WaitHealthyAsync(Process app, string url, TimeSpan timeout)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited) throw new InvalidOperationException($"The app at {url} exited ({app.ExitCode}):\n" + Log);
            try { if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        app.Kill();
        throw new TimeoutException($"The app at {url} did not become healthy:\n" + Log);
    }
}
