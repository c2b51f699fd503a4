using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using static PropertyCare.Domain.Tests.Repairs.RepairOrders;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class CallbackTests
{
    private static readonly DateOnly DueOn = new(2026, 11, 21);
    private static readonly DateTime At = new(2026, 11, 21, 2, 30, 0);

    private static Callback NewCallback() => Callback.For(In(RepairStatus.Completed), DueOn);

    private static CallbackAnswer Answer(Satisfaction satisfaction = Satisfaction.Satisfied, string? remarks = null,
        string respondent = "王建国", ServiceAttitude attitude = ServiceAttitude.Good) =>
        new(respondent, attitude, SiteCleaned: true, FeeCorrect: false, satisfaction, remarks);

    [Fact]
    public void A_callback_is_made_for_a_completed_order()
    {
        var order = In(RepairStatus.Completed);
        var c = Callback.For(order, DueOn);

        Assert.Equal(order.Id, c.RepairOrderId);
        Assert.Equal(order.ProjectId, c.ProjectId);
        Assert.Equal(1, c.Round);
        Assert.Equal(DueOn, c.DueOn);
        Assert.Equal(CallbackStatus.Pending, c.Status);
        Assert.Equal(0, c.Attempts);
        Assert.Null(c.LastOutcome);
        Assert.Equal(("RepairOrder", order.Id), c.HistoryParent);
    }

    [Fact]
    public void The_callback_of_a_rework_is_the_next_round()
    {
        var original = In(RepairStatus.Rework);
        var rework = In(RepairStatus.Completed, reworkOf: original);
        Assert.Equal(2, Callback.For(rework, DueOn).Round);
    }

    [Theory]
    [InlineData(RepairStatus.Registered)]
    [InlineData(RepairStatus.Dispatched)]
    [InlineData(RepairStatus.Accepted)]
    [InlineData(RepairStatus.Arrived)]
    [InlineData(RepairStatus.Returned)]
    [InlineData(RepairStatus.Closed)]
    [InlineData(RepairStatus.Cancelled)]
    [InlineData(RepairStatus.Rework)]
    public void Only_a_completed_order_is_called_back(RepairStatus status)
    {
        var ex = Assert.Throws<DomainException>(() => Callback.For(In(status), DueOn));
        Assert.Contains("已完工", ex.Text.Zh);
    }

    [Fact]
    public void No_answer_keeps_the_callback_due_and_counts_the_attempts()
    {
        var c = NewCallback();
        c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At, "  响铃无人接  ");
        c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-2", "李客服", At.AddHours(3), null);

        Assert.Equal(CallbackStatus.Pending, c.Status);
        Assert.Equal(2, c.Attempts);
        Assert.Equal(CallOutcome.NoAnswer, c.LastOutcome);
        Assert.Equal(At.AddHours(3), c.LastAttemptAt);
        Assert.Equal("desk-2", c.CalledById);
        Assert.Equal("李客服", c.CalledByName);
        Assert.Null(c.DoneAt);
        // A later attempt without remarks keeps what was written before.
        Assert.Equal("响铃无人接", c.Remarks);
    }

    [Theory]
    [InlineData(CallOutcome.EmptyNumber)]
    [InlineData(CallOutcome.WrongInfo)]
    public void A_wrong_number_ends_the_callback_as_unreachable(CallOutcome outcome)
    {
        var c = NewCallback();
        c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At, null);
        c.RecordFailedAttempt(outcome, "desk-1", "张客服", At.AddHours(1), "号码不符");

        Assert.Equal(CallbackStatus.Unreachable, c.Status);
        Assert.Equal(2, c.Attempts);
        Assert.Equal(outcome, c.LastOutcome);
        Assert.Equal(At.AddHours(1), c.DoneAt);
        Assert.Equal("号码不符", c.Remarks);

        Assert.Throws<DomainException>(() => c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At.AddHours(2), null));
        Assert.Throws<DomainException>(() => c.RecordAnswer(Answer(), CallbackChannel.Phone, "desk-1", "张客服", At.AddHours(2)));
        Assert.Equal(2, c.Attempts);
    }

    [Fact]
    public void An_answered_call_is_not_a_failed_attempt()
    {
        var c = NewCallback();
        Assert.Throws<ArgumentException>(() => c.RecordFailedAttempt(CallOutcome.Answered, "desk-1", "张客服", At, null));
        Assert.Equal(0, c.Attempts);
    }

    [Fact]
    public void Remarks_of_a_failed_attempt_are_at_most_500_characters()
    {
        var c = NewCallback();
        var ex = Assert.Throws<ValidationException>(() =>
            c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At, new string('无', 501)));
        Assert.Equal(["Remarks"], ex.Errors.Select(e => e.Field));
        Assert.Equal(0, c.Attempts);
    }

    [Fact]
    public void An_answer_finishes_the_callback_with_what_the_owner_said()
    {
        var c = NewCallback();
        c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At, "无人接听");
        c.RecordAnswer(Answer(Satisfaction.Neutral, "  师傅来得晚  ", respondent: " 王建国 ", attitude: ServiceAttitude.Fair),
            CallbackChannel.Phone, "desk-2", "李客服", At.AddDays(1));

        Assert.Equal(CallbackStatus.Done, c.Status);
        Assert.Equal(2, c.Attempts);
        Assert.Equal(CallOutcome.Answered, c.LastOutcome);
        Assert.Equal(At.AddDays(1), c.LastAttemptAt);
        Assert.Equal(At.AddDays(1), c.DoneAt);
        Assert.Equal(CallbackChannel.Phone, c.Channel);
        Assert.Equal("desk-2", c.CalledById);
        Assert.Equal("李客服", c.CalledByName);
        Assert.Equal("王建国", c.Respondent);
        Assert.Equal(ServiceAttitude.Fair, c.Attitude);
        Assert.True(c.SiteCleaned);
        Assert.False(c.FeeCorrect);
        Assert.Equal(Satisfaction.Neutral, c.Satisfaction);
        Assert.Equal("师傅来得晚", c.Remarks);
    }

    [Fact]
    public void An_answer_without_remarks_clears_those_of_earlier_attempts()
    {
        var c = NewCallback();
        c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At, "无人接听");
        c.RecordAnswer(Answer(Satisfaction.VerySatisfied, "  "), CallbackChannel.OwnerPortal, "owner-1", "王建国", At.AddDays(1));
        Assert.Null(c.Remarks);
        Assert.Equal(CallbackChannel.OwnerPortal, c.Channel);
    }

    [Fact]
    public void A_callback_is_answered_only_once()
    {
        var c = NewCallback();
        c.RecordAnswer(Answer(), CallbackChannel.Phone, "desk-1", "张客服", At);

        var ex = Assert.Throws<DomainException>(() => c.RecordAnswer(Answer(Satisfaction.VerySatisfied), CallbackChannel.Phone, "desk-1", "张客服", At.AddHours(1)));
        Assert.Contains("不能重复登记", ex.Text.Zh);
        Assert.Throws<DomainException>(() => c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At.AddHours(1), null));
        Assert.Equal(Satisfaction.Satisfied, c.Satisfaction);
        Assert.Equal(1, c.Attempts);
    }

    [Theory]
    [InlineData(Satisfaction.Dissatisfied, null)]
    [InlineData(Satisfaction.VeryDissatisfied, "   ")]
    public void An_unsatisfied_answer_must_say_why(Satisfaction satisfaction, string? remarks)
    {
        var c = NewCallback();
        var ex = Assert.Throws<ValidationException>(() => c.RecordAnswer(Answer(satisfaction, remarks), CallbackChannel.Phone, "desk-1", "张客服", At));
        Assert.Equal(["Remarks"], ex.Errors.Select(e => e.Field));
        Assert.Equal(CallbackStatus.Pending, c.Status);
        Assert.Equal(0, c.Attempts);
    }

    [Fact]
    public void An_unsatisfied_answer_with_remarks_is_recorded()
    {
        var c = NewCallback();
        c.RecordAnswer(Answer(Satisfaction.VeryDissatisfied, "还在漏水"), CallbackChannel.Phone, "desk-1", "张客服", At);
        Assert.Equal(CallbackStatus.Done, c.Status);
        Assert.Equal(Satisfaction.VeryDissatisfied, c.Satisfaction);
    }

    [Fact]
    public void The_answer_is_validated_field_by_field()
    {
        Assert.Equal(["Respondent"], Answer(respondent: " ").Validate().Select(e => e.Field));
        Assert.Equal(["Respondent"], Answer(respondent: new string('王', 51)).Validate().Select(e => e.Field));
        Assert.Equal(["Satisfaction"], Answer((Satisfaction)0).Validate().Select(e => e.Field));
        Assert.Equal(["Attitude"], Answer(attitude: (ServiceAttitude)9).Validate().Select(e => e.Field));
        Assert.Equal(["Remarks"], Answer(remarks: new string('慢', 501)).Validate().Select(e => e.Field));
        Assert.Empty(Answer(remarks: new string('慢', 500), respondent: new string('王', 50)).Validate());
    }

    [Fact]
    public void Cancelling_ends_a_pending_callback()
    {
        var c = NewCallback();
        c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At, null);
        c.Cancel();
        Assert.Equal(CallbackStatus.Cancelled, c.Status);
        Assert.Throws<DomainException>(() => c.RecordAnswer(Answer(), CallbackChannel.Phone, "desk-1", "张客服", At));
    }

    [Fact]
    public void Cancelling_leaves_a_finished_callback_as_it_is()
    {
        var done = NewCallback();
        done.RecordAnswer(Answer(), CallbackChannel.Phone, "desk-1", "张客服", At);
        done.Cancel();
        Assert.Equal(CallbackStatus.Done, done.Status);

        var unreachable = NewCallback();
        unreachable.RecordFailedAttempt(CallOutcome.EmptyNumber, "desk-1", "张客服", At, null);
        unreachable.Cancel();
        Assert.Equal(CallbackStatus.Unreachable, unreachable.Status);
    }
    [Fact]
    public void Remarks_of_exactly_500_characters_are_kept_with_a_failed_attempt()
    {
        var c = NewCallback();
        c.RecordFailedAttempt(CallOutcome.NoAnswer, "desk-1", "张客服", At, " " + new string('无', 500) + " ");
        Assert.Equal((1, new string('无', 500)), (c.Attempts, c.Remarks));
    }
}
