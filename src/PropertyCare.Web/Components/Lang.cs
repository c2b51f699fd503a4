using System.Globalization;
using PropertyCare.Domain.Common;

namespace PropertyCare.Web.Components;

/// <summary>UI texts are written where they are used, as a Chinese/English pair (see docs/decisions/0008).</summary>
public static class Lang
{
    public static bool Zh => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    public static string T(string zh, string en) => Zh ? zh : en;
    public static string T(Text text) => text.For(Zh);
}
