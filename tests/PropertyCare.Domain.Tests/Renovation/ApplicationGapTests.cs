using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using static PropertyCare.Domain.Tests.Renovation.ApplicationFixture;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>The edges the mutation run found untested in the application and its workers: over-long texts, values
/// trimmed, the one-day period, the permit refused before approval or without a number, the unit of another application.</summary>
public sealed class ApplicationGapTests
{
    private static readonly string OverReason = new('长', TextLimits.Reason + 1);
    private static readonly string OverDescription = new('长', TextLimits.Description + 1);

    [Fact]
    public void The_notes_are_kept_trimmed_and_refused_one_over_the_limit()
    {
        var a = RenovationApplication.File(7, 3, Form() with { Notes = " 周末不施工 " }, Settings, true, "u-owner", Now, Today);
        Assert.Equal("周末不施工", a.Notes);
        var ex = Assert.Throws<ValidationException>(() => RenovationApplication.File(7, 3, Form() with { Notes = OverDescription }, Settings, true, "u", Now, Today));
        Assert.Equal("Notes", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void A_required_text_one_over_its_limit_is_refused()
    {
        var ex = Assert.Throws<ValidationException>(() => RenovationApplication.File(7, 3,
            Form() with { ContractorCompany = new string('公', TextLimits.OrganisationName + 1) }, Settings, true, "u", Now, Today));
        Assert.Equal("ContractorCompany", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Works_of_a_single_day_are_allowed()
    {
        var a = RenovationApplication.File(7, 3, Form() with { PlannedStart = Today.AddDays(3), PlannedEnd = Today.AddDays(3) }, Settings, true, "u", Now, Today);
        Assert.Equal(a.PlannedStart, a.PlannedEnd);
    }

    [Fact]
    public void An_approval_remark_one_over_the_limit_is_refused_and_nothing_changes()
    {
        var a = UnderReview();
        var ex = Assert.Throws<ValidationException>(() => a.Review(ReviewDecision.Approved, OverDescription, Settings, 89.5m, "u-mgr", Now));
        Assert.Equal("DecisionText", Assert.Single(ex.Errors).Field);
        Assert.Equal((RenovationStatus.UnderReview, (ReviewDecision?)null), (a.Status, a.Decision));
    }

    [Fact]
    public void No_permit_before_approval()
    {
        var a = UnderReview();
        var unit = Unit();
        Assert.Throws<IllegalStepException>(() => a.IssuePermit("XK-0001", 10_000m, ["装修垃圾清运费"], 1, unit, "u-desk", Now));
        Assert.Equal((RenovationStatus.UnderReview, UnitState.Vacant), (a.Status, unit.State));
    }

    [Fact]
    public void No_permit_without_its_number()
    {
        var a = Approved();
        var unit = Unit();
        var ex = Assert.Throws<ValidationException>(() => a.IssuePermit(" ", a.DepositDue, a.FeesDue.Select(f => f.Name).ToList(), 1, unit, "u-desk", Now));
        Assert.Equal("PermitNumber", Assert.Single(ex.Errors).Field);
        Assert.Equal((RenovationStatus.Approved, UnitState.Vacant), (a.Status, unit.State));
    }

    [Fact]
    public void An_extension_approval_note_is_trimmed_and_refused_one_over_the_limit()
    {
        var a = Working();
        a.RequestExtension(a.ApprovedEnd.AddDays(10), "瓷砖到货延误", "u-owner", Now, Settings);
        var ex = Assert.Throws<ValidationException>(() => a.DecideExtension(true, OverReason, "u-mgr", Now));
        Assert.Equal("DecisionNote", Assert.Single(ex.Errors).Field);
        Assert.Equal(ExtensionStatus.Requested, a.PendingExtension!.Status);
        var end = a.ApprovedEnd;
        a.DecideExtension(true, " 同意 ", "u-mgr", Now);
        var x = Assert.Single(a.Extensions);
        Assert.Equal((ExtensionStatus.Approved, "同意", end.AddDays(10)), (x.Status, x.DecisionNote, a.ApprovedEnd));
    }

    [Fact]
    public void The_unit_of_another_application_is_not_accepted()
    {
        var a = Working();
        var other = Unit(UnitState.Renovating);
        other.Id = 8;
        Assert.Throws<InvalidOperationException>(() => a.Accept(Today, Settings, other));
        Assert.Equal((RenovationStatus.Working, UnitState.Renovating, (DateOnly?)null), (a.Status, other.State, a.AcceptedOn));
    }

    [Fact]
    public void A_worker_name_one_over_the_limit_is_refused()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            RenovationWorker.Register(5, new string('李', TextLimits.PersonName + 1), "11010519491231002x", "13700001111", null));
        Assert.Equal("Name", Assert.Single(ex.Errors).Field);
    }
}
