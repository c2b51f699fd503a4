using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.MoveIn;

/// <summary>The Chinese and English names of the move-in statuses, as the screens and PDFs show them.</summary>
public static class MoveInLabels
{
    public static Text Label(this BatchStatus s) => s switch
    {
        BatchStatus.Planned => new("筹备中", "Planned"),
        BatchStatus.InProgress => new("交付中", "In progress"),
        _ => new("已结束", "Closed"),
    };

    public static Text Label(this TakeOverStatus s) => s == TakeOverStatus.Open ? new("验收中", "Open") : new("已完成", "Completed");

    public static Text Label(this CheckResult r) => r switch
    {
        CheckResult.NotChecked => new("未检查", "Not checked"),
        CheckResult.Passed => new("合格", "Passed"),
        CheckResult.Failed => new("不合格", "Failed"),
        _ => new("不适用", "Not applicable"),
    };

    public static Text Label(this DefectStatus s) => s switch
    {
        DefectStatus.Open => new("待整改", "Open"),
        DefectStatus.Promised => new("整改中", "Rectification promised"),
        DefectStatus.Rectified => new("待复查", "Rectified, to be checked"),
        DefectStatus.Closed => new("已关闭", "Closed"),
        _ => new("复查不合格", "Returned"),
    };

    public static Text Label(this AppointmentStatus s) => s switch
    {
        AppointmentStatus.Booked => new("已预约", "Booked"),
        AppointmentStatus.Cancelled => new("已取消", "Cancelled"),
        _ => new("已到场", "Attended"),
    };

    public static Text Label(this InspectionStatus s) => s == InspectionStatus.InProgress ? new("验收中", "In progress") : new("已签字完成", "Signed and completed");

    public static Text Label(this ProcedureStatus s) => s == ProcedureStatus.InProgress ? new("办理中", "In progress") : new("已办结", "Completed");

    public static Text Label(this SignatureKind k) => k == SignatureKind.Tablet ? new("平板签名", "Signed on tablet") : new("纸质签字扫描件", "Signed paper scan");
}
