using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using static PropertyCare.Domain.Tests.Repairs.RepairOrders;

namespace PropertyCare.Domain.Tests.Repairs;

/// <summary>The reason dialogs and the completion form take at most their <see cref="TextLimits"/>, counted after trimming,
/// and the order records when it was (re)dispatched for the dispatch report.</summary>
public sealed class RepairOrderLimitsTests
{
    private static readonly string Reason200 = new('因', TextLimits.Reason);
    private static readonly string Reason201 = new('因', TextLimits.Reason + 1);

    [Fact]
    public void A_return_reason_is_at_most_200_characters()
    {
        var o = In(RepairStatus.Accepted);
        var ex = Assert.Throws<ValidationException>(() => o.Return(Tech, Reason201));
        Assert.Equal(["ReturnReason"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Accepted, o.Status);

        o.Return(Tech, " " + Reason200 + " ");
        Assert.Equal((RepairStatus.Returned, Reason200), (o.Status, o.ReturnReason));
    }

    [Fact]
    public void A_managers_close_reason_is_at_most_200_characters()
    {
        var o = In(RepairStatus.Rework);
        var ex = Assert.Throws<ValidationException>(() => o.CloseByManager(Reason201));
        Assert.Equal(["CloseReason"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Rework, o.Status);

        o.CloseByManager(" " + Reason200 + " ");
        Assert.Equal((RepairStatus.Closed, Reason200), (o.Status, o.CloseReason));
    }

    [Fact]
    public void A_cancel_reason_is_at_most_200_characters()
    {
        var o = In(RepairStatus.Registered);
        var ex = Assert.Throws<ValidationException>(() => o.Cancel(Reason201));
        Assert.Equal(["CloseReason"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Registered, o.Status);

        o.Cancel(" " + Reason200 + " ");
        Assert.Equal((RepairStatus.Cancelled, Reason200), (o.Status, o.CloseReason));
    }

    [Fact]
    public void The_work_done_is_at_most_1000_and_the_materials_500_characters()
    {
        var o = In(RepairStatus.Arrived);
        var ex = Assert.Throws<ValidationException>(() => o.Complete(Tech, ReceivedAt.AddHours(3),
            new string('修', TextLimits.Description + 1), new string('料', TextLimits.Remark + 1), FeeKind.Free, null));
        Assert.Equal(["WorkDone", "Materials"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Arrived, o.Status);

        o.Complete(Tech, ReceivedAt.AddHours(3), new string('修', TextLimits.Description), new string('料', TextLimits.Remark), FeeKind.Free, null);
        Assert.Equal(RepairStatus.Completed, o.Status);
        Assert.Equal(TextLimits.Remark, o.Materials!.Length);
    }

    [Fact]
    public void A_reassignment_moves_the_dispatch_time_and_a_dispatch_without_a_time_keeps_it()
    {
        var o = New();
        var first = ReceivedAt.AddMinutes(10);
        o.Dispatch(Tech, "李师傅", first);
        Assert.Equal(first, o.DispatchedAt);

        var reassigned = ReceivedAt.AddHours(1);
        o.Dispatch(OtherTech, "王师傅", reassigned);
        Assert.Equal(reassigned, o.DispatchedAt);

        o.Dispatch(Tech, "李师傅");
        Assert.Equal(reassigned, o.DispatchedAt);
    }
}
