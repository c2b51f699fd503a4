using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Domain.Tests.VacantUnits;

public sealed class VacantUnitInspectionTests
{
    private static readonly DateTime At = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, (CheckResult, string?)> AllOk() =>
        VacantUnitInspection.Checklist.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));

    [Fact]
    public void A_clean_inspection_has_no_findings()
    {
        var r = VacantUnitInspection.Record(101, 9, "staff-1", " 李娜 ", At, AllOk(), new(1m, 2m, null));
        Assert.Equal(7, r.Items.Count);
        Assert.Empty(r.Findings);
        Assert.Equal("李娜", r.InspectorName);
        Assert.Equal(9, r.TaskId);
    }

    [Fact]
    public void A_failed_item_is_a_finding_with_a_repair_for_the_unit()
    {
        var a = AllOk();
        a["无渗漏水"] = (CheckResult.Failed, " 卫生间顶棚渗水 ");
        var r = VacantUnitInspection.Record(101, null, "staff-1", "李娜", At, a, new(null, null, null));
        var f = Assert.Single(r.Findings);
        Assert.Equal(("无渗漏水", "卫生间顶棚渗水"), (f.Item, f.Description));
        var intake = VacantUnitInspection.FindingRepair(101, f);
        Assert.Empty(intake.Validate());
        Assert.Contains("卫生间顶棚渗水", intake.Description);
        r.LinkRepair(f, 77);
        Assert.Equal(77, f.RepairOrderId);
        Assert.Throws<DomainException>(() => r.LinkRepair(f, 78));
    }

    [Fact]
    public void Missing_unchecked_unexplained_or_unknown_answers_and_negative_meters_refuse_the_whole_record()
    {
        var a = AllOk();
        a.Remove("无虫害");
        a["门窗关闭"] = (CheckResult.NotChecked, null);
        a["无损坏"] = (CheckResult.Failed, " ");
        a["阳台"] = (CheckResult.Passed, null);
        var ex = Assert.Throws<ValidationException>(() => VacantUnitInspection.Record(101, null, "", "李娜", At, a, new(-1m, null, null)));
        Assert.Equal(["门窗关闭", "无损坏", "无虫害", "阳台", "Water", "InspectorId"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Vacant_units_are_the_units_in_state_vacant()
    {
        Assert.Equal([UnitState.Vacant], Enum.GetValues<UnitState>().Where(VacantUnitRules.IsVacant));
    }

    [Fact]
    public void Coverage_is_inspected_over_vacant_and_full_when_nothing_is_vacant()
    {
        Assert.Equal(new Coverage(8, 6, 2, 0.75m), VacantUnitRules.CoverageOf(8, 6, 2));
        Assert.Equal(1m, VacantUnitRules.CoverageOf(0, 0, 0).Rate);
        Assert.Equal(1m, VacantUnitRules.CoverageOf(3, 5, 0).Rate); // a unit inspected then let counts once
        Assert.Equal(0.3333m, VacantUnitRules.CoverageOf(3, 1, 0).Rate);
        Assert.Throws<ArgumentOutOfRangeException>(() => VacantUnitRules.CoverageOf(-1, 0, 0));
    }
}
