using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Infrastructure.Data.Migrations
{
    /// <summary>The tables of Quartz.NET's ADO job store (the package does not create them). Written as
    /// migration operations rather than SQL so each provider creates them with its own types; the layout
    /// follows Quartz.NET's documented schema (QRTZ_ prefix, times as ticks in 64-bit integers).</summary>
    public partial class QuartzJobStore : Migration
    {
        private const int Name = 200, Sched = 120;

        protected override void Up(MigrationBuilder m)
        {
            m.CreateTable("QRTZ_JOB_DETAILS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), JOB_NAME = t.Column<string>(maxLength: Name), JOB_GROUP = t.Column<string>(maxLength: Name),
                DESCRIPTION = t.Column<string>(maxLength: 250, nullable: true), JOB_CLASS_NAME = t.Column<string>(maxLength: 250),
                IS_DURABLE = t.Column<bool>(), IS_NONCONCURRENT = t.Column<bool>(), IS_UPDATE_DATA = t.Column<bool>(), REQUESTS_RECOVERY = t.Column<bool>(),
                JOB_DATA = t.Column<byte[]>(nullable: true),
            }, constraints: t => t.PrimaryKey("PK_QRTZ_JOB_DETAILS", x => new { x.SCHED_NAME, x.JOB_NAME, x.JOB_GROUP }));

            m.CreateTable("QRTZ_TRIGGERS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), TRIGGER_NAME = t.Column<string>(maxLength: Name), TRIGGER_GROUP = t.Column<string>(maxLength: Name),
                JOB_NAME = t.Column<string>(maxLength: Name), JOB_GROUP = t.Column<string>(maxLength: Name), DESCRIPTION = t.Column<string>(maxLength: 250, nullable: true),
                NEXT_FIRE_TIME = t.Column<long>(nullable: true), PREV_FIRE_TIME = t.Column<long>(nullable: true), PRIORITY = t.Column<int>(nullable: true),
                TRIGGER_STATE = t.Column<string>(maxLength: 16), TRIGGER_TYPE = t.Column<string>(maxLength: 8), START_TIME = t.Column<long>(),
                END_TIME = t.Column<long>(nullable: true), CALENDAR_NAME = t.Column<string>(maxLength: Name, nullable: true),
                MISFIRE_INSTR = t.Column<int>(nullable: true), JOB_DATA = t.Column<byte[]>(nullable: true),
            }, constraints: t =>
            {
                t.PrimaryKey("PK_QRTZ_TRIGGERS", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP });
                t.ForeignKey("FK_QRTZ_TRIGGERS_JOB", x => new { x.SCHED_NAME, x.JOB_NAME, x.JOB_GROUP }, "QRTZ_JOB_DETAILS",
                    ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"], onDelete: ReferentialAction.Cascade);
            });

            m.CreateTable("QRTZ_SIMPLE_TRIGGERS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), TRIGGER_NAME = t.Column<string>(maxLength: Name), TRIGGER_GROUP = t.Column<string>(maxLength: Name),
                REPEAT_COUNT = t.Column<long>(), REPEAT_INTERVAL = t.Column<long>(), TIMES_TRIGGERED = t.Column<long>(),
            }, constraints: t =>
            {
                t.PrimaryKey("PK_QRTZ_SIMPLE_TRIGGERS", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP });
                t.ForeignKey("FK_QRTZ_SIMPLE_TRIGGERS_TRIGGER", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP }, "QRTZ_TRIGGERS",
                    ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"], onDelete: ReferentialAction.Cascade);
            });
            m.CreateTable("QRTZ_SIMPROP_TRIGGERS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), TRIGGER_NAME = t.Column<string>(maxLength: Name), TRIGGER_GROUP = t.Column<string>(maxLength: Name),
                STR_PROP_1 = t.Column<string>(maxLength: 512, nullable: true), STR_PROP_2 = t.Column<string>(maxLength: 512, nullable: true), STR_PROP_3 = t.Column<string>(maxLength: 512, nullable: true),
                INT_PROP_1 = t.Column<int>(nullable: true), INT_PROP_2 = t.Column<int>(nullable: true),
                LONG_PROP_1 = t.Column<long>(nullable: true), LONG_PROP_2 = t.Column<long>(nullable: true),
                DEC_PROP_1 = t.Column<decimal>(precision: 13, scale: 4, nullable: true), DEC_PROP_2 = t.Column<decimal>(precision: 13, scale: 4, nullable: true),
                BOOL_PROP_1 = t.Column<bool>(nullable: true), BOOL_PROP_2 = t.Column<bool>(nullable: true),
                TIME_ZONE_ID = t.Column<string>(maxLength: 80, nullable: true),
            }, constraints: t =>
            {
                t.PrimaryKey("PK_QRTZ_SIMPROP_TRIGGERS", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP });
                t.ForeignKey("FK_QRTZ_SIMPROP_TRIGGERS_TRIGGER", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP }, "QRTZ_TRIGGERS",
                    ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"], onDelete: ReferentialAction.Cascade);
            });
            m.CreateTable("QRTZ_CRON_TRIGGERS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), TRIGGER_NAME = t.Column<string>(maxLength: Name), TRIGGER_GROUP = t.Column<string>(maxLength: Name),
                CRON_EXPRESSION = t.Column<string>(maxLength: 120), TIME_ZONE_ID = t.Column<string>(maxLength: 80, nullable: true),
            }, constraints: t =>
            {
                t.PrimaryKey("PK_QRTZ_CRON_TRIGGERS", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP });
                t.ForeignKey("FK_QRTZ_CRON_TRIGGERS_TRIGGER", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP }, "QRTZ_TRIGGERS",
                    ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"], onDelete: ReferentialAction.Cascade);
            });
            m.CreateTable("QRTZ_BLOB_TRIGGERS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), TRIGGER_NAME = t.Column<string>(maxLength: Name), TRIGGER_GROUP = t.Column<string>(maxLength: Name),
                BLOB_DATA = t.Column<byte[]>(nullable: true),
            }, constraints: t =>
            {
                t.PrimaryKey("PK_QRTZ_BLOB_TRIGGERS", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP });
                t.ForeignKey("FK_QRTZ_BLOB_TRIGGERS_TRIGGER", x => new { x.SCHED_NAME, x.TRIGGER_NAME, x.TRIGGER_GROUP }, "QRTZ_TRIGGERS",
                    ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"], onDelete: ReferentialAction.Cascade);
            });

            m.CreateTable("QRTZ_CALENDARS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), CALENDAR_NAME = t.Column<string>(maxLength: Name), CALENDAR = t.Column<byte[]>(),
            }, constraints: t => t.PrimaryKey("PK_QRTZ_CALENDARS", x => new { x.SCHED_NAME, x.CALENDAR_NAME }));
            m.CreateTable("QRTZ_PAUSED_TRIGGER_GRPS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), TRIGGER_GROUP = t.Column<string>(maxLength: Name),
            }, constraints: t => t.PrimaryKey("PK_QRTZ_PAUSED_TRIGGER_GRPS", x => new { x.SCHED_NAME, x.TRIGGER_GROUP }));
            m.CreateTable("QRTZ_FIRED_TRIGGERS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), ENTRY_ID = t.Column<string>(maxLength: 140),
                TRIGGER_NAME = t.Column<string>(maxLength: Name), TRIGGER_GROUP = t.Column<string>(maxLength: Name), INSTANCE_NAME = t.Column<string>(maxLength: Name),
                FIRED_TIME = t.Column<long>(), SCHED_TIME = t.Column<long>(), PRIORITY = t.Column<int>(), STATE = t.Column<string>(maxLength: 16),
                JOB_NAME = t.Column<string>(maxLength: Name, nullable: true), JOB_GROUP = t.Column<string>(maxLength: Name, nullable: true),
                IS_NONCONCURRENT = t.Column<bool>(nullable: true), REQUESTS_RECOVERY = t.Column<bool>(nullable: true),
            }, constraints: t => t.PrimaryKey("PK_QRTZ_FIRED_TRIGGERS", x => new { x.SCHED_NAME, x.ENTRY_ID }));
            m.CreateTable("QRTZ_SCHEDULER_STATE", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), INSTANCE_NAME = t.Column<string>(maxLength: Name),
                LAST_CHECKIN_TIME = t.Column<long>(), CHECKIN_INTERVAL = t.Column<long>(),
            }, constraints: t => t.PrimaryKey("PK_QRTZ_SCHEDULER_STATE", x => new { x.SCHED_NAME, x.INSTANCE_NAME }));
            m.CreateTable("QRTZ_LOCKS", t => new
            {
                SCHED_NAME = t.Column<string>(maxLength: Sched), LOCK_NAME = t.Column<string>(maxLength: 40),
            }, constraints: t => t.PrimaryKey("PK_QRTZ_LOCKS", x => new { x.SCHED_NAME, x.LOCK_NAME }));

            m.CreateIndex("IDX_QRTZ_T_NEXT_FIRE_TIME", "QRTZ_TRIGGERS", ["SCHED_NAME", "NEXT_FIRE_TIME"]);
            m.CreateIndex("IDX_QRTZ_T_NFT_ST", "QRTZ_TRIGGERS", ["SCHED_NAME", "TRIGGER_STATE", "NEXT_FIRE_TIME"]);
            m.CreateIndex("IDX_QRTZ_T_NFT_MISFIRE", "QRTZ_TRIGGERS", ["SCHED_NAME", "MISFIRE_INSTR", "NEXT_FIRE_TIME"]);
            m.CreateIndex("IDX_QRTZ_FT_TRIG_INST_NAME", "QRTZ_FIRED_TRIGGERS", ["SCHED_NAME", "INSTANCE_NAME"]);
            m.CreateIndex("IDX_QRTZ_FT_JOB", "QRTZ_FIRED_TRIGGERS", ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"]);
        }

        protected override void Down(MigrationBuilder m)
        {
            foreach (var t in new[] { "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_FIRED_TRIGGERS",
                         "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_CALENDARS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS" })
                m.DropTable(t);
        }
    }
}
