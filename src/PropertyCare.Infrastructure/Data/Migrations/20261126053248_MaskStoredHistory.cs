using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Infrastructure.Data.Migrations
{
    /// <summary>SQLite set only; changes no schema. It marks the point at which change history stored before masking
    /// existed is masked in place: a start that finds it pending masks first (Auditing.StoredHistoryMasking).</summary>
    public partial class MaskStoredHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing here: the masking needs the application's mask rule, so it runs in C# just before.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
