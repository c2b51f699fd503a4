using PropertyCare.Web.Components.Shared;

namespace PropertyCare.Web.Components.Tests;

public sealed class PagerTests : ComponentTestBase
{
    [Fact]
    public void Shows_total_and_position()
    {
        var cut = Render<Pager>(p => p.Add(x => x.Total, 45).Add(x => x.PageIndex, 2).Add(x => x.PageSize, 20));
        Assert.Equal("共 45 条，第 2/3 页", cut.Find("[data-test=pager-info]").TextContent);
    }

    [Fact]
    public void Shows_nothing_for_an_empty_list()
    {
        var cut = Render<Pager>(p => p.Add(x => x.Total, 0));
        Assert.Empty(cut.FindAll("[data-test=pager-info]"));
    }
}
