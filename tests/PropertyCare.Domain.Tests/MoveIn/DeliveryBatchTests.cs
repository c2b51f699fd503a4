using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using static PropertyCare.Domain.Tests.MoveIn.MoveInFixtures;

namespace PropertyCare.Domain.Tests.MoveIn;

public sealed class DeliveryBatchTests
{
    [Fact]
    public void A_batch_is_planned_with_its_developer_period_and_distinct_sorted_units()
    {
        var b = DeliveryBatch.Plan(" 一期 ", " 蓉城置业 ", " 刘工 ", " 13800138000 ", new(2026, 12, 1), new(2026, 12, 1), [103, 101, 103]);
        Assert.Equal(BatchStatus.Planned, b.Status);
        Assert.Equal("一期", b.Name);
        Assert.Equal("蓉城置业", b.Developer);
        Assert.Equal("刘工", b.DeveloperContact);
        Assert.Equal("13800138000", b.DeveloperPhone);
        Assert.Equal([101, 103], b.UnitIds);
        Assert.True(b.Contains(101));
        Assert.False(b.Contains(102));
    }

    [Fact]
    public void A_batch_without_name_developer_phone_units_or_with_a_reversed_period_is_refused_with_every_error()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            DeliveryBatch.Plan(" ", "", "", "12345", new(2026, 12, 2), new(2026, 12, 1), []));
        Assert.Equal(["Name", "Developer", "DeveloperContact", "DeveloperPhone", "EndsOn", "UnitIds"], ex.Errors.Select(e => e.Field));
        Assert.All(ex.Errors, e => { Assert.NotEmpty(e.Message.Zh); Assert.NotEmpty(e.Message.En); });
    }

    [Fact]
    public void A_batch_starts_once_and_closes_only_when_in_progress()
    {
        var b = Batch(started: false);
        Assert.Throws<IllegalStepException>(b.Close);
        b.Start();
        Assert.Equal(BatchStatus.InProgress, b.Status);
        var again = Assert.Throws<IllegalStepException>(b.Start);
        Assert.Contains("交付中", again.Text.Zh);
        Assert.Contains("筹备中", again.Text.Zh);
        b.Close();
        Assert.Equal(BatchStatus.Closed, b.Status);
        Assert.Throws<IllegalStepException>(b.Close);
    }

    [Fact]
    public void Progress_counts_a_delivered_unit_once_and_ignores_units_of_other_batches()
    {
        var b = Batch(true, 1, 2, 3, 4);
        var p = BatchProgress.Of(b, deliveredUnitIds: [1, 99], appointedUnitIds: [1, 2, 98], defectsOpen: 3, defectsClosed: 5);
        Assert.Equal(new BatchProgress(4, 1, 1, 2, 3, 5), p);
    }
}
