using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace PropertyCare.Web.Components.Tests;

/// <summary>MudBlazor's own texts in Chinese (<see cref="MudTextsZh"/>, served by <see cref="MudTexts"/>): every key
/// MudBlazor has gets a Chinese text with the same format placeholders, and a grid pager really shows it.</summary>
public sealed partial class MudTextsZhTests
{
    private const string ResourceName = "MudBlazor.Resources.LanguageResource";

    /// <summary>Key → English text of the LanguageResource embedded in the MudBlazor assembly the app uses.</summary>
    private static IReadOnlyDictionary<string, string> MudBlazorTexts()
    {
        var assembly = typeof(MudButton).Assembly;
        Assert.Contains(ResourceName + ".resources", assembly.GetManifestResourceNames());
        var set = new ResourceManager(ResourceName, assembly).GetResourceSet(CultureInfo.InvariantCulture, true, true);
        Assert.NotNull(set);
        var texts = set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        Assert.True(texts.Count > 100, $"only {texts.Count} keys read from {ResourceName}");
        return texts;
    }

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static SortedSet<int> Placeholders(string text) =>
        new(Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Every_MudBlazor_key_has_a_chinese_text_and_none_is_stale()
    {
        var english = MudBlazorTexts();
        var missing = english.Keys.Where(k => !MudTextsZh.Texts.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var stale = MudTextsZh.Texts.Keys.Where(k => !english.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var empty = MudTextsZh.Texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();

        var problems = new List<string>();
        if (missing.Count > 0)
            problems.Add("MudBlazor keys without a Chinese text in MudTextsZh.Texts:\n"
                + string.Join("\n", missing.Select(k => $"  [\"{k}\"] = \"…\",   // {english[k]}")));
        if (stale.Count > 0)
            problems.Add("MudTextsZh.Texts keys MudBlazor doesn't have (stale):\n  " + string.Join("\n  ", stale));
        if (empty.Count > 0)
            problems.Add("Empty Chinese texts: " + string.Join(", ", empty));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Chinese_texts_keep_the_numbered_placeholders_and_format()
    {
        var english = MudBlazorTexts();
        var problems = new List<string>();
        foreach (var (key, zh) in MudTextsZh.Texts)
        {
            if (!english.TryGetValue(key, out var en)) continue; // reported as stale by the test above
            var expected = Placeholders(en);
            var actual = Placeholders(zh);
            if (!expected.SetEquals(actual))
                problems.Add($"{key}: \"{zh}\" has {{{string.Join("},{", actual)}}}, English \"{en}\" has {{{string.Join("},{", expected)}}}");
            var args = Enumerable.Range(0, expected.Count == 0 ? 0 : expected.Max + 1).Select(i => (object)$"#{i}").ToArray();
            try
            {
                var formatted = string.Format(CultureInfo.InvariantCulture, zh, args);
                foreach (var i in expected)
                    if (!formatted.Contains($"#{i}", StringComparison.Ordinal)) problems.Add($"{key}: argument {{{i}}} not shown in \"{formatted}\"");
            }
            catch (FormatException e)
            {
                problems.Add($"{key}: \"{zh}\" throws {e.Message}");
            }
        }
        Assert.True(problems.Count == 0, "Format problems in MudTextsZh.Texts:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public async Task MudBlazor_localizer_serves_every_chinese_text_and_english_otherwise()
    {
        var english = MudBlazorTexts();
        await using var ctx = NewContext();
        var interceptor = ctx.Services.GetRequiredService<ILocalizationInterceptor>(); // what MudBlazor's components ask
        foreach (var (key, en) in english)
        {
            var args = Enumerable.Range(0, Placeholders(en) is { Count: > 0 } p ? p.Max + 1 : 0).Select(i => (object)$"#{i}").ToArray();
            using (UiCulture.Use("zh-CN"))
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, MudTextsZh.Texts.GetValueOrDefault(key, en), args), interceptor.Handle(key, args).Value);
            using (UiCulture.Use("en-US"))
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, en, args), interceptor.Handle(key, args).Value);
        }
    }

    [Fact]
    public async Task Data_grid_pager_speaks_chinese_under_a_chinese_ui_culture()
    {
        using var culture = UiCulture.Use("zh-CN");
        await using var ctx = NewContext();
        var cut = ctx.Render<MudTextsGrid>();

        var markup = cut.Markup;
        Assert.Contains("每页", markup);
        Assert.Contains("每页行数：", markup);
        Assert.Contains("1-3 / 共 3 条", markup);
        Assert.Contains("下一页", markup);
        Assert.DoesNotContain("Rows per page", markup);
        Assert.DoesNotContain("Next page", markup);
    }

    [Fact]
    public async Task Data_grid_pager_speaks_english_under_an_english_ui_culture()
    {
        using var culture = UiCulture.Use("en-US");
        await using var ctx = NewContext();
        var cut = ctx.Render<MudTextsGrid>();

        var markup = cut.Markup;
        Assert.Contains("Rows per page", markup);
        Assert.Contains("1-3 of 3", markup);
        Assert.DoesNotContain("每页", markup);

        // MudTexts itself answers "not found" outside Chinese, so MudBlazor keeps its own English for any culture.
        var texts = new MudTexts();
        Assert.True(texts["MudDataGridPager_RowsPerPage"].ResourceNotFound);
        using (UiCulture.Use("zh-CN"))
            Assert.Equal("每页行数：", texts["MudDataGridPager_RowsPerPage"].Value);
        using (UiCulture.Use("fr-FR"))
            Assert.True(texts["MudDataGridPager_RowsPerPage"].ResourceNotFound);
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.Services.AddTransient<MudLocalizer, MudTexts>();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", true));
        return ctx;
    }

    /// <summary>Sets the UI culture (and culture) for one test and puts the previous ones back.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture, _culture = CultureInfo.CurrentCulture;

        private UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(name);

        public static UiCulture Use(string name) => new(name);

        public void Dispose()
        {
            CultureInfo.CurrentUICulture = _ui;
            CultureInfo.CurrentCulture = _culture;
        }
    }
}
