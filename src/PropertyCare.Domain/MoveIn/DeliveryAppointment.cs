using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.MoveIn;

public enum AppointmentStatus
{
    Booked = 0,     // 已预约
    Cancelled = 1,  // 已取消
    Attended = 2,   // 已到场
}

/// <summary>预约交付 — a unit's booking of a slot, by the desk or by the owner in the portal. The rules that need the
/// other bookings (capacity, one booking per unit) are in <see cref="AppointmentRules"/>; the service runs them and
/// the database's unique index on (unit, active) backs the second.</summary>
public class DeliveryAppointment : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int BatchId { get; private set; }
    public int UnitId { get; private set; }
    public int OwnerId { get; private set; }
    public int SlotId { get; private set; }
    public AppointmentStatus Status { get; private set; }
    /// <summary>How many times it was moved to another slot.</summary>
    public int Moves { get; private set; }
    public string? CancelReason { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(DeliveryBatch), BatchId);

    private static readonly Text What = new("预约", "appointment");

    internal static DeliveryAppointment New(DeliveryBatch batch, int unitId, int ownerId, DeliverySlot slot) =>
        new() { BatchId = batch.Id, UnitId = unitId, OwnerId = ownerId, SlotId = slot.Id, Status = AppointmentStatus.Booked };

    internal void MoveTo(DeliverySlot slot)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, AppointmentStatus.Booked);
        SlotId = slot.Id;
        Moves++;
    }

    public void Cancel(string reason)
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, AppointmentStatus.Booked);
        var e = new List<FieldError>();
        Checks.Required(e, nameof(CancelReason), reason, TextLimits.Reason, "取消原因", "Reason");
        e.ThrowIfAny();
        CancelReason = reason.Trim();
        Status = AppointmentStatus.Cancelled;
    }

    /// <summary>The owner came: the delivery inspection can start.</summary>
    public void Attend()
    {
        IllegalStepException.Require(What, Status, MoveInLabels.Label, AppointmentStatus.Booked);
        Status = AppointmentStatus.Attended;
    }

    public bool IsActive => Status != AppointmentStatus.Cancelled;
}

/// <summary>Booking and moving: the slot must be of the batch, open in time, and not full; a unit holds one active
/// booking per batch (no double booking).</summary>
public static class AppointmentRules
{
    /// <summary>Owners book or move up to this long before the slot starts, so the desk can prepare the unit's papers
    /// (ours: the evening before would be too late for the keys and the 入伙通知书).</summary>
    public static readonly TimeSpan BookingCutoff = TimeSpan.FromHours(2);

    /// <param name="bookedInSlot">active appointments in <paramref name="slot"/> now</param>
    /// <param name="unitAppointments">the unit's appointments in this batch, all statuses</param>
    public static DeliveryAppointment Book(DeliveryBatch batch, DeliverySlot slot, int unitId, int ownerId, int bookedInSlot,
        IEnumerable<DeliveryAppointment> unitAppointments, DateTime nowUtc, TimeZoneInfo zone)
    {
        CheckBatchAndSlot(batch, slot, unitId, bookedInSlot, nowUtc, zone);
        if (unitAppointments.Any(a => a.UnitId == unitId && a.IsActive))
            throw new DomainException(new("该房屋已有预约，请改约而不是重复预约", "This unit already has an appointment; move it instead of booking again"));
        return DeliveryAppointment.New(batch, unitId, ownerId, slot);
    }

    /// <summary>改约: to another slot of the same batch with room, before the current slot's cutoff.</summary>
    public static void Move(DeliveryAppointment appointment, DeliveryBatch batch, DeliverySlot from, DeliverySlot to, int bookedInTarget,
        DateTime nowUtc, TimeZoneInfo zone)
    {
        if (appointment.SlotId != from.Id) throw new ArgumentException("from is not the appointment's slot", nameof(from));
        if (to.Id == from.Id) throw new DomainException(new("已预约该时段", "The appointment is already in this slot"));
        if (nowUtc > from.StartUtc(zone) - BookingCutoff)
            throw new DomainException(new("原预约时段即将开始或已过，不能改约，请联系客服中心", "The current slot is about to start or has passed; call the service centre"));
        CheckBatchAndSlot(batch, to, appointment.UnitId, bookedInTarget, nowUtc, zone);
        appointment.MoveTo(to);
    }

    private static void CheckBatchAndSlot(DeliveryBatch batch, DeliverySlot slot, int unitId, int bookedInSlot, DateTime nowUtc, TimeZoneInfo zone)
    {
        IllegalStepException.Require(new("交付批次", "delivery batch"), batch.Status, MoveInLabels.Label, BatchStatus.InProgress);
        if (slot.BatchId != batch.Id) throw new DomainException(new("该时段不属于此交付批次", "The slot belongs to another batch"));
        if (!batch.Contains(unitId)) throw new DomainException(new("该房屋不在此交付批次内", "The unit is not in this batch"));
        if (nowUtc > slot.StartUtc(zone) - BookingCutoff)
            throw new DomainException(new("该时段即将开始或已过，不能预约", "The slot is about to start or has passed"));
        if (slot.IsFull(bookedInSlot)) throw new DomainException(new("该时段已约满，请选择其他时段", "The slot is full; choose another"));
    }
}
