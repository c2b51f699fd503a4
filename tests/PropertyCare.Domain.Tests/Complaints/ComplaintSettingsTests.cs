using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;

namespace PropertyCare.Domain.Tests.Complaints;

public sealed class ComplaintSettingsTests
{
    [Fact]
    public void The_defaults_are_the_handbooks_numbers()
    {
        var s = new ComplaintSettings();
        Assert.Equal(new ComplaintSettings.Numbers(3, 2, 7, 1, 3, 7, 30, 30), s.Current);
        Assert.Contains("噪音扰民", s.Categories);
        Assert.Contains(s.Departments, d => d.Name == "工程部");
    }

    [Fact]
    public void Out_of_range_numbers_and_bad_lists_are_refused_and_nothing_changes()
    {
        var s = new ComplaintSettings();
        var n = s.Current with { PlanWorkingDays = 0, HandleWorkingDays = 5, MaxHandleWorkingDays = 4, CallbackDays = 8 };
        var e = Assert.Throws<ValidationException>(() => s.Change(n, [" "], [new() { Name = "工程部" }, new() { Name = "工程部" }]));
        Assert.Equal(["PlanWorkingDays", "MaxHandleWorkingDays", "CallbackDays", "Categories", "Departments"], e.Errors.Select(x => x.Field).ToList());
        Assert.Equal(3, s.PlanWorkingDays);
    }

    [Fact]
    public void A_change_trims_and_keeps_the_departments_heads()
    {
        var s = new ComplaintSettings();
        s.Change(s.Current with { ReopenDays = 15 }, [" 噪音 ", "噪音", "停车"], [new() { Name = " 工程部 ", HeadUserId = "u1", HeadName = "孙工" }, new() { Name = "保洁部", HeadUserId = " " }]);
        Assert.Equal(["噪音", "停车"], s.Categories);
        Assert.Equal("工程部", s.Departments[0].Name);
        Assert.Equal("u1", s.Departments[0].HeadUserId);
        Assert.Null(s.Departments[1].HeadUserId);
        Assert.Equal(15, s.ReopenDays);
        Assert.NotNull(s.Department("工程部"));
        Assert.Null(s.Department("客服部"));
    }
}
