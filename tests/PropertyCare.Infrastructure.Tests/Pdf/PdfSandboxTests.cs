using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PropertyCare.Infrastructure.Pdf;

namespace PropertyCare.Infrastructure.Tests.Pdf;

/// <summary>The printed HTML carries user text (descriptions, names). If a crafted text ever slipped past encoding,
/// the print browser must neither run it nor reach the network with it (the server's own loopback services included).
/// Written as an attacker would try it: a script that writes text, and requests to a listener on the same machine.</summary>
public sealed class PdfSandboxTests
{
    private static PdfRenderer Renderer() => new(new ConfigurationBuilder().Build(), NullLogger<PdfRenderer>.Instance);

    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pc-sandbox-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", $"{file} -") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        finally { File.Delete(file); }
    }

    /// <summary>Counts every connection made to a loopback port, whatever the protocol.</summary>
    private sealed class Listener : IDisposable
    {
        private readonly TcpListener _tcp = new(IPAddress.Loopback, 0);
        private int _connections;
        public Listener()
        {
            _tcp.Start();
            _ = AcceptAsync();
        }
        public int Port => ((IPEndPoint)_tcp.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref _connections);
        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _tcp.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                    var stream = client.GetStream();
                    var reply = "HTTP/1.1 200 OK\r\nContent-Type: text/css\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray();
                    await stream.WriteAsync(reply);
                }
            }
            catch (Exception) { /* stopped */ }
        }
        public void Dispose() => _tcp.Stop();
    }

    [Fact]
    public async Task Scripts_in_the_printed_html_do_not_run()
    {
        await using var pdf = Renderer();
        Assert.True(pdf.IsAvailable, "Chromium is needed for this test: run .ci/setup");
        var html = """
            <!DOCTYPE html><html><body><p>维修单正文</p>
            <p id="x"></p>
            <script>document.getElementById('x').textContent = 'SCRIPTRAN';document.write('<p>SCRIPTWROTE</p>');</script>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="document.body.append('HANDLERRAN')">
            </body></html>
            """;
        var text = PdfText(await pdf.RenderAsync(html, new PdfPageSetup("甲", "乙", "表")));
        Assert.Contains("维修单正文", text);
        Assert.DoesNotContain("SCRIPTRAN", text);
        Assert.DoesNotContain("SCRIPTWROTE", text);
        Assert.DoesNotContain("HANDLERRAN", text);
    }

    [Fact]
    public async Task The_print_browser_makes_no_network_request_not_even_to_loopback()
    {
        using var listener = new Listener();
        var url = $"http://127.0.0.1:{listener.Port}";
        await using var pdf = Renderer();
        Assert.True(pdf.IsAvailable, "Chromium is needed for this test: run .ci/setup");
        var html = $$"""
            <!DOCTYPE html><html><head>
            <link rel="stylesheet" href="{{url}}/style.css">
            <style>@import url("{{url}}/import.css"); body { background: url("{{url}}/bg.png"); }
            @font-face { font-family: x; src: url("{{url}}/font.woff2"); } p { font-family: x; }</style>
            </head><body><p>照片</p>
            <img src="{{url}}/x.png"><iframe src="{{url}}/frame"></iframe>
            <script>fetch('{{url}}/fetch'); new Image().src = '{{url}}/img2';</script>
            </body></html>
            """;
        var text = PdfText(await pdf.RenderAsync(html, new PdfPageSetup("甲", "乙", "表")));
        Assert.Contains("照片", text);
        await Task.Delay(300); // a late request would still be counted
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task Inline_data_images_still_print()
    {
        await using var pdf = Renderer();
        Assert.True(pdf.IsAvailable, "Chromium is needed for this test: run .ci/setup");
        // A 1×1 red PNG, inlined as photos on printed forms would be.
        const string png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
        var html = $"<!DOCTYPE html><html><body><p>照片</p><img style=\"width:200px;height:200px\" src=\"data:image/png;base64,{png}\"></body></html>";
        var bytes = await pdf.RenderAsync(html, new PdfPageSetup("甲", "乙", "表"));
        var file = Path.Combine(Path.GetTempPath(), $"pc-sandbox-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdfimages", $"-list {file}") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var list = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.Contains("image", list.Split('\n').Skip(2).FirstOrDefault() ?? "");
        }
        finally { File.Delete(file); }
    }
}
