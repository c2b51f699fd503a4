using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.ApplicationFixture;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>延期: requested during the works, one at a time, to a later end; approved (the end in force moves) or
/// rejected with a reason by the manager.</summary>
public sealed class ApplicationExtensionTests
{
    [Fact]
    public void An_approved_extension_moves_the_end_in_force()
    {
        var a = Working();
        var end = a.ApprovedEnd;
        a.RequestExtension(end.AddDays(20), " 瓷砖到货延误 ", "u-owner", Now, Settings);
        Assert.Equal(ExtensionStatus.Requested, a.PendingExtension!.Status);
        Assert.Equal(end, a.ApprovedEnd);
        a.DecideExtension(true, null, "u-mgr", Now);
        Assert.Null(a.PendingExtension);
        Assert.Equal(end.AddDays(20), a.ApprovedEnd);
        Assert.Equal(a.PlannedEnd, end);
        var x = Assert.Single(a.Extensions);
        Assert.Equal((ExtensionStatus.Approved, "瓷砖到货延误", "u-mgr"), (x.Status, x.Reason, x.DecidedBy));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_keeps_the_end()
    {
        var a = Working();
        var end = a.ApprovedEnd;
        a.RequestExtension(end.AddDays(5), "工期紧", "u", Now, Settings);
        Assert.Throws<ValidationException>(() => a.DecideExtension(false, " ", "u-mgr", Now));
        Assert.NotNull(a.PendingExtension);
        a.DecideExtension(false, "已多次超期", "u-mgr", Now);
        Assert.Equal(end, a.ApprovedEnd);
        Assert.Equal(ExtensionStatus.Rejected, a.Extensions[0].Status);
        Assert.Throws<DomainException>(() => a.DecideExtension(true, null, "u-mgr", Now));
        a.RequestExtension(end.AddDays(3), "再申请", "u", Now, Settings); // a new request after a decision is fine
        Assert.Equal(2, a.Extensions.Count);
    }

    [Fact]
    public void One_request_at_a_time_to_a_later_end_within_the_longest_period_with_a_reason()
    {
        var a = Working();
        var end = a.ApprovedEnd;
        var e = Assert.Throws<ValidationException>(() => a.RequestExtension(end, "", "u", Now, Settings));
        Assert.Equal(["RequestedEnd", "Reason"], e.Errors.Select(x => x.Field));
        Assert.Contains("一次延期不能超过 90 天", Assert.Single(Assert.Throws<ValidationException>(() =>
            a.RequestExtension(end.AddDays(91), "很久", "u", Now, Settings)).Errors).Message.Zh);
        a.RequestExtension(end.AddDays(90), "很久", "u", Now, Settings);
        Assert.Equal("Extensions", Assert.Single(Assert.Throws<ValidationException>(() =>
            a.RequestExtension(end.AddDays(10), "再来", "u", Now, Settings)).Errors).Field);
        Assert.Single(a.Extensions);
    }

    [Fact]
    public void Extensions_only_while_the_works_are_under_way()
    {
        Assert.Throws<IllegalStepException>(() => Approved().RequestExtension(Today.AddDays(100), "x", "u", Now, Settings));
        var stopped = Working();
        stopped.Stop("违章", null, Now);
        stopped.RequestExtension(stopped.ApprovedEnd.AddDays(10), "停工耽误", "u", Now, Settings);
        Assert.NotNull(stopped.PendingExtension);
    }

    [Fact]
    public void A_request_left_open_at_acceptance_can_no_longer_be_decided()
    {
        var a = Working();
        var end = a.ApprovedEnd;
        a.RequestExtension(end.AddDays(10), "收尾", "u", Now, Settings);
        a.Accept(Today.AddDays(30), Settings, Unit(UnitState.Renovating));
        Assert.Throws<IllegalStepException>(() => a.DecideExtension(true, null, "u-mgr", Now));
        Assert.Equal(end, a.ApprovedEnd);
    }
}
