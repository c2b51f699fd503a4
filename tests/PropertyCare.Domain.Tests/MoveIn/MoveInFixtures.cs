using PropertyCare.Domain.MoveIn;

namespace PropertyCare.Domain.Tests.MoveIn;

internal static class MoveInFixtures
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DeliveryBatch Batch(bool started = true, params int[] units)
    {
        var b = DeliveryBatch.Plan("一期3栋交付", "蓉城置业", "刘工", "13800138000", new(2026, 12, 1), new(2026, 12, 31),
            units.Length == 0 ? [101, 102, 103] : units);
        b.Id = 7;
        if (started) b.Start();
        return b;
    }

    /// <summary>A slot on 10 December 09:00–11:00 Shanghai (01:00–03:00 UTC).</summary>
    public static DeliverySlot Slot(DeliveryBatch batch, int id = 1, int capacity = 2, int day = 10)
    {
        var s = DeliverySlot.Open(batch, new(2026, 12, day), new(9, 0), new(11, 0), capacity);
        s.Id = id;
        return s;
    }

    /// <summary>Well before any slot: 1 December 08:00 UTC.</summary>
    public static readonly DateTime Early = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
}
