using PropertyCare.Domain.Common;
using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Domain.Tests.VacantUnits;

public sealed class TaskDistributionTests
{
    [Fact]
    public void Units_go_round_robin_by_fewest_tasks_ties_to_the_lowest_staff_id()
    {
        var plan = TaskDistribution.Plan([5, 3, 1, 4, 2], ["b", "a", "c"], []);
        Assert.Equal([new(1, "a"), new(2, "b"), new(3, "c"), new(4, "a"), new(5, "b")], plan);
    }

    [Fact]
    public void Existing_tasks_count_towards_the_load_and_their_units_are_not_planned_again()
    {
        var existing = new TaskAssignment[] { new(1, "a"), new(2, "a"), new(3, "b") };
        var plan = TaskDistribution.Plan([1, 2, 3, 4, 5, 6], ["a", "b", "c"], existing);
        Assert.Equal([new(4, "c"), new(5, "b"), new(6, "c")], plan);
    }

    [Fact]
    public void Running_twice_plans_nothing_the_second_time()
    {
        var first = TaskDistribution.Plan([1, 2, 3], ["a", "b"], []);
        Assert.Empty(TaskDistribution.Plan([1, 2, 3], ["a", "b"], first));
    }

    [Fact]
    public void The_same_input_in_another_order_gives_the_same_plan()
    {
        Assert.Equal(TaskDistribution.Plan([1, 2, 3, 4], ["x", "y"], []), TaskDistribution.Plan([4, 3, 2, 1, 1], ["y", "x", "y"], []));
    }

    [Fact]
    public void Tasks_of_someone_who_left_do_not_count_and_no_staff_is_refused_only_when_there_is_work()
    {
        var plan = TaskDistribution.Plan([1, 2], ["a"], [new(9, "gone")]);
        Assert.Equal([new(1, "a"), new(2, "a")], plan);
        Assert.Empty(TaskDistribution.Plan([], [], []));
        Assert.Throws<DomainException>(() => TaskDistribution.Plan([1], [], []));
    }
}
