using Microsoft.Extensions.Localization;
using MudBlazor;

namespace PropertyCare.Web.Components;

/// <summary>MudBlazor's own texts (pager, grid filters, date picker, dialogs …) in Chinese. MudBlazor ships
/// English only and MudBlazor.Translations is not served here, so the Chinese texts live in <see cref="MudTextsZh"/>;
/// a test fails when MudBlazor asks for a key that has none. English (and an unknown key) falls back to MudBlazor's
/// own resource.</summary>
public sealed class MudTexts : MudLocalizer
{
    public override LocalizedString this[string key] =>
        Lang.Zh && MudTextsZh.Texts.TryGetValue(key, out var zh)
            ? new LocalizedString(key, zh, resourceNotFound: false)
            : base[key];
}
