using Microsoft.AspNetCore.Components;

namespace PropertyCare.Web.Components.Shared;

/// <summary>A Material icon (MudBlazor's <c>Icons.*</c> path data) as inline SVG markup, not a component. In the shell
/// and in dense rows every component instance costs render-tree buffers in every open circuit (docs/decisions/0012);
/// an icon that never changes needs none.</summary>
public static class InlineIcon
{
    public static MarkupString Svg(string icon, bool small = true) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{(small ? "small" : "medium")}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}
