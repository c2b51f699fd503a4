using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace PropertyCare.Web.Components.Shared;

/// <summary>A Material icon (MudBlazor's <c>Icons.*</c> path data) as inline SVG markup, not a component. In the shell
/// and in dense rows every component instance costs render-tree buffers in every open circuit (docs/decisions/0012);
/// an icon that never changes needs none. The markup is built once per icon and shared by every circuit.</summary>
public static class InlineIcon
{
    private static readonly ConcurrentDictionary<(string Icon, bool Small), string> Cache = new();

    public static MarkupString Svg(string icon, bool small = true) =>
        new(Cache.GetOrAdd((icon, small), k =>
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{(k.Small ? "small" : "medium")}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{k.Icon}</svg>"));
}
