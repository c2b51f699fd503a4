using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using static PropertyCare.Domain.Tests.Repairs.RepairOrders;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class RepairOrderWorkflowTests
{
    [Fact]
    public void Register_starts_a_registered_first_round_order()
    {
        var o = New(Intake(preferredTime: " 周六上午 ", contactName: "  ", contactPhone: " 13800138000 ", description: "  漏水  "));

        Assert.Equal(RepairStatus.Registered, o.Status);
        Assert.Equal("BX-20261120-0001", o.Number);
        Assert.Equal(1, o.Round);
        Assert.Null(o.ReworkOfId);
        Assert.Equal(101, o.UnitId);
        Assert.Null(o.CommonArea);
        Assert.Equal(11, o.OwnerId);
        Assert.Equal("漏水", o.Description);
        Assert.Equal("周六上午", o.PreferredTime);
        Assert.Null(o.ContactName);
        Assert.Equal("13800138000", o.ContactPhone);
        Assert.Equal(ReceivedAt, o.ReceivedAt);
        Assert.Equal(DueAt, o.DueAt);
        Assert.Equal("desk-1", o.ReceivedById);
        Assert.Equal("张客服", o.ReceivedByName);
        Assert.Null(o.TechnicianId);
    }

    [Fact]
    public void The_happy_path_runs_from_registration_to_a_satisfied_close()
    {
        var o = New();
        o.Dispatch(Tech, "李师傅");
        Assert.Equal(RepairStatus.Dispatched, o.Status);
        Assert.Equal(Tech, o.TechnicianId);
        Assert.Equal("李师傅", o.TechnicianName);

        o.Accept(Tech);
        Assert.Equal(RepairStatus.Accepted, o.Status);

        var arrived = ReceivedAt.AddHours(2);
        o.Arrive(Tech, arrived);
        Assert.Equal(RepairStatus.Arrived, o.Status);
        Assert.Equal(arrived, o.ArrivedAt);

        var done = ReceivedAt.AddHours(3);
        o.Complete(Tech, done, "  更换阀芯 ", "  ", FeeKind.Paid, 35m);
        Assert.Equal(RepairStatus.Completed, o.Status);
        Assert.Equal(done, o.CompletedAt);
        Assert.Equal("更换阀芯", o.WorkDone);
        Assert.Null(o.Materials);
        Assert.Equal(FeeKind.Paid, o.Fee);
        Assert.Equal(35m, o.FeeAmount);

        o.CloseSatisfied();
        Assert.Equal(RepairStatus.Closed, o.Status);
        Assert.Null(o.CloseReason);
    }

    [Theory]
    [InlineData(RepairStatus.Dispatched)]
    [InlineData(RepairStatus.Accepted)]
    public void An_assigned_order_can_be_reassigned_to_another_technician(RepairStatus from)
    {
        var o = In(from);
        o.Dispatch(OtherTech, "王师傅");

        Assert.Equal(RepairStatus.Dispatched, o.Status);
        Assert.Equal(OtherTech, o.TechnicianId);
        Assert.Equal("王师傅", o.TechnicianName);
        // The former technician has lost the order.
        Assert.Throws<DomainException>(() => o.Accept(Tech));
        o.Accept(OtherTech);
        Assert.Equal(RepairStatus.Accepted, o.Status);
    }

    [Theory]
    [InlineData(RepairStatus.Dispatched)]
    [InlineData(RepairStatus.Accepted)]
    public void Reassigning_to_the_same_technician_is_refused(RepairStatus from)
    {
        var o = In(from);
        var ex = Assert.Throws<DomainException>(() => o.Dispatch(Tech, "李师傅"));
        Assert.Contains("已派给这位技工", ex.Text.Zh);
        Assert.Equal(from, o.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Dispatch_needs_a_technician(string technicianId)
    {
        var o = New();
        var ex = Assert.Throws<ValidationException>(() => o.Dispatch(technicianId, "李师傅"));
        Assert.Equal(["TechnicianId"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Registered, o.Status);
    }

    [Theory]
    [InlineData(RepairStatus.Dispatched)]
    [InlineData(RepairStatus.Accepted)]
    [InlineData(RepairStatus.Arrived)]
    public void The_technician_can_return_the_order_and_the_desk_dispatches_it_again(RepairStatus from)
    {
        var o = In(from);
        o.Return(Tech, "  缺少配件，需要采购  ");

        Assert.Equal(RepairStatus.Returned, o.Status);
        Assert.Equal("缺少配件，需要采购", o.ReturnReason);
        Assert.Null(o.TechnicianId);
        Assert.Null(o.TechnicianName);

        // Dispatching again (even to the same technician) clears the reason.
        o.Dispatch(Tech, "李师傅");
        Assert.Equal(RepairStatus.Dispatched, o.Status);
        Assert.Equal(Tech, o.TechnicianId);
        Assert.Null(o.ReturnReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Return_needs_a_reason(string reason)
    {
        var o = In(RepairStatus.Accepted);
        var ex = Assert.Throws<ValidationException>(() => o.Return(Tech, reason));
        Assert.Equal(["ReturnReason"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Accepted, o.Status);
        Assert.Equal(Tech, o.TechnicianId);
    }

    [Theory]
    [InlineData(RepairStatus.Registered)]
    [InlineData(RepairStatus.Dispatched)]
    [InlineData(RepairStatus.Returned)]
    public void An_order_not_yet_accepted_can_be_cancelled_with_a_reason(RepairStatus from)
    {
        var o = In(from);
        o.Cancel(" 业主已自行修好 ");
        Assert.Equal(RepairStatus.Cancelled, o.Status);
        Assert.Equal("业主已自行修好", o.CloseReason);
    }

    [Fact]
    public void Cancel_needs_a_reason()
    {
        var o = New();
        var ex = Assert.Throws<ValidationException>(() => o.Cancel(" "));
        Assert.Equal(["CloseReason"], ex.Errors.Select(e => e.Field));
        Assert.Equal(RepairStatus.Registered, o.Status);
    }

    [Fact]
    public void An_unsatisfied_callback_starts_the_rework_and_a_later_satisfied_callback_closes_it()
    {
        var o = In(RepairStatus.Completed);
        o.StartRework();
        Assert.Equal(RepairStatus.Rework, o.Status);

        o.CloseSatisfied();
        Assert.Equal(RepairStatus.Closed, o.Status);
        Assert.Null(o.CloseReason);
    }

    [Theory]
    [InlineData(RepairStatus.Completed)]
    [InlineData(RepairStatus.Rework)]
    public void The_manager_closes_a_completed_or_reworked_order_with_a_reason(RepairStatus from)
    {
        var o = In(from);
        o.CloseByManager("  业主多次联系不上  ");
        Assert.Equal(RepairStatus.Closed, o.Status);
        Assert.Equal("业主多次联系不上", o.CloseReason);
    }

    [Theory]
    [InlineData(RepairStatus.Completed)]
    [InlineData(RepairStatus.Rework)]
    public void The_manager_must_say_why_he_closes(RepairStatus from)
    {
        var o = In(from);
        var ex = Assert.Throws<ValidationException>(() => o.CloseByManager(""));
        Assert.Equal(["CloseReason"], ex.Errors.Select(e => e.Field));
        Assert.Equal(from, o.Status);
    }

    [Fact]
    public void Only_the_assigned_technician_can_accept_arrive_complete_or_return()
    {
        var dispatched = In(RepairStatus.Dispatched);
        Assert.Throws<DomainException>(() => dispatched.Accept(OtherTech));
        Assert.Throws<DomainException>(() => dispatched.Return(OtherTech, "不是我的单"));
        Assert.Equal(RepairStatus.Dispatched, dispatched.Status);

        var accepted = In(RepairStatus.Accepted);
        Assert.Throws<DomainException>(() => accepted.Arrive(OtherTech, ReceivedAt.AddHours(1)));
        Assert.Equal(RepairStatus.Accepted, accepted.Status);
        Assert.Null(accepted.ArrivedAt);

        var arrived = In(RepairStatus.Arrived);
        var ex = Assert.Throws<DomainException>(() => arrived.Complete(OtherTech, ReceivedAt.AddHours(3), "修好了", null, FeeKind.Free, null));
        Assert.Contains("只有被派工的技工", ex.Text.Zh);
        Assert.Equal(RepairStatus.Arrived, arrived.Status);
        Assert.Null(arrived.CompletedAt);
    }

    public enum Step { Dispatch, Accept, Arrive, Complete, Return, StartRework, CloseSatisfied, CloseByManager, Cancel }

    /// <summary>Where each step is allowed from, and where it leads.</summary>
    private static readonly Dictionary<Step, (RepairStatus[] From, RepairStatus To)> Allowed = new()
    {
        [Step.Dispatch] = ([RepairStatus.Registered, RepairStatus.Returned, RepairStatus.Dispatched, RepairStatus.Accepted], RepairStatus.Dispatched),
        [Step.Accept] = ([RepairStatus.Dispatched], RepairStatus.Accepted),
        [Step.Arrive] = ([RepairStatus.Accepted], RepairStatus.Arrived),
        [Step.Complete] = ([RepairStatus.Arrived], RepairStatus.Completed),
        [Step.Return] = ([RepairStatus.Dispatched, RepairStatus.Accepted, RepairStatus.Arrived], RepairStatus.Returned),
        [Step.StartRework] = ([RepairStatus.Completed], RepairStatus.Rework),
        [Step.CloseSatisfied] = ([RepairStatus.Completed, RepairStatus.Rework], RepairStatus.Closed),
        [Step.CloseByManager] = ([RepairStatus.Completed, RepairStatus.Rework], RepairStatus.Closed),
        [Step.Cancel] = ([RepairStatus.Registered, RepairStatus.Dispatched, RepairStatus.Returned], RepairStatus.Cancelled),
    };

    private static void Do(RepairOrder o, Step step)
    {
        switch (step)
        {
            // Another technician, so a reassignment is not refused as "already assigned".
            case Step.Dispatch: o.Dispatch(OtherTech, "王师傅"); break;
            case Step.Accept: o.Accept(Tech); break;
            case Step.Arrive: o.Arrive(Tech, ReceivedAt.AddHours(2)); break;
            case Step.Complete: o.Complete(Tech, ReceivedAt.AddHours(3), "修好了", null, FeeKind.Free, null); break;
            case Step.Return: o.Return(Tech, "缺少配件"); break;
            case Step.StartRework: o.StartRework(); break;
            case Step.CloseSatisfied: o.CloseSatisfied(); break;
            case Step.CloseByManager: o.CloseByManager("无法满足"); break;
            case Step.Cancel: o.Cancel("重复报修"); break;
        }
    }

    public static TheoryData<RepairStatus, Step> AllowedSteps()
    {
        var data = new TheoryData<RepairStatus, Step>();
        foreach (var (step, rule) in Allowed)
            foreach (var from in rule.From) data.Add(from, step);
        return data;
    }

    public static TheoryData<RepairStatus, Step> RefusedSteps()
    {
        var data = new TheoryData<RepairStatus, Step>();
        foreach (var (step, rule) in Allowed)
            foreach (var from in Enum.GetValues<RepairStatus>().Except(rule.From)) data.Add(from, step);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedSteps))]
    public void Every_legal_step_moves_the_order_on(RepairStatus from, Step step)
    {
        var o = In(from);
        Do(o, step);
        Assert.Equal(Allowed[step].To, o.Status);
    }

    [Theory]
    [MemberData(nameof(RefusedSteps))]
    public void Every_illegal_step_is_refused_with_the_current_status_named(RepairStatus from, Step step)
    {
        var o = In(from);
        var tech = o.TechnicianId;

        var ex = Assert.Throws<IllegalTransitionException>(() => Do(o, step));

        Assert.Equal(from, ex.Current);
        Assert.Contains($"“{from.Label().Zh}”", ex.Text.Zh);
        Assert.Contains(from.Label().En, ex.Message);
        foreach (var allowed in Allowed[step].From) Assert.Contains(allowed.Label().Zh, ex.Text.Zh);
        Assert.Equal(from, o.Status);
        Assert.Equal(tech, o.TechnicianId);
    }

    [Fact]
    public void The_refusal_reads_as_the_handbook_says()
    {
        var ex = Assert.Throws<IllegalTransitionException>(() => In(RepairStatus.Completed).Accept(Tech));
        Assert.Equal("工单当前为“已完工”，不能执行此操作（需为：已派工）", ex.Text.Zh);
        Assert.Equal("The order is Completed; this step needs: Dispatched", ex.Text.En);
    }

    [Fact]
    public void The_status_check_comes_before_the_technician_check()
    {
        // A stranger trying to accept a closed order hears about the status, not about who he is.
        Assert.Throws<IllegalTransitionException>(() => In(RepairStatus.Closed).Accept(OtherTech));
        Assert.Throws<IllegalTransitionException>(() => In(RepairStatus.Registered).Accept(OtherTech));
    }
}
