using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Calendar;

/// <summary>The one place deadlines get their working-day calendar, and where the platform admin keeps
/// the holiday table (a year's schedule is entered when the State Council publishes it).</summary>
public sealed class CalendarService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<WorkingCalendar> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
    }

    public async Task<List<CalendarDay>> YearAsync(int year, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }

    public async Task AddAsync(DateOnly date, DayKind kind, string name, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        var errors = CalendarDay.Validate(date, kind, name);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CalendarDays.AnyAsync(d => d.Date == date, ct))
            errors.Add(new(nameof(CalendarDay.Date), new("该日期已有安排，请先删除", "This date already has an entry; remove it first")));
        errors.ThrowIfAny();
        db.CalendarDays.Add(new CalendarDay { Date = date, Kind = kind, Name = name.Trim() });
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(int id, CancellationToken ct = default)
    {
        tenant.Require(Permissions.ManagePlatform);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new RecordNotFoundException();
        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync(ct);
    }
}
