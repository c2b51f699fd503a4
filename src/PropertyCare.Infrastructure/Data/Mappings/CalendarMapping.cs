using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyCare.Domain.Calendar;

namespace PropertyCare.Infrastructure.Data.Mappings;

internal sealed class CalendarDayMapping : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.Property(x => x.Name).HasMaxLength(20);
        b.HasIndex(x => x.Date).IsUnique();
        // The current year's official schedule ships with the database.
        b.HasData(OfficialSchedule.Year2026.Select(d => new CalendarDay { Id = d.Id, Date = d.Date, Kind = d.Kind, Name = d.Name }));
    }
}
