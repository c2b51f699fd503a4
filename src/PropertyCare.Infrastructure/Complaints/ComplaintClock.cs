using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>The project's clock and the complaint deadlines' calendar, read together: every complaint step that sets a
/// deadline takes both.</summary>
internal static class ComplaintClock
{
    public static async Task<(ProjectClock Clock, ComplaintTime Time)> ForAsync(AppDbContext db, TimeProvider time, Project project, CancellationToken ct)
    {
        var clock = ProjectClock.For(time, project);
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
        return (clock, new ComplaintTime(calendar, clock.Zone));
    }
}
