using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.VacantUnits;

public static class VacantLabels
{
    public static Text Label(this InspectionFrequency f) => f switch
    {
        InspectionFrequency.Weekly => new("每周", "Weekly"),
        InspectionFrequency.Monthly => new("每月", "Monthly"),
        _ => new("每季度", "Quarterly"),
    };

    public static Text Label(this VacantTaskStatus s) => s switch
    {
        VacantTaskStatus.Open => new("待巡查", "To inspect"),
        VacantTaskStatus.Done => new("已巡查", "Inspected"),
        _ => new("已取消", "Cancelled"),
    };

    public static Text Label(this CustodyStatus s) => s switch
    {
        CustodyStatus.Held => new("在库", "Held"),
        CustodyStatus.OnLoan => new("借出", "On loan"),
        _ => new("已归还业主", "Returned to owner"),
    };
}
