using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PropertyCare.Infrastructure.Pdf;

namespace PropertyCare.Web.Printing;

/// <summary>Turns a printable Razor component into a PDF: Blazor's HtmlRenderer makes the HTML (the same
/// component the screen shows as print preview), Chromium prints it.</summary>
public sealed class FormPrinter(IServiceProvider services, ILoggerFactory loggers, PdfRenderer pdf)
{
    public async Task<string> HtmlAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>PropertyCare</title></head><body style=\"margin:0\">{body}</body></html>";
    }

    public async Task<byte[]> PdfAsync<TComponent>(IDictionary<string, object?> parameters, PdfPageSetup setup, CancellationToken ct = default)
        where TComponent : IComponent =>
        await pdf.RenderAsync(await HtmlAsync<TComponent>(parameters), setup, ct);
}
