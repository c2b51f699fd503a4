using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>The edges the mutation run found untested in the settings: the default scope list's review and prohibited
/// items, every bound exactly, over-long names and reasons, windows of no length, several overlaps reported once.</summary>
public sealed class SettingsGapTests
{
    private static List<string> Fields(RenovationSettings s) => s.Validate().Select(e => e.Field).ToList();

    [Theory]
    [InlineData("水电改造")]
    [InlineData("厨卫防水")]
    [InlineData("拆除非承重墙")]
    [InlineData("空调安装")]
    [InlineData("防盗网/阳台封闭")]
    public void The_default_items_that_need_engineering_review(string name)
    {
        var item = Assert.Single(RenovationSettings.Defaults(1).ScopeCatalog, i => i.Name == name);
        Assert.True(item.NeedsReview);
        Assert.False(item.Prohibited);
    }

    [Theory]
    [InlineData("拆改承重墙、梁、柱")]
    [InlineData("移动燃气管道")]
    [InlineData("改变外立面/外窗")]
    [InlineData("卫生间改至卧室/厨房上方")]
    public void The_default_prohibited_items(string name)
    {
        var item = Assert.Single(RenovationSettings.Defaults(1).ScopeCatalog, i => i.Name == name);
        Assert.True(item.Prohibited);
    }

    [Fact]
    public void Only_the_listed_default_items_need_review_or_are_prohibited()
    {
        var s = RenovationSettings.Defaults(1);
        Assert.Equal(5, s.ScopeCatalog.Count(i => i.NeedsReview));
        Assert.Equal(4, s.ScopeCatalog.Count(i => i.Prohibited));
    }

    [Theory]
    [InlineData(1, 0, 7)]
    [InlineData(30, 365, 365)]
    public void Periods_exactly_at_their_bounds_are_valid(int patrol, int observation, int longest)
    {
        var s = RenovationSettings.Defaults(1);
        (s.PatrolEveryDays, s.ObservationDays, s.MaxDurationDays) = (patrol, observation, longest);
        Assert.Empty(s.Validate());
    }

    [Fact]
    public void A_deposit_of_exactly_one_million_is_valid()
    {
        var s = RenovationSettings.Defaults(1);
        s.DepositAmount = 1_000_000m;
        Assert.Empty(s.Validate());
    }

    [Fact]
    public void A_fee_name_one_over_the_limit_is_refused()
    {
        var s = RenovationSettings.Defaults(1);
        s.Fees = [new() { Name = new string('费', TextLimits.Label + 1), Amount = 10m }];
        Assert.Equal(["Fees"], Fields(s));
    }

    [Fact]
    public void A_scope_item_needs_a_name()
    {
        var s = RenovationSettings.Defaults(1);
        s.ScopeCatalog.Add(new() { Name = " " });
        Assert.Contains(s.Validate(), e => e.Field == "ScopeCatalog" && e.Message.Zh == "请填写装修项目名称");
    }

    [Fact]
    public void A_scope_item_name_or_reason_one_over_the_limit_is_refused()
    {
        var s = RenovationSettings.Defaults(1);
        s.ScopeCatalog.Add(new() { Name = new string('项', TextLimits.Location + 1) });
        Assert.Equal(["ScopeCatalog"], Fields(s));
        s = RenovationSettings.Defaults(1);
        s.ScopeCatalog.Add(new() { Name = "阳台改造", Reason = new string('因', TextLimits.Reason + 1) });
        Assert.Equal(["ScopeCatalog"], Fields(s));
    }

    [Fact]
    public void A_window_that_ends_when_it_starts_is_refused()
    {
        var s = RenovationSettings.Defaults(1);
        s.WorkingHours = [new() { Start = new(8, 0), End = new(8, 0) }];
        Assert.Contains("结束须晚于开始", Assert.Single(s.Validate()).Message.Zh);
    }

    [Fact]
    public void Several_overlaps_are_reported_once()
    {
        var s = RenovationSettings.Defaults(1);
        s.WorkingHours = [new() { Start = new(8, 0), End = new(12, 0) }, new() { Start = new(9, 0), End = new(13, 0) }, new() { Start = new(10, 0), End = new(14, 0) }];
        Assert.Equal("允许施工时段有重叠", Assert.Single(s.Validate()).Message.Zh);
    }
}
