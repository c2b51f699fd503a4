using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace PropertyCare.Web.Components.Shared;

/// <summary>A figure on a dashboard (MudPaper's look). With <paramref name="href"/> the whole tile is a link to the
/// records behind the number; red only for late. A render fragment, not a component: dashboards show several tiles
/// on pages that stay open all day, and a component per tile is memory in every circuit (decision 0012).</summary>
public static class StatTiles
{
    public static RenderFragment Tile(string label, string value, string? sub = null, bool warn = false, string? href = null, string? testId = null) => b =>
    {
        b.OpenElement(0, "div");
        b.AddAttribute(1, "class", warn ? "mud-paper mud-paper-outlined pc-stat pc-stat-warn" : "mud-paper mud-paper-outlined pc-stat");
        if (testId != null) b.AddAttribute(2, "data-test", testId);
        if (href != null)
        {
            b.OpenElement(3, "a");
            b.AddAttribute(4, "href", href);
            b.AddAttribute(5, "class", "pc-stat-link");
        }
        b.OpenElement(6, "div"); b.AddAttribute(7, "class", "pc-stat-label"); b.AddContent(8, label); b.CloseElement();
        b.OpenElement(9, "div"); b.AddAttribute(10, "class", "pc-stat-value"); b.AddAttribute(11, "data-test", "stat-value"); b.AddContent(12, value); b.CloseElement();
        if (sub != null) { b.OpenElement(13, "div"); b.AddAttribute(14, "class", "pc-stat-sub"); b.AddContent(15, sub); b.CloseElement(); }
        if (href != null) b.CloseElement();
        b.CloseElement();
    };
}
