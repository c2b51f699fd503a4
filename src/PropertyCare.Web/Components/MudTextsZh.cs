namespace PropertyCare.Web.Components;

/// <summary>Chinese for every key of MudBlazor's LanguageResource. Format keys keep MudBlazor's numbered
/// placeholders ({0}, {1} …): a named placeholder throws when the component formats it.</summary>
public static class MudTextsZh
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["MudDataGridPager_RowsPerPage"] = "每页行数：",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} / 共 {2} 条",
    };
}
