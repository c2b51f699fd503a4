using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PropertyCare.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class MoveInAndVacantUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RecordId = table.Column<int>(type: "integer", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Developer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DeveloperContact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DeveloperPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    UnitIds = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryBatches_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyCustodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    AuthorisationFileId = table.Column<int>(type: "integer", nullable: false),
                    AuthorisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    KeyDescription = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Loans = table.Column<string>(type: "text", nullable: false),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyCustodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyCustodies_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VacantInspectionSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VacantInspectionSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VacantInspectionSettings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VacantInspectionTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    CycleKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AssigneeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    InspectionId = table.Column<int>(type: "integer", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VacantInspectionTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VacantInspectionTasks_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    AppointmentId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "text", nullable: false),
                    Defects = table.Column<string>(type: "text", nullable: false),
                    Meters = table.Column<string>(type: "text", nullable: false),
                    SignatureKind = table.Column<int>(type: "integer", nullable: true),
                    SignatureFileId = table.Column<int>(type: "integer", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryInspections_DeliveryBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DeliveryBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeliveryInspections_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliverySlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverySlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverySlots_DeliveryBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DeliveryBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MoveInProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Documents = table.Column<string>(type: "text", nullable: false),
                    Fees = table.Column<string>(type: "text", nullable: false),
                    Keys = table.Column<string>(type: "text", nullable: false),
                    KeysReceivedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DeliveredAs = table.Column<int>(type: "integer", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveInProcedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoveInProcedures_DeliveryBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DeliveryBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoveInProcedures_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TakeOverInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    BuildingId = table.Column<int>(type: "integer", nullable: true),
                    Facility = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakeOverInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TakeOverInspections_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TakeOverInspections_DeliveryBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DeliveryBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VacantUnitInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    InspectorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InspectorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    InspectedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    Findings = table.Column<string>(type: "text", nullable: false),
                    Meters = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VacantUnitInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VacantUnitInspections_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VacantUnitInspections_VacantInspectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "VacantInspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryAppointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    SlotId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Moves = table.Column<int>(type: "integer", nullable: false),
                    CancelReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryAppointments_DeliveryBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DeliveryBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeliveryAppointments_DeliverySlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "DeliverySlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeliveryAppointments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TakeOverDefects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PromisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RectifiedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CheckedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Returns = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakeOverDefects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TakeOverDefects_TakeOverInspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "TakeOverInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_Kind_RecordId",
                table: "Attachments",
                columns: new[] { "Kind", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ProjectId",
                table: "Attachments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAppointments_Active",
                table: "DeliveryAppointments",
                columns: new[] { "BatchId", "UnitId" },
                unique: true,
                filter: "\"Status\" <> 1");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAppointments_ProjectId",
                table: "DeliveryAppointments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAppointments_ProjectId_OwnerId",
                table: "DeliveryAppointments",
                columns: new[] { "ProjectId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAppointments_SlotId_Status",
                table: "DeliveryAppointments",
                columns: new[] { "SlotId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAppointments_UnitId",
                table: "DeliveryAppointments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryBatches_ProjectId",
                table: "DeliveryBatches",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryInspections_BatchId_UnitId",
                table: "DeliveryInspections",
                columns: new[] { "BatchId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryInspections_ProjectId",
                table: "DeliveryInspections",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryInspections_ProjectId_OwnerId",
                table: "DeliveryInspections",
                columns: new[] { "ProjectId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryInspections_UnitId",
                table: "DeliveryInspections",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliverySlots_BatchId_Day_StartsAt",
                table: "DeliverySlots",
                columns: new[] { "BatchId", "Day", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverySlots_ProjectId",
                table: "DeliverySlots",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyCustodies_Active",
                table: "KeyCustodies",
                column: "UnitId",
                unique: true,
                filter: "\"Status\" <> 2");

            migrationBuilder.CreateIndex(
                name: "IX_KeyCustodies_ProjectId",
                table: "KeyCustodies",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyCustodies_ProjectId_Status",
                table: "KeyCustodies",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MoveInProcedures_BatchId_UnitId",
                table: "MoveInProcedures",
                columns: new[] { "BatchId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoveInProcedures_ProjectId",
                table: "MoveInProcedures",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveInProcedures_UnitId",
                table: "MoveInProcedures",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TakeOverDefects_InspectionId",
                table: "TakeOverDefects",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_TakeOverDefects_ProjectId",
                table: "TakeOverDefects",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_TakeOverDefects_ProjectId_Status",
                table: "TakeOverDefects",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TakeOverInspections_BatchId",
                table: "TakeOverInspections",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_TakeOverInspections_BuildingId",
                table: "TakeOverInspections",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_TakeOverInspections_ProjectId",
                table: "TakeOverInspections",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_VacantInspectionSettings_ProjectId",
                table: "VacantInspectionSettings",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VacantInspectionTasks_ProjectId",
                table: "VacantInspectionTasks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_VacantInspectionTasks_ProjectId_CycleKey_Status",
                table: "VacantInspectionTasks",
                columns: new[] { "ProjectId", "CycleKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VacantInspectionTasks_ProjectId_Status_DueAt",
                table: "VacantInspectionTasks",
                columns: new[] { "ProjectId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VacantInspectionTasks_ProjectId_UnitId_CycleKey",
                table: "VacantInspectionTasks",
                columns: new[] { "ProjectId", "UnitId", "CycleKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VacantInspectionTasks_UnitId",
                table: "VacantInspectionTasks",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_VacantUnitInspections_ProjectId",
                table: "VacantUnitInspections",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_VacantUnitInspections_ProjectId_UnitId_InspectedAt",
                table: "VacantUnitInspections",
                columns: new[] { "ProjectId", "UnitId", "InspectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VacantUnitInspections_TaskId",
                table: "VacantUnitInspections",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_VacantUnitInspections_UnitId",
                table: "VacantUnitInspections",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "DeliveryAppointments");

            migrationBuilder.DropTable(
                name: "DeliveryInspections");

            migrationBuilder.DropTable(
                name: "KeyCustodies");

            migrationBuilder.DropTable(
                name: "MoveInProcedures");

            migrationBuilder.DropTable(
                name: "TakeOverDefects");

            migrationBuilder.DropTable(
                name: "VacantInspectionSettings");

            migrationBuilder.DropTable(
                name: "VacantUnitInspections");

            migrationBuilder.DropTable(
                name: "DeliverySlots");

            migrationBuilder.DropTable(
                name: "TakeOverInspections");

            migrationBuilder.DropTable(
                name: "VacantInspectionTasks");

            migrationBuilder.DropTable(
                name: "DeliveryBatches");
        }
    }
}
