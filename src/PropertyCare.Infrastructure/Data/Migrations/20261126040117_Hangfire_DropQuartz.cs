using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Hangfire_DropQuartz : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BackgroundJobId",
                table: "JobRuns",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Quartz's job store (migration QuartzJobStore) is gone with Quartz: Hangfire keeps its own storage.
            // Raw SQL with IF EXISTS: databases created before that migration, or cleaned by hand, may lack some.
            // Children before parents (the trigger tables reference QRTZ_TRIGGERS, which references QRTZ_JOB_DETAILS).
            foreach (var t in new[] { "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_FIRED_TRIGGERS",
                         "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_CALENDARS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS" })
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {t};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Quartz's tables are not recreated: going back to a Quartz build means re-running its migration's SQL.
            migrationBuilder.DropColumn(
                name: "BackgroundJobId",
                table: "JobRuns");
        }
    }
}
