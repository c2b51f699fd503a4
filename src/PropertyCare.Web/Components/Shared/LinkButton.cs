using Microsoft.AspNetCore.Components;

namespace PropertyCare.Web.Components.Shared;

/// <summary>A link (or a form's submit button) that looks like a small MudButton, as plain markup. List pages put their navigation actions
/// (新建, 导入, 设置) in the header of pages that stay open all day; a MudButton with an icon there is two components
/// per action in every circuit (decision 0012). Buttons that run code stay MudButtons.</summary>
public static class LinkButton
{
    public const string Primary = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple";
    public const string Outlined = "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple";

    public static MarkupString Label(string icon, string text) =>
        new($"<span class=\"mud-button-label\"><span class=\"mud-button-icon-start mud-button-icon-size-small\">{InlineIcon.Svg(icon).Value}</span>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text)}</span>");
}
