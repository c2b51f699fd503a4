using Microsoft.JSInterop;

namespace PropertyCare.Web.Components;

/// <summary>Hands a file made on the server (an Excel export, an error report) to the browser as a download.
/// Streams it through JS interop (wwwroot/app.js), so no copy of the file lives in the circuit afterwards.</summary>
public sealed class BrowserDownload(IJSRuntime js)
{
    public async Task SaveAsync(string fileName, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("pcDownload", fileName, reference);
    }
}
