using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Complaints;

namespace PropertyCare.Domain.Tests.Complaints;

/// <summary>Complaints on the 2026 official calendar (国庆 1–7 October off, 20 September and 10 October worked), in
/// Shanghai time (UTC+8): local times are written as the desk reads them and converted here.</summary>
internal static class ComplaintWorld
{
    public static readonly ComplaintTime Time = new(new WorkingCalendar(OfficialSchedule.Year2026), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
    public static readonly ComplaintSettings Settings = new() { ProjectId = 1 };

    /// <summary>A local (Shanghai) time as UTC.</summary>
    public static DateTime At(int month, int day, int hour, int minute = 0) => Time.ToUtc(new DateTime(2026, month, day, hour, minute, 0));

    /// <summary>The end of a local day, as UTC: how every deadline is stored.</summary>
    public static DateTime EndOf(int month, int day) => Time.ToUtc(new DateOnly(2026, month, day).ToDateTime(ComplaintTime.EndOfDay));

    public static ComplaintIntake Intake(ComplaintKind kind = ComplaintKind.Complaint, SameDayReason sameDay = SameDayReason.None, string? category = "保洁卫生") =>
        new(kind, ComplaintChannel.Phone, 7, "王女士", "13800138000", "楼道垃圾三天没有清运", "尽快清理", category, sameDay);

    public static Complaint Registered(DateTime atUtc, ComplaintKind kind = ComplaintKind.Complaint, SameDayReason sameDay = SameDayReason.None) =>
        Complaint.Register(Intake(kind, sameDay), 3, false, "u-desk", "李客服", atUtc, Settings, Time);

    public static ComplaintClassification Valid(SameDayReason sameDay = SameDayReason.None) =>
        new(ComplaintClass.Valid, "保洁未按时清运，属我方原因", "保洁卫生", sameDay, "保洁部", "u-clean", "赵保洁");

    public static Complaint Dispatched(DateTime receivedUtc, ComplaintClass cls = ComplaintClass.Valid)
    {
        var c = Registered(receivedUtc);
        c.Classify(Valid() with { Class = cls }, Settings, "李客服", receivedUtc.AddHours(1), Time);
        return c;
    }

    public static Complaint Planned(DateTime receivedUtc, DateTime plannedUtc, ComplaintClass cls = ComplaintClass.Valid)
    {
        var c = Dispatched(receivedUtc, cls);
        c.RecordPlan("今日安排保洁清运并增加巡查频次", "赵保洁", plannedUtc, Settings, Time);
        return c;
    }

    public static Complaint Handled(DateTime receivedUtc, ComplaintClass cls = ComplaintClass.Valid)
    {
        var c = Planned(receivedUtc, receivedUtc.AddHours(2), cls);
        c.Handle("已清运并致歉", "处理及时", "赵保洁", receivedUtc.AddHours(5), Settings, Time);
        return c;
    }
}
