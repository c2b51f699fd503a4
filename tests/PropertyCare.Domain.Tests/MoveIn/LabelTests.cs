using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Domain.Tests.MoveIn;

/// <summary>Every status shows a name of its own in both languages (a status falling into another's label would
/// make two states look the same on screen and in the PDFs).</summary>
public sealed class LabelTests
{
    private static void Distinct<T>(Func<T, Text> label) where T : struct, Enum
    {
        var labels = Enum.GetValues<T>().Select(label).ToList();
        Assert.Equal(labels.Count, labels.Select(l => l.Zh).Distinct().Count());
        Assert.Equal(labels.Count, labels.Select(l => l.En).Distinct().Count());
    }

    [Fact]
    public void Move_in_and_vacant_unit_statuses_have_distinct_labels()
    {
        Distinct<BatchStatus>(MoveInLabels.Label);
        Distinct<TakeOverStatus>(MoveInLabels.Label);
        Distinct<CheckResult>(MoveInLabels.Label);
        Distinct<DefectStatus>(MoveInLabels.Label);
        Distinct<AppointmentStatus>(MoveInLabels.Label);
        Distinct<InspectionStatus>(MoveInLabels.Label);
        Distinct<ProcedureStatus>(MoveInLabels.Label);
        Distinct<SignatureKind>(MoveInLabels.Label);
        Distinct<InspectionFrequency>(VacantLabels.Label);
        Distinct<VacantTaskStatus>(VacantLabels.Label);
        Distinct<CustodyStatus>(VacantLabels.Label);
        Assert.Equal("复查不合格", DefectStatus.Returned.Label().Zh);
        Assert.Equal("已签字完成", InspectionStatus.Completed.Label().Zh);
    }
}
