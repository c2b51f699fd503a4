namespace PropertyCare.Domain.Calendar;

/// <summary>Initial data: the State Council General Office's notice on the 2026 holiday arrangements
/// (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04). Later years are entered by the platform admin
/// when each year's notice is published.</summary>
public static class OfficialSchedule
{
    public static IReadOnlyList<CalendarDay> Year2026 { get; } = Build(
        ("元旦", Off(2026, 1, 1, 3), [new(2026, 1, 4)]),
        ("春节", Off(2026, 2, 15, 23), [new(2026, 2, 14), new(2026, 2, 28)]),
        ("清明节", Off(2026, 4, 4, 6), []),
        ("劳动节", Off(2026, 5, 1, 5), [new(2026, 5, 9)]),
        ("端午节", Off(2026, 6, 19, 21), []),
        ("中秋节", Off(2026, 9, 25, 27), []),
        ("国庆节", Off(2026, 10, 1, 7), [new(2026, 9, 20), new(2026, 10, 10)]));

    private static IEnumerable<DateOnly> Off(int year, int month, int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(d => new DateOnly(year, month, d));

    private static List<CalendarDay> Build(params (string Name, IEnumerable<DateOnly> Off, DateOnly[] Worked)[] holidays)
    {
        var id = 1;
        var days = new List<CalendarDay>();
        foreach (var h in holidays)
        {
            days.AddRange(h.Off.Select(d => new CalendarDay { Id = id++, Date = d, Kind = DayKind.Holiday, Name = h.Name }));
            days.AddRange(h.Worked.Select(d => new CalendarDay { Id = id++, Date = d, Kind = DayKind.Workday, Name = h.Name + "调休" }));
        }
        return days;
    }
}
