using PropertyCare.Web.Components.Shared;

namespace PropertyCare.Web.Components.Tests;

public sealed class PagerTests : ComponentTestBase
{
    [Fact]
    public void Shows_total_and_position()
    {
        var cut = Render<ListPager>(p => p.Add(x => x.Total, 45).Add(x => x.PageIndex, 2).Add(x => x.PageSize, 20));
        Assert.Equal("共 45 条，第 2/3 页", cut.Find("[data-test=pager-info]").TextContent);
        Assert.Equal("page", cut.Find("[aria-current=page]").GetAttribute("aria-current"));
        Assert.Equal("2", cut.Find("[aria-current=page]").TextContent);
    }

    [Fact]
    public void Shows_nothing_for_an_empty_list()
    {
        var cut = Render<ListPager>(p => p.Add(x => x.Total, 0));
        Assert.Empty(cut.FindAll("[data-test=pager-info]"));
    }

    [Fact]
    public void A_page_number_asks_for_that_page_and_the_size_choice_for_that_size()
    {
        int? asked = null, size = null;
        var cut = Render<ListPager>(p => p.Add(x => x.Total, 792).Add(x => x.PageIndex, 1).Add(x => x.PageSize, 20)
            .Add(x => x.PageChanged, n => asked = n).Add(x => x.PageSizeChanged, n => size = n));
        cut.FindAll("[data-test=pager] button").Single(b => b.TextContent == "2").Click();
        Assert.Equal(2, asked);
        cut.Find("[data-test=page-size]").Change("50");
        Assert.Equal(50, size);
        // The previous-page button is disabled on page 1; a size that is not offered is ignored.
        Assert.True(cut.Find("[data-test=pager] button[aria-label=上一页]").HasAttribute("disabled"));
        size = null;
        cut.Find("[data-test=page-size]").Change("5000");
        Assert.Null(size);
    }

    [Theory]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(1, 40, "1 2 3 4 … 40")]
    [InlineData(3, 40, "1 2 3 4 … 40")]
    [InlineData(5, 40, "1 … 4 5 6 … 40")]
    [InlineData(38, 40, "1 … 37 38 39 40")]
    [InlineData(40, 40, "1 … 37 38 39 40")]
    [InlineData(99, 40, "1 … 37 38 39 40")]
    public void Page_numbers_keep_first_last_and_the_neighbours(int current, int count, string expected) =>
        Assert.Equal(expected, string.Join(" ", PageNumbers.Around(current, count).Select(n => n?.ToString() ?? "…")));
}
