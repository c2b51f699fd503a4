using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

public sealed class PatrolScheduleTests
{
    private static readonly DateOnly Issued = new(2026, 11, 2);

    [Fact]
    public void Without_a_patrol_the_first_is_due_N_days_after_the_permit()
    {
        Assert.Equal(new DateOnly(2026, 11, 5), PatrolSchedule.NextDue(RenovationStatus.Working, Issued, null, 3));
    }

    [Fact]
    public void After_a_patrol_the_next_is_due_N_days_after_it()
    {
        Assert.Equal(new DateOnly(2026, 11, 14), PatrolSchedule.NextDue(RenovationStatus.Stopped, Issued, new DateOnly(2026, 11, 10), 4));
    }

    [Theory]
    [InlineData(RenovationStatus.Approved)]
    [InlineData(RenovationStatus.Accepted)]
    [InlineData(RenovationStatus.Closed)]
    public void Only_works_under_way_are_due(RenovationStatus status)
    {
        Assert.Null(PatrolSchedule.NextDue(status, Issued, null, 3));
    }

    [Fact]
    public void Due_on_the_day_and_overdue_after_it()
    {
        var due = new DateOnly(2026, 11, 5);
        Assert.False(PatrolSchedule.IsDue(due, due.AddDays(-1)));
        Assert.True(PatrolSchedule.IsDue(due, due));
        Assert.Equal(0, PatrolSchedule.DaysOverdue(due, due));
        Assert.Equal(2, PatrolSchedule.DaysOverdue(due, due.AddDays(2)));
        Assert.False(PatrolSchedule.IsDue(null, due));
    }
}

public sealed class PatrolWorkingHoursTests
{
    private static readonly RenovationSettings Settings = RenovationSettings.Defaults(1);
    // 2026-10-01 (Thursday) is 国庆节; 2026-10-10 (Saturday) a worked make-up day.
    private static readonly WorkingCalendar Calendar = new([
        new CalendarDay { Date = new(2026, 10, 1), Kind = DayKind.Holiday, Name = "国庆节" },
        new CalendarDay { Date = new(2026, 10, 10), Kind = DayKind.Workday, Name = "国庆节调休" },
    ]);

    [Theory]
    [InlineData(2026, 11, 26, 9, 0, true)]    // Thursday morning
    [InlineData(2026, 11, 26, 12, 30, false)] // lunch break
    [InlineData(2026, 11, 26, 18, 0, false)]  // the window ends at 18:00
    [InlineData(2026, 11, 26, 7, 59, false)]
    public void On_a_working_day_only_inside_a_window(int y, int m, int d, int h, int min, bool allowed)
    {
        Assert.Equal(allowed, WorkingHoursRule.Check(new DateTime(y, m, d, h, min, 0), true, Settings, Calendar).Allowed);
    }

    [Fact]
    public void Noisy_work_on_a_weekend_or_holiday_is_refused_quiet_work_is_not()
    {
        var saturday = new DateTime(2026, 11, 28, 9, 0, 0);
        Assert.False(WorkingHoursRule.Check(saturday, true, Settings, Calendar).Allowed);
        Assert.True(WorkingHoursRule.Check(saturday, false, Settings, Calendar).Allowed);
        Assert.False(WorkingHoursRule.Check(new DateTime(2026, 10, 1, 9, 0, 0), true, Settings, Calendar).Allowed);
    }

    [Fact]
    public void A_worked_make_up_Saturday_counts_as_a_working_day()
    {
        Assert.True(WorkingHoursRule.Check(new DateTime(2026, 10, 10, 9, 0, 0), true, Settings, Calendar).Allowed);
    }

    [Fact]
    public void Without_the_rest_day_rule_noise_follows_the_windows_only()
    {
        var s = RenovationSettings.Defaults(1);
        s.NoNoisyWorkOnRestDays = false;
        Assert.True(WorkingHoursRule.Check(new DateTime(2026, 11, 28, 9, 0, 0), true, s, Calendar).Allowed);
        Assert.Equal("每日 08:00–12:00、14:00–18:00", WorkingHoursRule.Describe(s).Zh);
        Assert.Contains("禁止噪音施工", WorkingHoursRule.Describe(Settings).Zh);
    }
}
