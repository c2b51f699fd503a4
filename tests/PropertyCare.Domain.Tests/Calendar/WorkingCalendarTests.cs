using PropertyCare.Domain.Calendar;

namespace PropertyCare.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = new(OfficialSchedule.Year2026);
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2026, 10, 1, false)]  // 国庆节, Thursday
    [InlineData(2026, 10, 7, false)]
    [InlineData(2026, 10, 8, true)]   // Thursday after the holiday
    [InlineData(2026, 10, 10, true)]  // 调休 Saturday
    [InlineData(2026, 9, 20, true)]   // 调休 Sunday
    [InlineData(2026, 2, 14, true)]   // Saturday before 春节, worked
    [InlineData(2026, 2, 23, false)]  // Monday, last day of 春节
    [InlineData(2026, 11, 21, false)] // an ordinary Saturday
    [InlineData(2026, 11, 25, true)]  // an ordinary Wednesday
    public void Knows_holidays_and_worked_weekends(int y, int m, int d, bool working) =>
        Assert.Equal(working, Cal.IsWorkingDay(D(y, m, d)));

    [Fact]
    public void Adding_working_days_skips_a_holiday_week_and_counts_the_worked_saturday()
    {
        // Wednesday 30 Sep + 2 working days: 1–7 Oct are off, 8 Oct (Thu) and 9 Oct (Fri) count.
        Assert.Equal(D(2026, 10, 9), Cal.AddWorkingDays(D(2026, 9, 30), 2));
        // + 3: the worked Saturday 10 Oct counts.
        Assert.Equal(D(2026, 10, 10), Cal.AddWorkingDays(D(2026, 9, 30), 3));
    }

    [Fact]
    public void Crossing_the_year_end_uses_the_new_years_schedule()
    {
        // Wed 31 Dec 2025 + 1: 1–3 Jan 2026 are off and Sunday 4 Jan is worked.
        Assert.Equal(D(2026, 1, 4), Cal.AddWorkingDays(D(2025, 12, 31), 1));
        // Thu 31 Dec 2026 + 1: no 2027 schedule entered yet → Friday 1 Jan 2027 counts as an ordinary weekday.
        Assert.Equal(D(2027, 1, 1), Cal.AddWorkingDays(D(2026, 12, 31), 1));
    }

    [Fact]
    public void Zero_working_days_from_a_holiday_is_the_next_working_day()
    {
        Assert.Equal(D(2026, 10, 8), Cal.AddWorkingDays(D(2026, 10, 3), 0));
        Assert.Equal(D(2026, 11, 25), Cal.AddWorkingDays(D(2026, 11, 25), 0));
    }

    [Fact]
    public void A_deadline_in_working_time_stops_the_clock_over_the_holiday()
    {
        // Received Wed 30 Sep 15:00, "within 2 working days" (48 h of working-day time):
        // 9 h on 30 Sep, then 8 Oct all day (24 h), then 15 h on 9 Oct → 9 Oct 15:00.
        Assert.Equal(new DateTime(2026, 10, 9, 15, 0, 0), Cal.AddWorkingTime(new DateTime(2026, 9, 30, 15, 0, 0), TimeSpan.FromDays(2)));
        // Received on a holiday: the clock starts on the next working day.
        Assert.Equal(new DateTime(2026, 10, 8, 12, 0, 0), Cal.AddWorkingTime(new DateTime(2026, 10, 2, 9, 0, 0), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Working_time_between_counts_only_working_days()
    {
        var from = new DateTime(2026, 9, 30, 12, 0, 0);
        Assert.Equal(TimeSpan.FromHours(12 + 24 + 6), Cal.WorkingTimeBetween(from, new DateTime(2026, 10, 9, 6, 0, 0)));
        Assert.Equal(TimeSpan.Zero, Cal.WorkingTimeBetween(new DateTime(2026, 10, 2), new DateTime(2026, 10, 5)));
        Assert.Equal(TimeSpan.Zero, Cal.WorkingTimeBetween(from, from.AddHours(-1)));
        // 8, 9, 10 (worked Saturday), 12–16 October.
        Assert.Equal(8, Cal.WorkingDaysBetween(D(2026, 9, 30), D(2026, 10, 16)));
    }

    [Fact]
    public void The_2026_schedule_has_the_official_counts()
    {
        Assert.Equal(3 + 9 + 3 + 5 + 3 + 3 + 7, OfficialSchedule.Year2026.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(6, OfficialSchedule.Year2026.Count(d => d.Kind == DayKind.Workday));
        Assert.All(OfficialSchedule.Year2026.Where(d => d.Kind == DayKind.Workday),
            d => Assert.Contains(d.Date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
    }

    [Fact]
    public void A_worked_day_must_be_a_weekend_day()
    {
        Assert.Equal(["Date"], CalendarDay.Validate(D(2026, 11, 25), DayKind.Workday, "调休").Select(e => e.Field));
        Assert.Empty(CalendarDay.Validate(D(2026, 11, 28), DayKind.Workday, "调休"));
        Assert.Equal(["Name"], CalendarDay.Validate(D(2026, 11, 25), DayKind.Holiday, "").Select(e => e.Field));
    }
    [Fact]
    public void The_schedule_rows_have_distinct_positive_ids_to_seed_the_database()
    {
        // The ids are the seed rows' keys: zero or repeated ids would break the migration's seeding.
        Assert.Equal(Enumerable.Range(1, OfficialSchedule.Year2026.Count), OfficialSchedule.Year2026.Select(d => d.Id));
    }

    [Fact]
    public void Negative_working_days_or_time_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingDays(D(2026, 11, 25), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingTime(new DateTime(2026, 11, 25, 9, 0, 0), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void Working_time_that_ends_exactly_at_midnight_ends_that_day()
    {
        // Friday 20 Nov 12:00 + 12 h is Friday 24:00 (Saturday 00:00), not the Monday after the weekend.
        Assert.Equal(new DateTime(2026, 11, 21), Cal.AddWorkingTime(new DateTime(2026, 11, 20, 12, 0, 0), TimeSpan.FromHours(12)));
        // Zero working time from a holiday starts on the next working day.
        Assert.Equal(new DateTime(2026, 10, 8), Cal.AddWorkingTime(new DateTime(2026, 10, 3, 10, 0, 0), TimeSpan.Zero));
    }

    [Fact]
    public void Whole_working_days_between_skip_the_weekend()
    {
        // (Tue 17 Nov, Fri 20 Nov]: Wednesday to Friday; (Thu 19 Nov, Mon 23 Nov]: Friday and Monday.
        Assert.Equal(3, Cal.WorkingDaysBetween(D(2026, 11, 17), D(2026, 11, 20)));
        Assert.Equal(2, Cal.WorkingDaysBetween(D(2026, 11, 19), D(2026, 11, 23)));
        Assert.Equal(0, Cal.WorkingDaysBetween(D(2026, 11, 20), D(2026, 11, 22)));
        Assert.Equal(0, Cal.WorkingDaysBetween(D(2026, 11, 25), D(2026, 11, 25)));
    }

    [Fact]
    public void A_holiday_name_is_required_and_at_most_20_characters()
    {
        Assert.Empty(CalendarDay.Validate(D(2026, 10, 1), DayKind.Holiday, " " + new string('节', 20) + " "));
        Assert.Equal(["Name"], CalendarDay.Validate(D(2026, 10, 1), DayKind.Holiday, new string('节', 21)).Select(e => e.Field));
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    public void Calendar_days_are_between_2000_and_2100(int year, bool valid)
    {
        var errors = CalendarDay.Validate(new DateOnly(year, 3, 1), DayKind.Holiday, "春节").Select(e => e.Field).ToList();
        Assert.Equal(valid ? Array.Empty<string>() : ["Date"], errors);
    }
}
