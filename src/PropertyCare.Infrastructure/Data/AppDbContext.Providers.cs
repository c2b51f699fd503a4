using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PropertyCare.Infrastructure.Data;

public partial class AppDbContext
{
    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        base.ConfigureConventions(b);
        // The app's DateTimes are UTC instants and local business times side by side, stored as they are (SQLite and
        // SQL Server keep no kind). Npgsql maps DateTime to timestamptz and refuses any kind but UTC; as
        // "timestamp without time zone" with the kind dropped on write it stores the same values the other two do,
        // and reads them back as SQLite does (Unspecified), so services behave alike on every provider.
        if (Database.IsNpgsql())
        {
            b.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedKind>();
            b.Properties<DateTime?>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedKind>();
        }
    }

    private sealed class UnspecifiedKind() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => v);
}
