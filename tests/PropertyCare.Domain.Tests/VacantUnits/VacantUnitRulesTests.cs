using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Domain.Tests.VacantUnits;

/// <summary>The exact limits and per-day rules of the vacant-unit forms (docs/move-in.md).</summary>
public sealed class VacantUnitRulesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static string[] Fields(Action a) => Assert.Throws<ValidationException>(a).Errors.Select(e => e.Field).ToArray();

    [Fact]
    public void A_midweek_day_belongs_to_the_week_from_its_monday_to_its_sunday()
    {
        // Thursday 19 November 2026, 10:00 in Shanghai.
        var c = InspectionCycle.At(InspectionFrequency.Weekly, new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc), Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 16), c.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 22), c.LastDay);
        Assert.Equal("2026-W47", c.Key);
        // Sunday 22 November, 23:00 in Shanghai: still the same week.
        var sunday = InspectionCycle.At(InspectionFrequency.Weekly, new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc), Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 16), sunday.FirstDay);
    }

    [Fact]
    public void The_key_description_may_be_a_location_long_and_no_longer()
    {
        Assert.Equal(["KeyDescription"], Fields(() => KeyCustody.Accept(101, 11, 33, new(2026, 11, 1), new string('钥', TextLimits.Location + 1))));
        Assert.Equal(TextLimits.Location, KeyCustody.Accept(101, 11, 33, new(2026, 11, 1), new string('钥', TextLimits.Location)).KeyDescription.Length);
    }

    [Fact]
    public void Borrower_and_purpose_over_their_limits_are_refused_by_name()
    {
        var k = KeyCustody.Accept(101, 11, 33, new(2026, 11, 1), "入户门钥匙 2 把");
        Assert.Equal(["Borrower"], Fields(() => k.Lend(new string('张', TextLimits.PersonName + 1), "维修", Now, Now.AddHours(1), "s")));
        Assert.Equal(["Purpose"], Fields(() => k.Lend("张师傅", new string('修', TextLimits.Reason + 1), Now, Now.AddHours(1), "s")));
        Assert.Equal(CustodyStatus.Held, k.Status);
        k.Lend(new string('张', TextLimits.PersonName), new string('修', TextLimits.Reason), Now, Now.AddHours(1), "s");
        Assert.Equal(CustodyStatus.OnLoan, k.Status);
    }

    [Fact]
    public void A_note_on_a_passed_item_may_be_a_description_long_and_no_longer()
    {
        var answers = VacantUnitInspection.Checklist.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));
        answers["室内清洁"] = (CheckResult.Passed, new string('尘', TextLimits.Description + 1));
        Assert.Equal(["室内清洁"], Fields(() => VacantUnitInspection.Record(101, null, "staff-1", "李娜", Now, answers, new(null, null, null))));
        answers["室内清洁"] = (CheckResult.Passed, new string('尘', TextLimits.Description));
        Assert.Equal(TextLimits.Description, VacantUnitInspection.Record(101, null, "staff-1", "李娜", Now, answers, new(null, null, null))
            .Items.Single(i => i.Name == "室内清洁").Note!.Length);
    }

    [Fact]
    public void A_finding_of_another_inspection_is_not_linked()
    {
        var answers = VacantUnitInspection.Checklist.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));
        answers["无渗漏水"] = (CheckResult.Failed, "渗水");
        var r = VacantUnitInspection.Record(101, null, "staff-1", "李娜", Now, answers, new(null, null, null));
        var stranger = new VacantFinding { Item = "无渗漏水", Description = "渗水" };
        Assert.Throws<ArgumentException>(() => r.LinkRepair(stranger, 77));
        Assert.Null(stranger.RepairOrderId);
    }
}
