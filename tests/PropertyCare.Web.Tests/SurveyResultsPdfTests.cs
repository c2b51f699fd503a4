using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Pdf;
using PropertyCare.Infrastructure.Surveys;
using PropertyCare.Web.Components.Print;
using PropertyCare.Web.Printing;

namespace PropertyCare.Web.Tests;

/// <summary>满意度调查结果 (quality part B) printed by the real Chromium and read back with pdftotext: the figures with their
/// definitions, each question with its levels and change, each project, the comments.</summary>
[Collection("web")]
public sealed class SurveyResultsPdfTests(WebAppFixture app)
{
    private static string Run(string tool, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }

    [Fact]
    public async Task The_sheet_prints_the_figures_items_projects_and_comments()
    {
        // The hand-computed fixture of the infrastructure tests (SurveyResultsTests), as computed there.
        var items = new List<ItemResult>
        {
            new(1, ServiceArea.CustomerService, "客服态度", Figure.Of([5, 3, 4]), 50.0m),
            new(2, ServiceArea.Repairs, "维修及时", Figure.Of([4, 2, null]), 100.0m),
            new(3, ServiceArea.Cleaning, "保洁卫生", Figure.Of([null, 5, 1]), null),
        };
        var all = Figure.Of([5, 4, null, 3, 2, 5, 4, null, 1]);
        var r = new SurveyResults(7, "四季度满意度调查", "全公司", CampaignStatus.Closed, new(2026, 11, 23), new(2026, 11, 30), 4, 3, 1, all, items,
            [new ProjectResult(1, "翠湖花园", 4, 3, all)], new PreviousCampaign(3, "三季度满意度调查", new(2026, 11, 24), 83.3m));
        var comments = new List<SurveyComment> { new(1, "翠湖花园", "1栋-1单元-103", "保洁差", ResponseChannel.PhoneInterview, DateTime.UtcNow) };
        using var scope = app.Services.CreateScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<FormPrinter>().PdfAsync<SurveyResultsSheet>(
            new Dictionary<string, object?> { ["R"] = r, ["Comments"] = comments }, new PdfPageSetup("", r.Scope, "满意度调查结果"));
        var file = Path.Combine(Path.GetTempPath(), $"pc-survey-results-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        string text, info;
        try { (text, info) = (Run("pdftotext", $"-layout {file} -"), Run("pdfinfo", file)); }
        finally { File.Delete(file); }

        Assert.True(Regex.IsMatch(info, @"Pages:\s+1\b"), info);
        var flat = Regex.Replace(text, @"\s+", "");
        Assert.Contains("满意度调查结果", flat);
        Assert.Contains("调查：四季度满意度调查", flat);
        Assert.Contains("答卷率75.0%（3/4）", flat);
        Assert.Contains("满意度指数57.1%", flat);
        Assert.Contains("平均分3.43", flat);
        Assert.Contains(Regex.Replace(SurveyResults.IndexDefinition.Zh, @"\s+", ""), flat);
        Assert.Contains("三季度满意度调查（2026-11-24结束），满意度指数83.3%", flat);
        Assert.Contains("客服态度66.7%4.00", flat);
        Assert.Contains("+16.7", flat);
        Assert.Contains("-50.0", flat);
        Assert.Contains("翠湖花园4375.0%57.1%3.43", flat);
        Assert.Contains("保洁差翠湖花园1栋-1单元-103电话访问代录", flat);
        Assert.Contains("审核：", flat);
    }
}
