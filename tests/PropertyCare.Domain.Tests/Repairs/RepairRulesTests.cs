using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Repairs;

public sealed class RepairRulesTests
{
    private static readonly WorkingCalendar Cal = new(OfficialSchedule.Year2026);
    private static DateTime T(int m, int d, int h, int min = 0) => new(2026, m, d, h, min, 0);

    [Theory]
    [InlineData(7, "BX-20261122-0007")]
    [InlineData(1, "BX-20261122-0001")]
    [InlineData(9999, "BX-20261122-9999")]
    [InlineData(12345, "BX-20261122-12345")]
    public void Numbers_carry_the_day_and_a_four_digit_sequence(int sequence, string expected) =>
        Assert.Equal(expected, RepairRules.Number(new DateOnly(2026, 11, 22), sequence));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_sequence_starts_at_1(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepairRules.Number(new DateOnly(2026, 11, 22), sequence));

    [Theory]
    [InlineData(11, 20, 8)]   // Friday
    [InlineData(11, 22, 23)]  // Sunday
    [InlineData(10, 2, 0)]    // 国庆节
    public void Urgent_requests_are_due_the_same_day_even_on_a_day_off(int m, int d, int h)
    {
        var due = RepairRules.DueAt(T(m, d, h, 30), RepairUrgency.Urgent, 2, Cal);
        Assert.Equal(new DateOnly(2026, m, d).ToDateTime(new TimeOnly(23, 59, 59, 999, 999)), due);
    }

    [Fact]
    public void Normal_requests_have_whole_working_days()
    {
        // Tuesday 10:00 + 2 working days → Thursday 10:00.
        Assert.Equal(T(11, 26, 10), RepairRules.DueAt(T(11, 24, 10), RepairUrgency.Normal, 2, Cal));
        // Friday 10:00 + 1 → Monday 10:00: the weekend does not count.
        Assert.Equal(T(11, 23, 10), RepairRules.DueAt(T(11, 20, 10), RepairUrgency.Normal, 1, Cal));
        // Friday 10:00 + 2 → Tuesday 10:00.
        Assert.Equal(T(11, 24, 10), RepairRules.DueAt(T(11, 20, 10), RepairUrgency.Normal, 2, Cal));
    }

    [Fact]
    public void A_request_received_on_a_weekend_starts_its_clock_on_monday()
    {
        // Saturday 21 Nov → the clock starts Monday 23 Nov 00:00; one day later is Tuesday 00:00.
        Assert.Equal(T(11, 24, 0), RepairRules.DueAt(T(11, 21, 15), RepairUrgency.Normal, 1, Cal));
    }

    [Fact]
    public void The_national_day_holiday_stops_the_clock()
    {
        // 国庆节 2026: 1–7 October off; Sunday 20 September and Saturday 10 October worked (调休).
        // Wednesday 30 Sep 15:00 + 2: 9 h on 30 Sep, all of Thu 8 Oct, 15 h of Fri 9 Oct.
        Assert.Equal(T(10, 9, 15), RepairRules.DueAt(T(9, 30, 15), RepairUrgency.Normal, 2, Cal));
        // + 3: the worked Saturday 10 October counts.
        Assert.Equal(T(10, 10, 15), RepairRules.DueAt(T(9, 30, 15), RepairUrgency.Normal, 3, Cal));
        // + 4: Sunday 11 October is an ordinary day off → Monday 12 October.
        Assert.Equal(T(10, 12, 15), RepairRules.DueAt(T(9, 30, 15), RepairUrgency.Normal, 4, Cal));
        // Received during the holiday: the clock starts on Thursday 8 October.
        Assert.Equal(T(10, 9, 0), RepairRules.DueAt(T(10, 3, 11), RepairUrgency.Normal, 1, Cal));
        // Received on the last holiday day, 7 October: 8 and 9 October make the two days.
        Assert.Equal(T(10, 10, 0), RepairRules.DueAt(T(10, 7, 20), RepairUrgency.Normal, 2, Cal));
    }

    [Fact]
    public void A_worked_sunday_counts_as_a_working_day()
    {
        // Friday 18 Sep 12:00 + 1: Saturday 19 is off, Sunday 20 September is worked → Sunday 12:00.
        Assert.Equal(T(9, 20, 12), RepairRules.DueAt(T(9, 18, 12), RepairUrgency.Normal, 1, Cal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Normal_requests_need_at_least_one_working_day(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepairRules.DueAt(T(11, 24, 10), RepairUrgency.Normal, days, Cal));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Installations_are_called_back_the_next_day(int repairCallbackDays) =>
        Assert.Equal(new DateOnly(2026, 11, 23), RepairRules.CallbackDate(T(11, 22, 23, 50), WorkKind.Installation, repairCallbackDays));

    [Theory]
    [InlineData(1, 23)]
    [InlineData(2, 24)]
    [InlineData(3, 25)]
    public void Repairs_are_called_back_after_the_projects_days(int days, int expectedDay) =>
        Assert.Equal(new DateOnly(2026, 11, expectedDay), RepairRules.CallbackDate(T(11, 22, 9), WorkKind.Repair, days));

    [Fact]
    public void Callback_dates_run_over_the_month_end()
    {
        Assert.Equal(new DateOnly(2026, 12, 2), RepairRules.CallbackDate(T(11, 30, 9), WorkKind.Repair, 2));
    }

    [Theory]
    [InlineData(0, WorkKind.Repair)]
    [InlineData(4, WorkKind.Repair)]
    [InlineData(0, WorkKind.Installation)]
    [InlineData(4, WorkKind.Installation)]
    public void Callback_days_outside_1_to_3_are_refused(int days, WorkKind kind) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepairRules.CallbackDate(T(11, 22, 9), kind, days));
    [Fact]
    public void Urgency_and_kind_of_work_are_labelled_in_both_languages()
    {
        Assert.Equal(new("紧急", "Urgent"), RepairUrgency.Urgent.Label());
        Assert.Equal(new("一般", "Normal"), RepairUrgency.Normal.Label());
        Assert.Equal(new("安装", "Installation"), WorkKind.Installation.Label());
        Assert.Equal(new("维修", "Repair"), WorkKind.Repair.Label());
    }
}
