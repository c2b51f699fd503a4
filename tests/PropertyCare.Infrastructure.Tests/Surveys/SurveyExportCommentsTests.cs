using PropertyCare.Domain.Surveys;
using PropertyCare.Infrastructure.Surveys;

namespace PropertyCare.Infrastructure.Tests.Surveys;

/// <summary>The xlsx and the PDF carry every comment, not the first page of them (the first version stopped at 100).</summary>
public class SurveyExportCommentsTests
{
    private static Func<int, int, Task<PropertyCare.Infrastructure.Owners.Page<SurveyComment>>> Pager(int total) => (index, size) =>
        Task.FromResult(new PropertyCare.Infrastructure.Owners.Page<SurveyComment>(
            Enumerable.Range((index - 1) * size, Math.Max(0, Math.Min(size, total - (index - 1) * size)))
                .Select(i => new SurveyComment(i, "翠湖花园", $"1栋{i}", $"意见{i}", ResponseChannel.Portal, DateTime.UnixEpoch)).ToList(),
            total, index, size));

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(250)]
    public async Task Every_comment_is_exported(int total)
    {
        var all = await SurveyResultsBuilder.AllCommentsAsync(Pager(total));
        Assert.Equal(total, all.Count);
        Assert.Equal(Enumerable.Range(0, total), all.Select(c => c.ResponseId));
    }

    [Fact]
    public async Task A_huge_campaign_stops_at_the_cap()
    {
        var all = await SurveyResultsBuilder.AllCommentsAsync(Pager(SurveyResultsBuilder.MaxExportedComments + 250));
        Assert.Equal(SurveyResultsBuilder.MaxExportedComments, all.Count);
    }
}
