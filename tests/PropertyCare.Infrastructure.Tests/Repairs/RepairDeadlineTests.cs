using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The deadline the desk's registration writes, to the microsecond: urgent requests at the end of the
/// project's local day whatever the calendar says, normal ones after the project's working days, counted on the
/// holiday table as the platform admin keeps it, in the project's own time zone.</summary>
[Collection(RepairsCollection.Name)]
public class RepairDeadlineTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static void SetClock(RepairWorld w, DateTime utc) => w.Clock.Advance(new DateTimeOffset(utc, TimeSpan.Zero) - w.Clock.Now);

    private static async Task<RepairOrder> RegisterAsync(RepairWorld w, int unit, RepairUrgency urgency)
    {
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, urgency: urgency), []);
        return await w.OrderAsync(w.A, id);
    }

    [Fact]
    public async Task Normal_deadlines_follow_the_holiday_table_and_urgent_ones_end_the_local_day_even_on_a_weekend()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var calendar = w.As(Roles.PlatformAdmin, w.A, "u-admin", "平台管理员").GetRequiredService<CalendarService>();
        // This week Wednesday is a day off and Saturday is worked in exchange (调休).
        await calendar.AddAsync(new DateOnly(2026, 11, 25), DayKind.Holiday, "调休放假");
        await calendar.AddAsync(new DateOnly(2026, 11, 28), DayKind.Workday, "调休上班");

        // Monday 10:00 Shanghai (02:00 UTC) + 2 working days, Wednesday off: Thursday 10:00.
        Assert.Equal(new DateTime(2026, 11, 26, 2, 0, 0), (await RegisterAsync(w, unit, RepairUrgency.Normal)).DueAt);
        // Urgent: the last microsecond of Monday in Shanghai (16:00 UTC, less one microsecond).
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 0).AddMicroseconds(-1), (await RegisterAsync(w, unit, RepairUrgency.Urgent)).DueAt);

        // Friday 17:30 Shanghai: 6.5 h of Friday, all of the worked Saturday, then 17.5 h of Monday — Monday 17:30.
        SetClock(w, new DateTime(2026, 11, 27, 9, 30, 0));
        Assert.Equal(new DateTime(2026, 11, 30, 9, 30, 0), (await RegisterAsync(w, unit, RepairUrgency.Normal)).DueAt);

        // Saturday 23:59:59 and Sunday 08:00: urgent is due the same local day, working day or not.
        SetClock(w, new DateTime(2026, 11, 28, 15, 59, 59));
        var lastSecond = await RegisterAsync(w, unit, RepairUrgency.Urgent);
        Assert.Equal(new DateTime(2026, 11, 28, 16, 0, 0).AddMicroseconds(-1), lastSecond.DueAt);
        Assert.Equal(new DateTime(2026, 11, 28, 15, 59, 59), lastSecond.ReceivedAt);
        SetClock(w, new DateTime(2026, 11, 29, 0, 0, 0));
        Assert.Equal(new DateTime(2026, 11, 29, 16, 0, 0).AddMicroseconds(-1), (await RegisterAsync(w, unit, RepairUrgency.Urgent)).DueAt);
        // A normal request on Sunday starts its clock on Monday 00:00: two whole working days, Wednesday 00:00.
        Assert.Equal(new DateTime(2026, 12, 1, 16, 0, 0), (await RegisterAsync(w, unit, RepairUrgency.Normal)).DueAt);
    }

    [Fact]
    public async Task Deadlines_and_numbers_follow_the_projects_own_time_zone()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        // A project in Xinjiang keeps local time two hours behind Beijing (UTC+6).
        w.A.TimeZone = "Asia/Urumqi";
        await using (var db = new AppDbContext(w.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            await db.Projects.Where(p => p.Id == w.A.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "Asia/Urumqi"));
        }
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");

        // Monday 17:00 UTC: already Tuesday 01:00 in Beijing, still Monday 23:00 in Urumqi.
        SetClock(w, new DateTime(2026, 11, 23, 17, 0, 0));
        var urgent = await RegisterAsync(w, unit, RepairUrgency.Urgent);
        Assert.Equal(new DateTime(2026, 11, 23, 18, 0, 0).AddMicroseconds(-1), urgent.DueAt);
        Assert.StartsWith("BX-20261123-", urgent.Number);
        // Normal: Monday 23:00 local + 2 working days = Wednesday 23:00 local = 17:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 25, 17, 0, 0), (await RegisterAsync(w, unit, RepairUrgency.Normal)).DueAt);
    }
}
