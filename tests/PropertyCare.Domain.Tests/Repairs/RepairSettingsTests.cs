using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class RepairSettingsTests
{
    private static string[] ChangeErrors(int days, int callbackDays, IEnumerable<string> categories) =>
        Assert.Throws<ValidationException>(() => new RepairSettings().Change(days, callbackDays, categories))
            .Errors.Select(e => e.Field).ToArray();

    [Fact]
    public void A_new_project_starts_with_the_defaults()
    {
        var s = new RepairSettings();
        Assert.Equal(2, s.NormalDueWorkingDays);
        Assert.Equal(1, s.RepairCallbackDays);
        Assert.Equal(RepairText.DefaultCategories, s.CategoryList);
    }

    [Fact]
    public void Change_trims_and_drops_empty_and_duplicate_categories_keeping_the_order()
    {
        var s = new RepairSettings();
        s.Change(5, 3, [" 门窗 ", "水电", "", "   ", "门窗", "水电 ", "电梯"]);

        Assert.Equal(5, s.NormalDueWorkingDays);
        Assert.Equal(3, s.RepairCallbackDays);
        Assert.Equal("门窗\n水电\n电梯", s.Categories);
        Assert.Equal(["门窗", "水电", "电梯"], s.CategoryList);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    public void The_limits_themselves_are_allowed(int days, int callbackDays)
    {
        var s = new RepairSettings();
        s.Change(days, callbackDays, ["水电"]);
        Assert.Equal(days, s.NormalDueWorkingDays);
        Assert.Equal(callbackDays, s.RepairCallbackDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public void The_deadline_is_1_to_10_working_days(int days) =>
        Assert.Equal(["NormalDueWorkingDays"], ChangeErrors(days, 1, ["水电"]));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Repairs_are_called_back_1_to_3_days_after_completion(int callbackDays) =>
        Assert.Equal(["RepairCallbackDays"], ChangeErrors(2, callbackDays, ["水电"]));

    [Fact]
    public void At_least_one_category_is_needed()
    {
        Assert.Equal(["Categories"], ChangeErrors(2, 1, []));
        Assert.Equal(["Categories"], ChangeErrors(2, 1, ["", "  ", "\t"]));
    }

    [Fact]
    public void At_most_30_categories()
    {
        Assert.Equal(["Categories"], ChangeErrors(2, 1, Enumerable.Range(1, 31).Select(i => $"类别{i}")));
        var s = new RepairSettings();
        s.Change(2, 1, Enumerable.Range(1, 30).Select(i => $"类别{i}"));
        Assert.Equal(30, s.CategoryList.Count);
        // Duplicates do not count towards the limit.
        s.Change(2, 1, Enumerable.Range(1, 30).Select(i => $"类别{i}").Concat(["类别1", " 类别2 "]));
        Assert.Equal(30, s.CategoryList.Count);
    }

    [Fact]
    public void Each_category_is_at_most_20_characters()
    {
        Assert.Equal(["Categories"], ChangeErrors(2, 1, ["水电", new string('类', 21)]));
        var s = new RepairSettings();
        s.Change(2, 1, ["  " + new string('类', 20) + "  "]);
        Assert.Equal([new string('类', 20)], s.CategoryList);
    }

    [Fact]
    public void All_errors_are_reported_and_nothing_changes()
    {
        var s = new RepairSettings();
        var ex = Assert.Throws<ValidationException>(() => s.Change(0, 4, []));
        Assert.Equal(["NormalDueWorkingDays", "RepairCallbackDays", "Categories"], ex.Errors.Select(e => e.Field));
        Assert.Equal(2, s.NormalDueWorkingDays);
        Assert.Equal(1, s.RepairCallbackDays);
        Assert.Equal(RepairText.DefaultCategories, s.CategoryList);
    }
}
