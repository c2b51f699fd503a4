using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PropertyCare.Infrastructure.Pdf;

namespace PropertyCare.Infrastructure.Tests.Pdf;

public sealed class PdfRendererTests
{
    private static PdfRenderer With(string? chromium) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PropertyCare:ChromiumPath"] = chromium }).Build(),
        NullLogger<PdfRenderer>.Instance);

    [Fact]
    public async Task A_missing_chromium_gives_a_clear_message_in_both_languages()
    {
        await using var pdf = With("/nonexistent/chromium");
        Assert.False(pdf.IsAvailable);
        var ex = await Assert.ThrowsAsync<PdfUnavailableException>(() => pdf.RenderAsync("<p>测试</p>", new PdfPageSetup("甲", "乙", "表")));
        Assert.Contains("未安装 Chromium", ex.Text.Zh);
        Assert.Contains("Chromium is not installed", ex.Text.En);
    }

    [Fact]
    public async Task Pages_are_reused_and_concurrent_prints_all_complete()
    {
        await using var pdf = With(null);
        Assert.True(pdf.IsAvailable, "Chromium is needed for this test: run .ci/setup");
        var setup = new PdfPageSetup("蓉城物业服务有限公司", "翠湖花园", "测试");
        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => pdf.RenderAsync($"<h1>第{i}份</h1>", setup)));
        Assert.All(results, bytes => Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4)));
    }
}
