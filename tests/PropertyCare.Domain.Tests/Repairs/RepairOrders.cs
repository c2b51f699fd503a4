using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Repairs;

/// <summary>Builds repair orders and drives them into a status through their own methods.</summary>
internal static class RepairOrders
{
    public const string Tech = "tech-1";
    public const string OtherTech = "tech-2";
    public static readonly DateTime ReceivedAt = new(2026, 11, 20, 9, 0, 0);
    public static readonly DateTime DueAt = new(2026, 11, 24, 9, 0, 0);

    public static RepairIntake Intake(
        int? unitId = 101, string? commonArea = null, string category = "水电", string description = "厨房水龙头漏水",
        RepairUrgency urgency = RepairUrgency.Normal, RepairChannel channel = RepairChannel.Phone,
        WorkKind kind = WorkKind.Repair, FeeKind expectedFee = FeeKind.Free, string? preferredTime = null,
        string? contactName = null, string? contactPhone = null) =>
        new(unitId, commonArea, category, description, urgency, channel, kind, expectedFee, preferredTime, contactName, contactPhone);

    public static RepairOrder New(RepairIntake? intake = null, RepairOrder? reworkOf = null, DateTime? dueAt = null, int id = 7, int projectId = 3)
    {
        var order = RepairOrder.Register("BX-20261120-0001", intake ?? Intake(), ownerId: 11, ReceivedAt, dueAt ?? DueAt,
            "desk-1", "张客服", reworkOf);
        order.Id = id;
        order.ProjectId = projectId;
        return order;
    }

    public static void Complete(RepairOrder o) =>
        o.Complete(Tech, ReceivedAt.AddHours(5), "更换水龙头阀芯", "阀芯 1 个", FeeKind.Free, null);

    /// <summary>A new order taken to <paramref name="status"/> by the legal steps.</summary>
    public static RepairOrder In(RepairStatus status, RepairOrder? reworkOf = null)
    {
        var o = New(reworkOf: reworkOf);
        switch (status)
        {
            case RepairStatus.Registered: break;
            case RepairStatus.Dispatched: o.Dispatch(Tech, "李师傅"); break;
            case RepairStatus.Accepted: o.Dispatch(Tech, "李师傅"); o.Accept(Tech); break;
            case RepairStatus.Arrived: o.Dispatch(Tech, "李师傅"); o.Accept(Tech); o.Arrive(Tech, ReceivedAt.AddHours(2)); break;
            case RepairStatus.Completed: To(o, RepairStatus.Arrived); Complete(o); break;
            case RepairStatus.Returned: o.Dispatch(Tech, "李师傅"); o.Return(Tech, "缺少配件"); break;
            case RepairStatus.Closed: To(o, RepairStatus.Completed); o.CloseSatisfied(); break;
            case RepairStatus.Cancelled: o.Cancel("业主已自行修好"); break;
            case RepairStatus.Rework: To(o, RepairStatus.Completed); o.StartRework(); break;
            default: throw new ArgumentOutOfRangeException(nameof(status));
        }
        Assert.Equal(status, o.Status);
        return o;
    }

    private static void To(RepairOrder o, RepairStatus status)
    {
        o.Dispatch(Tech, "李师傅");
        o.Accept(Tech);
        o.Arrive(Tech, ReceivedAt.AddHours(2));
        if (status == RepairStatus.Completed) Complete(o);
    }
}
