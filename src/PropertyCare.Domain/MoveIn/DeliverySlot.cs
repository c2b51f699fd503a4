using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.MoveIn;

/// <summary>预约时段 — a time on one day of a batch when the desk receives owners, and how many units it can take
/// (one team walks one unit at a time, so capacity is the number of inspection teams × walks per slot).</summary>
public class DeliverySlot : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int BatchId { get; private set; }
    public DateOnly Day { get; private set; }
    public TimeOnly StartsAt { get; private set; }
    public TimeOnly EndsAt { get; private set; }
    public int Capacity { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(DeliveryBatch), BatchId);

    public const int MaxCapacity = 200;

    public static DeliverySlot Open(DeliveryBatch batch, DateOnly day, TimeOnly startsAt, TimeOnly endsAt, int capacity)
    {
        var e = new List<FieldError>();
        if (day < batch.StartsOn || day > batch.EndsOn)
            e.Add(new(nameof(Day), new($"日期须在交付期内（{batch.StartsOn:yyyy-MM-dd} 至 {batch.EndsOn:yyyy-MM-dd}）",
                $"The day must be within the delivery period ({batch.StartsOn:yyyy-MM-dd} to {batch.EndsOn:yyyy-MM-dd})")));
        if (endsAt <= startsAt) e.Add(new(nameof(EndsAt), new("结束时间须晚于开始时间", "The slot ends before it starts")));
        CheckCapacity(e, capacity, 0);
        e.ThrowIfAny();
        return new DeliverySlot { BatchId = batch.Id, Day = day, StartsAt = startsAt, EndsAt = endsAt, Capacity = capacity };
    }

    /// <summary>Capacity may change, but never below the units already booked: nobody is dropped silently.</summary>
    public void ChangeCapacity(int capacity, int booked)
    {
        var e = new List<FieldError>();
        CheckCapacity(e, capacity, booked);
        e.ThrowIfAny();
        Capacity = capacity;
    }

    private static void CheckCapacity(List<FieldError> e, int capacity, int booked)
    {
        if (capacity is < 1 or > MaxCapacity) e.Add(new(nameof(Capacity), new($"容量应在 1–{MaxCapacity} 之间", $"Capacity must be 1–{MaxCapacity}")));
        else if (capacity < booked) e.Add(new(nameof(Capacity), new($"已有 {booked} 户预约，容量不能少于此数", $"{booked} units are booked; capacity cannot be lower")));
    }

    public bool IsFull(int booked) => booked >= Capacity;

    public int Remaining(int booked) => Math.Max(0, Capacity - booked);

    /// <summary>The slot's start as a UTC instant, in the project's zone.</summary>
    public DateTime StartUtc(TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(Day.ToDateTime(StartsAt), zone);
}
