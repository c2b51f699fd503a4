using MudBlazor;

namespace PropertyCare.Web.Components.Layout;

/// <summary>The one theme: the brand blue, and palette colours dark enough that white text on a chip or
/// button, and the colour as text on white, reach 4.5:1 (MudBlazor's defaults do not: its info, success and
/// warning fail). Status colours follow docs/ux: grey waiting, blue in progress, amber awaiting callback,
/// green done, red late or unsatisfied, purple rework.</summary>
public static class AppTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#455a64",
            Tertiary = "#6a1b9a",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a84f00",
            Error = "#c62828",
            Dark = "#37474f",
            AppbarBackground = "#1f4e79",
            AppbarText = "#ffffff",
            Background = "#f5f6f8",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.66)",
            ActionDefault = "rgba(0,0,0,0.66)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".875rem", LineHeight = "1.5" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.4" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.4" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = ".875rem" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = ".8125rem" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = ".875rem", TextTransform = "none", FontWeight = "500" },
            Caption = new CaptionTypography { FontFamily = Fonts, FontSize = ".75rem" },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts, FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
