using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Domain.Tests.VacantUnits;

public sealed class InspectionCycleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void The_monthly_cycle_runs_from_the_first_to_the_last_local_day_and_is_due_at_its_end()
    {
        var c = InspectionCycle.At(InspectionFrequency.Monthly, Utc(2026, 11, 15, 6), Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 1), c.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 30), c.LastDay);
        Assert.Equal("2026-11", c.Key);
        Assert.Equal(Utc(2026, 10, 31, 16), c.StartUtc);                         // 1 Nov 00:00 in Shanghai
        Assert.Equal(Utc(2026, 11, 30, 15, 59).AddSeconds(59).AddTicks(9_999_990), c.DueUtc); // 30 Nov 23:59:59.999999 in Shanghai
    }

    [Fact]
    public void Just_after_midnight_on_the_first_in_Shanghai_is_already_the_new_month_though_UTC_is_still_in_the_old()
    {
        var now = Utc(2026, 11, 30, 16, 30); // 1 Dec 00:30 in Shanghai
        Assert.Equal("2026-12", InspectionCycle.At(InspectionFrequency.Monthly, now, Shanghai).Key);
        Assert.Equal("2026-11", InspectionCycle.At(InspectionFrequency.Monthly, now, TimeZoneInfo.Utc).Key);
    }

    [Fact]
    public void The_last_instant_of_the_month_belongs_to_it_and_the_next_tick_to_the_next()
    {
        var nov = InspectionCycle.At(InspectionFrequency.Monthly, Utc(2026, 11, 2), Shanghai);
        Assert.Equal("2026-11", InspectionCycle.At(InspectionFrequency.Monthly, nov.DueUtc, Shanghai).Key);
        Assert.True(nov.Contains(nov.DueUtc));
        Assert.True(nov.Contains(nov.StartUtc));
        Assert.False(nov.Contains(nov.StartUtc.AddTicks(-1)));
        var dec = InspectionCycle.At(InspectionFrequency.Monthly, nov.DueUtc.AddTicks(10), Shanghai);
        Assert.Equal("2026-12", dec.Key);
        Assert.Equal(dec, nov.Next(Shanghai));
        Assert.False(nov.Contains(dec.StartUtc));
    }

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2028, 2, 29)]
    [InlineData(2026, 12, 31)]
    [InlineData(2026, 4, 30)]
    public void The_month_ends_on_its_real_last_day(int y, int m, int last)
    {
        var c = InspectionCycle.At(InspectionFrequency.Monthly, Utc(y, m, 10), Shanghai);
        Assert.Equal(new DateOnly(y, m, last), c.LastDay);
    }

    [Fact]
    public void December_is_followed_by_January_of_the_next_year()
    {
        var dec = InspectionCycle.At(InspectionFrequency.Monthly, Utc(2026, 12, 31, 10), Shanghai);
        Assert.Equal("2026-12", dec.Key);
        Assert.Equal("2027-01", dec.Next(Shanghai).Key);
        Assert.Equal(new DateOnly(2027, 1, 1), dec.Next(Shanghai).FirstDay);
    }

    [Fact]
    public void Weekly_cycles_are_Monday_to_Sunday_named_by_ISO_week()
    {
        // Sunday 29 Nov 2026 20:00 UTC is Monday 30 Nov 04:00 in Shanghai.
        var c = InspectionCycle.At(InspectionFrequency.Weekly, Utc(2026, 11, 29, 20), Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 30), c.FirstDay);
        Assert.Equal(new DateOnly(2026, 12, 6), c.LastDay);
        Assert.Equal("2026-W49", c.Key);
        Assert.Equal("2026-W48", InspectionCycle.At(InspectionFrequency.Weekly, Utc(2026, 11, 29, 20), TimeZoneInfo.Utc).Key);
        // The ISO year: 1 Jan 2027 (a Friday) is in 2026's week 53.
        Assert.Equal("2026-W53", InspectionCycle.At(InspectionFrequency.Weekly, Utc(2027, 1, 1, 5), Shanghai).Key);
    }

    [Fact]
    public void Quarterly_cycles_follow_the_calendar_quarters()
    {
        var c = InspectionCycle.At(InspectionFrequency.Quarterly, Utc(2026, 11, 15), Shanghai);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "2026-Q4"), (c.FirstDay, c.LastDay, c.Key));
        Assert.Equal("2027-Q1", c.Next(Shanghai).Key);
        Assert.Equal("2026-Q1", InspectionCycle.At(InspectionFrequency.Quarterly, Utc(2026, 3, 31, 15, 59), Shanghai).Key);
        Assert.Equal("2026-Q2", InspectionCycle.At(InspectionFrequency.Quarterly, Utc(2026, 3, 31, 16), Shanghai).Key);
    }

    [Fact]
    public void Settings_default_to_monthly_and_a_local_time_is_refused()
    {
        Assert.Equal(InspectionFrequency.Monthly, new VacantInspectionSettings().Frequency);
        Assert.Throws<ArgumentException>(() => InspectionCycle.At(InspectionFrequency.Monthly, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Local), Shanghai));
        Assert.Equal("每月", InspectionFrequency.Monthly.Label().Zh);
    }
}
