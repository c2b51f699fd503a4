using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Calendar;

public class CalendarServiceTests : IDisposable
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private TestDatabase? _database;
    private TestDatabase _db => _database ??= new(Provider);

    private CalendarService As(string role)
    {
        var t = _db.Tenant(null, role);
        return new CalendarService(_db.Factory(t), t);
    }

    [Fact]
    public async Task A_new_database_holds_the_2026_official_schedule()
    {
        var cal = await As(Roles.ServiceDesk).CurrentAsync();
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(39, (await As(Roles.PlatformAdmin).YearAsync(2026)).Count);
    }

    [Fact]
    public async Task The_platform_admin_enters_next_years_schedule_and_deadlines_follow_it()
    {
        var admin = As(Roles.PlatformAdmin);
        await admin.AddAsync(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦");
        var cal = await admin.CurrentAsync();
        Assert.Equal(new DateOnly(2027, 1, 4), cal.AddWorkingDays(new DateOnly(2026, 12, 31), 1));

        var dup = await Assert.ThrowsAsync<ValidationException>(() => admin.AddAsync(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦"));
        Assert.Equal("Date", dup.Errors.Single().Field);
        var id = (await admin.YearAsync(2027)).Single().Id;
        await admin.RemoveAsync(id);
        Assert.Empty(await admin.YearAsync(2027));
    }

    [Fact]
    public async Task Only_the_platform_admin_edits_the_calendar()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.ProjectManager).AddAsync(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(Roles.HqAuditor).RemoveAsync(1));
        Assert.Equal(39, (await As(Roles.PlatformAdmin).YearAsync(2026)).Count);
    }

    [Fact]
    public async Task A_years_schedule_runs_from_1_january_to_31_december_in_date_order()
    {
        var admin = As(Roles.PlatformAdmin);
        await admin.AddAsync(new DateOnly(2027, 12, 31), DayKind.Holiday, "元旦");
        await admin.AddAsync(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦");
        await admin.AddAsync(new DateOnly(2027, 2, 20), DayKind.Workday, "春节调休");
        await admin.AddAsync(new DateOnly(2028, 1, 1), DayKind.Holiday, "元旦");

        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 20), new DateOnly(2027, 12, 31)],
            (await admin.YearAsync(2027)).Select(d => d.Date));
    }

    [Theory]
    [InlineData(Roles.HqAuditor)]
    [InlineData(Roles.ProjectManager)]
    [InlineData(Roles.ServiceDesk)]
    public async Task Only_the_platform_admin_reads_the_schedule_for_editing(string role) =>
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(role).YearAsync(2026));

    public void Dispose() => _db.Dispose();
}
