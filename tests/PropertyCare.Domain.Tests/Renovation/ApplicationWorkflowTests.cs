using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.ApplicationFixture;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>The steps of an application: desk check, resubmission, review, permit (and the unit's state), withdrawal,
/// stop and resume, acceptance (the unit back, the observation period) and closing — each allowed only from its statuses.</summary>
public sealed class ApplicationWorkflowTests
{
    [Fact]
    public void The_desk_returns_an_incomplete_file_with_what_is_missing_and_the_applicant_resubmits_it()
    {
        var a = Submitted();
        var e = Assert.Throws<ValidationException>(() => a.DeskCheck(false, " ", "u-desk", Now));
        Assert.Equal("ReturnReason", Assert.Single(e.Errors).Field);
        Assert.Equal(RenovationStatus.Submitted, a.Status);
        a.DeskCheck(false, " 缺少水电改造图 ", "u-desk", Now);
        Assert.Equal(RenovationStatus.Returned, a.Status);
        Assert.Equal("缺少水电改造图", a.ReturnReason);
        Assert.Equal("u-desk", a.DeskCheckedBy);
        Assert.Throws<IllegalStepException>(() => a.DeskCheck(true, null, "u-desk", Now));
        a.Resubmit();
        Assert.Equal(RenovationStatus.Submitted, a.Status);
        a.DeskCheck(true, null, "u-desk2", Now);
        Assert.Equal(RenovationStatus.UnderReview, a.Status);
        Assert.Null(a.ReturnReason);
        Assert.Throws<IllegalStepException>(() => a.Resubmit());
    }

    [Fact]
    public void Approval_fixes_the_deposit_and_fees_due_from_the_settings_and_the_area()
    {
        var a = UnderReview();
        var s = Settings;
        s.DepositMode = DepositMode.PerSquareMeter;
        s.DepositAmount = 33.33m;
        a.Review(ReviewDecision.Approved, null, s, 89.55m, "u-mgr", Now);
        Assert.Equal(RenovationStatus.Approved, a.Status);
        Assert.Equal(2984.70m, a.DepositDue);                 // 33.33 × 89.55 = 2984.7015 → 2984.70
        var fee = Assert.Single(a.FeesDue);
        Assert.Equal(("装修垃圾清运费", 268.65m), (fee.Name, fee.Amount)); // 3 × 89.55
        Assert.Equal("u-mgr", a.ReviewedBy);
        s.DepositAmount = 9999m;                              // a later change of the settings changes nothing here
        Assert.Equal(2984.70m, a.DepositDue);
    }

    [Fact]
    public void Conditions_and_rejection_reasons_must_be_written()
    {
        var a = UnderReview();
        Assert.Equal("DecisionText", Assert.Single(Assert.Throws<ValidationException>(() =>
            a.Review(ReviewDecision.ApprovedWithConditions, "", Settings, 89.5m, "u-mgr", Now)).Errors).Field);
        Assert.Throws<ValidationException>(() => a.Review(ReviewDecision.Rejected, null, Settings, 89.5m, "u-mgr", Now));
        Assert.Equal(RenovationStatus.UnderReview, a.Status);
        a.Review(ReviewDecision.ApprovedWithConditions, "水电改造须隐蔽验收后封闭", Settings, 89.5m, "u-mgr", Now);
        Assert.Equal(RenovationStatus.Approved, a.Status);
        Assert.Equal("水电改造须隐蔽验收后封闭", a.DecisionText);
        Assert.Equal(3000m, a.DepositDue);
    }

    [Fact]
    public void A_rejection_is_final_and_fixes_no_money()
    {
        var a = UnderReview();
        a.Review(ReviewDecision.Rejected, "拆墙方案未附结构图", Settings, 89.5m, "u-mgr", Now);
        Assert.Equal(RenovationStatus.Rejected, a.Status);
        Assert.Equal(0m, a.DepositDue);
        Assert.Empty(a.FeesDue);
        Assert.False(a.Status.IsOpen());
        Assert.Throws<IllegalStepException>(() => a.Review(ReviewDecision.Approved, null, Settings, 89.5m, "u-mgr", Now));
        Assert.Throws<IllegalStepException>(() => a.Withdraw("不装了"));
    }

    [Fact]
    public void Review_is_refused_before_the_desk_check()
    {
        Assert.Throws<IllegalStepException>(() => Submitted().Review(ReviewDecision.Approved, null, Settings, 89.5m, "u-mgr", Now));
    }

    [Fact]
    public void The_permit_needs_the_deposit_in_full_every_fee_and_a_worker_and_reports_all_at_once()
    {
        var a = Approved();
        var unit = Unit();
        var e = Assert.Throws<ValidationException>(() => a.IssuePermit("XK-1", 2999.99m, [], 0, unit, "u-desk", Now));
        Assert.Equal(["Deposit", "Fees", "Workers"], e.Errors.Select(x => x.Field));
        Assert.Contains("应缴 ¥3,000.00，已收 ¥2,999.99", e.Errors[0].Message.Zh);
        Assert.Contains("装修垃圾清运费", e.Errors[1].Message.Zh);
        Assert.Equal(RenovationStatus.Approved, a.Status);
        Assert.Equal(UnitState.Vacant, unit.State);
        Assert.Null(a.PermitNumber);
    }

    [Theory]
    [InlineData(UnitState.Vacant, UnitState.Vacant)]
    [InlineData(UnitState.Occupied, UnitState.Occupied)]
    [InlineData(UnitState.Rented, UnitState.Rented)]
    [InlineData(UnitState.Renovating, UnitState.Vacant)] // delivered as 装修中: nobody lives there yet, so 空置 after
    public void The_permit_makes_the_unit_renovating_and_acceptance_puts_it_back(UnitState before, UnitState after)
    {
        var unit = Unit(before);
        var a = Working(unit);
        Assert.Equal(RenovationStatus.Working, a.Status);
        Assert.Equal(UnitState.Renovating, unit.State);
        Assert.Equal(after, a.StateBefore);
        Assert.Equal("XK-0001", a.PermitNumber);
        Assert.Equal(Now, a.PermitIssuedAt);
        a.Accept(Today.AddDays(60), Settings, unit);
        Assert.Equal(RenovationStatus.Accepted, a.Status);
        Assert.Equal(after, unit.State);
        Assert.Equal(Today.AddDays(150), a.ObservationEndsOn);
    }

    [Fact]
    public void A_unit_not_delivered_gets_no_permit_and_another_unit_is_a_bug()
    {
        var a = Approved();
        var e = Assert.Throws<ValidationException>(() => a.IssuePermit("XK-1", 3000m, ["装修垃圾清运费"], 1, Unit(UnitState.NotDelivered), "u", Now));
        Assert.Equal("Unit", Assert.Single(e.Errors).Field);
        var other = Unit();
        other.Id = 8;
        Assert.Throws<InvalidOperationException>(() => a.IssuePermit("XK-1", 3000m, ["装修垃圾清运费"], 1, other, "u", Now));
    }

    [Fact]
    public void More_deposit_than_due_is_fine_for_the_permit()
    {
        var a = Approved();
        a.IssuePermit("XK-2", 3500m, ["装修垃圾清运费"], 2, Unit(), "u", Now);
        Assert.Equal(RenovationStatus.Working, a.Status);
    }

    [Fact]
    public void Withdrawal_is_allowed_in_every_status_before_the_permit_with_a_reason()
    {
        var returned = Submitted();
        returned.DeskCheck(false, "缺图", "u", Now);
        foreach (var a in new[] { Submitted(), returned, UnderReview(), Approved() })
        {
            var status = a.Status;
            Assert.Throws<ValidationException>(() => a.Withdraw(" "));
            Assert.Equal(status, a.Status);
            a.Withdraw(" 房子要卖了 ");
            Assert.Equal(RenovationStatus.Withdrawn, a.Status);
            Assert.Equal("房子要卖了", a.WithdrawReason);
        }
        var working = Working();
        var e = Assert.Throws<IllegalStepException>(() => working.Withdraw("不装了"));
        Assert.Contains("施工中", e.Text.Zh);
    }

    [Fact]
    public void Works_stop_with_a_reason_and_resume()
    {
        var a = Working();
        Assert.Throws<ValidationException>(() => a.Stop("", null, Now));
        a.Stop("违章拆改未整改", 12, Now);
        Assert.Equal((RenovationStatus.Stopped, "违章拆改未整改", 12), (a.Status, a.StopReason, a.StopViolationId));
        Assert.Throws<IllegalStepException>(() => a.Stop("again", null, Now));
        Assert.Throws<IllegalStepException>(() => a.Accept(Today, Settings, Unit(UnitState.Renovating)));
        a.Resume();
        Assert.Equal(RenovationStatus.Working, a.Status);
        Assert.Throws<IllegalStepException>(() => a.Resume());
        Assert.Throws<IllegalStepException>(() => Approved().Stop("x", null, Now));
    }

    [Fact]
    public void Overdue_only_while_works_are_under_way_past_the_end_in_force()
    {
        var a = Working();
        Assert.False(a.IsOverdue(a.ApprovedEnd));
        Assert.True(a.IsOverdue(a.ApprovedEnd.AddDays(1)));
        Assert.False(Approved().IsOverdue(Today.AddDays(400)));
        var unit = Unit(UnitState.Renovating);
        a.Accept(a.ApprovedEnd.AddDays(5), Settings, unit);
        Assert.False(a.IsOverdue(a.ApprovedEnd.AddDays(10)));
    }

    [Fact]
    public void The_observation_period_is_over_on_its_last_day_and_closing_needs_a_zero_balance()
    {
        var a = Working();
        Assert.False(a.ObservationOver(Today.AddDays(1000)));
        Assert.Throws<IllegalStepException>(() => a.Close(0, Now));
        a.Accept(Today, Settings, Unit(UnitState.Renovating));
        Assert.False(a.ObservationOver(Today.AddDays(89)));
        Assert.True(a.ObservationOver(Today.AddDays(90)));
        var e = Assert.Throws<DomainException>(() => a.Close(3000m, Now));
        Assert.Contains("¥3,000.00", e.Text.Zh);
        Assert.Equal(RenovationStatus.Accepted, a.Status);
        a.Close(0, Now);
        Assert.Equal(RenovationStatus.Closed, a.Status);
        Assert.False(a.Status.IsOpen());
    }

    [Fact]
    public void A_withdrawn_application_is_settled_without_changing_its_status()
    {
        var a = Approved();
        a.Withdraw("不装了");
        a.Close(0, Now);
        Assert.Equal(RenovationStatus.Withdrawn, a.Status);
        Assert.Equal(Now, a.ClosedAt);
    }

    [Fact]
    public void Status_groups()
    {
        Assert.All(Enum.GetValues<RenovationStatus>(), s => Assert.NotEqual(s.ToString(), s.Label().Zh));
        Assert.Equal([RenovationStatus.Submitted, RenovationStatus.Returned, RenovationStatus.UnderReview, RenovationStatus.Approved],
            Enum.GetValues<RenovationStatus>().Where(s => s.IsBeforePermit()));
        Assert.Equal([RenovationStatus.Working, RenovationStatus.Stopped], Enum.GetValues<RenovationStatus>().Where(s => s.IsActiveWorks()));
        Assert.Equal([RenovationStatus.Rejected, RenovationStatus.Closed, RenovationStatus.Withdrawn], Enum.GetValues<RenovationStatus>().Where(s => !s.IsOpen()));
    }
}
