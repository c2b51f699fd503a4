using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

public sealed class RefundTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);

    internal static DepositRefund Approved(decimal balance)
    {
        var r = DepositRefund.Request(7, PaymentMethod.BankTransfer, [], "u-desk", "客服小李", Now);
        r.Id = 11;
        r.Approve(balance, null, "u-mgr", "经理老周", Now);
        return r;
    }

    private static RefundFacts Ready => new(RenovationStatus.Accepted, Today.AddDays(-100), Today.AddDays(-10), Today, 3000m, 0, 0, 0, false);

    [Fact]
    public void A_request_is_refused_with_every_reason_at_once()
    {
        var ex = Assert.Throws<ValidationException>(() => DepositRefund.Request(7, PaymentMethod.Cash,
            [new("a", "a"), new("b", "b")], "u-desk", "客服", Now));
        Assert.Equal(["a", "b"], ex.Errors.Select(e => e.Message.Zh));
        var r = DepositRefund.Request(7, PaymentMethod.Cash, [], "u-desk", "客服小李", Now);
        Assert.Equal((RefundStatus.Requested, "u-desk", "客服小李", (decimal?)null), (r.Status, r.RequestedBy, r.RequestedByName, r.Amount));
    }

    [Fact]
    public void Four_eyes_the_requester_can_never_approve_or_reject()
    {
        var r = DepositRefund.Request(7, PaymentMethod.Cash, [], "u-mgr", "经理老周", Now);
        Assert.Throws<AccessDeniedException>(() => r.Approve(3000m, null, "u-mgr", "经理老周", Now));
        Assert.Throws<AccessDeniedException>(() => r.Reject("不退", "u-mgr", "经理老周", Now));
        Assert.Equal(RefundStatus.Requested, r.Status);
        r.Approve(3000m, null, "u-boss", "另一位经理", Now);
        Assert.Equal(RefundStatus.Approved, r.Status);
    }

    [Fact]
    public void The_amount_is_the_balance_at_approval_and_a_refund_is_approved_once()
    {
        var r = Approved(2750.5m);
        Assert.Equal((RefundStatus.Approved, (decimal?)2750.5m, "u-mgr"), (r.Status, r.Amount, r.DecidedBy));
        Assert.Throws<IllegalStepException>(() => r.Approve(2750.5m, null, "u-other", "x", Now));
        var empty = DepositRefund.Request(7, PaymentMethod.Cash, [], "u-desk", "客服", Now);
        Assert.Throws<DomainException>(() => empty.Approve(0m, null, "u-mgr", "经理", Now));
        Assert.Equal(RefundStatus.Requested, empty.Status);
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var r = DepositRefund.Request(7, PaymentMethod.Cash, [], "u-desk", "客服", Now);
        Assert.Throws<ValidationException>(() => r.Reject(" ", "u-mgr", "经理", Now));
        r.Reject("观察期内发现渗漏", "u-mgr", "经理", Now);
        Assert.Equal((RefundStatus.Rejected, "观察期内发现渗漏", (decimal?)null), (r.Status, r.DecisionNote, r.Amount));
    }

    [Fact]
    public void Eligible_after_acceptance_and_the_observation_period_with_nothing_open()
    {
        Assert.Empty(RefundEligibility.Check(Ready));
        Assert.Empty(RefundEligibility.Check(Ready with { ObservationEndsOn = Today })); // the last day counts as over
    }

    [Fact]
    public void Every_blocking_reason_is_returned()
    {
        var all = RefundEligibility.Check(new(RenovationStatus.Working, null, null, Today, 0m, 2, 1, 3, true));
        Assert.Equal(6, all.Count);
        Assert.Contains(all, t => t.Zh.Contains("余额为零"));
        Assert.Contains(all, t => t.Zh.Contains("待审批的清退"));
        Assert.Contains(all, t => t.Zh.Contains("1 笔扣款"));
        Assert.Contains(all, t => t.Zh.Contains("尚未验收") && t.En.Contains("not accepted"));
        Assert.Contains(all, t => t.Zh.Contains("2 项违章"));
        Assert.Contains(all, t => t.Zh.Contains("3 张") && t.En.Contains("repair"));
    }

    [Fact]
    public void The_observation_period_blocks_until_its_end()
    {
        var r = Assert.Single(RefundEligibility.Check(Ready with { ObservationEndsOn = Today.AddDays(5) }));
        Assert.Contains("尚余 5 天", r.Zh);
        Assert.Contains("5 day", r.En);
    }

    [Theory]
    [InlineData(RenovationStatus.Withdrawn)]
    [InlineData(RenovationStatus.Rejected)]
    public void A_withdrawn_or_rejected_application_is_refundable_without_acceptance(RenovationStatus status)
    {
        Assert.Empty(RefundEligibility.Check(new(status, null, null, Today, 3000m, 0, 0, 0, false)));
        Assert.Single(RefundEligibility.Check(new(status, null, null, Today, 0m, 0, 0, 0, false)));
    }

    [Theory]
    [InlineData(RenovationStatus.Approved)]
    [InlineData(RenovationStatus.Stopped)]
    [InlineData(RenovationStatus.Closed)]
    public void Not_refundable_in_other_states(RenovationStatus status)
    {
        Assert.Single(RefundEligibility.Check(Ready with { Status = status }));
    }
}
