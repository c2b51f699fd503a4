using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace PropertyCare.Infrastructure.Pdf;

/// <summary>Prints HTML to PDF with headless Chromium (decision 0005). One warm browser for the whole
/// app, pages reused from a pool, at most <see cref="MaxConcurrent"/> renders at once, each with a
/// time-out. The print page is a sandbox: JavaScript is off and every request leaves no further than
/// <see cref="SealAsync"/> (only the HTML we set and inline data: images print), so a crafted text that ever slipped
/// past encoding could neither run nor reach the network or the server's own loopback services.
/// Uses Debian's Chromium — browsers cannot be downloaded here, so `playwright install` is never run.</summary>
public sealed class PdfRenderer(IConfiguration config, ILogger<PdfRenderer> log) : IAsyncDisposable
{
    public const int MaxConcurrent = 2;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _slots = new(MaxConcurrent, MaxConcurrent);
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly ConcurrentBag<IPage> _pages = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The Chromium binary: the configured one (PropertyCare:ChromiumPath, else PROPERTYCARE_CHROMIUM) if set —
    /// a configured path that does not exist means "not available", not "look elsewhere" — else the usual Debian paths.</summary>
    public string? ChromiumPath
    {
        get
        {
            var configured = config["PropertyCare:ChromiumPath"] ?? Environment.GetEnvironmentVariable("PROPERTYCARE_CHROMIUM");
            if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
            return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        }
    }

    public bool IsAvailable => ChromiumPath != null;

    public async Task<byte[]> RenderAsync(string html, PdfPageSetup setup, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        await _slots.WaitAsync(timeout.Token);
        IPage? page = null;
        try
        {
            page = await TakePageAsync(timeout.Token);
            var ms = (float)Timeout.TotalMilliseconds;
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = ms });
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Landscape = setup.Landscape,
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = setup.HeaderHtml,
                FooterTemplate = setup.FooterHtml,
                Margin = new Margin { Top = "22mm", Bottom = "18mm", Left = "14mm", Right = "14mm" },
            }).WaitAsync(timeout.Token);
            _pages.Add(page);
            page = null;
            return pdf;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PdfUnavailableException(new("生成 PDF 超时，请稍后重试。", "Printing the PDF timed out. Please try again."));
        }
        finally
        {
            // A page that failed mid-render is closed, not returned to the pool.
            if (page != null) await page.CloseAsync();
            _slots.Release();
        }
    }

    private async Task<IPage> TakePageAsync(CancellationToken ct)
    {
        if (_pages.TryTake(out var pooled) && !pooled.IsClosed) return pooled;
        var browser = await BrowserAsync(ct);
        // Each page gets its own context, so the settings below belong to it alone.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false, ServiceWorkers = ServiceWorkerPolicy.Block });
        await SealAsync(page);
        return page;
    }

    /// <summary>Aborts every request the page would make. The printed HTML arrives through SetContent (no request) and
    /// its images are data: URIs, which Chromium decodes without a request — so nothing legitimate is lost.</summary>
    private async Task SealAsync(IPage page)
    {
        await page.RouteAsync("**/*", async route =>
        {
            log.LogWarning("PDF print blocked a request to {Url}", route.Request.Url);
            await route.AbortAsync("blockedbyclient");
        });
        await page.RouteWebSocketAsync("**/*", ws => ws.CloseAsync());
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true }) return _browser;
        await _startLock.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            var path = ChromiumPath ?? throw new PdfUnavailableException(new(
                "服务器未安装 Chromium，暂时无法生成 PDF；可使用页面上的打印预览。",
                "Chromium is not installed on the server, so PDFs cannot be made; use the on-screen print preview."));
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // Without the background-networking switches Chromium keeps calling out on a closed network.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    // Second lock behind the page routes: Chromium opens connections speculatively (preconnect) before a route
                    // sees any request — seen in PdfSandboxTests; with a dead proxy for every host, loopback included, they go nowhere.
                    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--dns-prefetch-disable"],
            });
            log.LogInformation("Chromium started for PDF printing: {Path}", path);
            return _browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser != null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Header and footer of every printed page. Chromium fills the page-number spans.</summary>
public sealed record PdfPageSetup(string Company, string Project, string Title, bool Landscape = false)
{
    private static string E(string s) => System.Net.WebUtility.HtmlEncode(s);
    private const string Style = "font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;font-size:8px;color:#555;width:100%;margin:0 14mm;";

    public string HeaderHtml => $"<div style=\"{Style}display:flex;justify-content:space-between\"><span>{E(Company)} · {E(Project)}</span><span>{E(Title)}</span></div>";
    public string FooterHtml => $"<div style=\"{Style}text-align:center\">第 <span class=\"pageNumber\"></span> 页 / 共 <span class=\"totalPages\"></span> 页</div>";
}

public sealed class PdfUnavailableException(Domain.Common.Text message) : Domain.Common.DomainException(message);
