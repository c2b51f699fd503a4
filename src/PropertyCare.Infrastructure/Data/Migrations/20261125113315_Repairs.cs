using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Repairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RepairOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommonArea = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedFee = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    TechnicianId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TechnicianName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DispatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkDone = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Materials = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Fee = table.Column<int>(type: "INTEGER", nullable: true),
                    FeeAmount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReworkOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PreferredTime = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReceivedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReceivedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairOrders_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RepairOrders_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepairOrders_RepairOrders_ReworkOfId",
                        column: x => x.ReworkOfId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepairOrders_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalDueWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RepairCallbackDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairSettings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Callbacks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepairOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastOutcome = table.Column<int>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    CalledById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CalledByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Respondent = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Attitude = table.Column<int>(type: "INTEGER", nullable: true),
                    SiteCleaned = table.Column<bool>(type: "INTEGER", nullable: true),
                    FeeCorrect = table.Column<bool>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Callbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Callbacks_RepairOrders_RepairOrderId",
                        column: x => x.RepairOrderId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepairOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairPhotos_RepairOrders_RepairOrderId",
                        column: x => x.RepairOrderId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_ProjectId",
                table: "Callbacks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_ProjectId_Status_DueOn",
                table: "Callbacks",
                columns: new[] { "ProjectId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_RepairOrderId_Round",
                table: "Callbacks",
                columns: new[] { "RepairOrderId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_OwnerId",
                table: "RepairOrders",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId",
                table: "RepairOrders",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId_Number",
                table: "RepairOrders",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId_OwnerId",
                table: "RepairOrders",
                columns: new[] { "ProjectId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId_Status_DueAt",
                table: "RepairOrders",
                columns: new[] { "ProjectId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId_TechnicianId_Status",
                table: "RepairOrders",
                columns: new[] { "ProjectId", "TechnicianId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ReworkOfId",
                table: "RepairOrders",
                column: "ReworkOfId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_UnitId",
                table: "RepairOrders",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairPhotos_ProjectId",
                table: "RepairPhotos",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairPhotos_RepairOrderId_Stage",
                table: "RepairPhotos",
                columns: new[] { "RepairOrderId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairSettings_ProjectId",
                table: "RepairSettings",
                column: "ProjectId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Callbacks");

            migrationBuilder.DropTable(
                name: "RepairPhotos");

            migrationBuilder.DropTable(
                name: "RepairSettings");

            migrationBuilder.DropTable(
                name: "RepairOrders");
        }
    }
}
